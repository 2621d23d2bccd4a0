// What the other features may use of links/ (the shell imports its notice from its file).
export { openHandedLink, openLibraryLink, type LinkOpened } from './open-link';
export { startLinkHandover } from './link-handover';
export { useLinkResolver } from './use-link-resolver';
