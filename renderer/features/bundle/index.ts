// What the other features and the shell may use of bundle/: the incident page's and the Incidents
// list's bundle actions, and the drop of a bundle file on the window (the shell mounts the summary dialog from its file).
export { BundleBar } from './BundleBar';
export { ExportBundleButton, useBundleExportOutcome } from './ExportBundleButton';
export { importBundleFile, isBundleFile } from './bundle-import';
