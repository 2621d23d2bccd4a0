// What the other features may use of sync/ (the shell imports its screens from their files).
export { useSyncStore } from './sync-store';
