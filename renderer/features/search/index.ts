// What the other features may use of search/ (the shell imports its screens from their files).
export { appSearch } from './app-search';
export { fetchBundledMeta } from './bundled-library';
export { recordRunbookOpened, unseenChanges } from './runbook-history';
export { WorkerError } from './search-client';
