// What the other features may use of sharing/ (the shell starts it: start-sharing.ts).
export { useShareStore } from './share-store';
export { unsharedCount } from './exchange-plan';
export { RespondersPanel } from './RespondersPanel';
export { ShareOfflineMark } from './ShareOfflineMark';
