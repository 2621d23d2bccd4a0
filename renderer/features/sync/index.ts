export { useSyncStore } from './sync-store';
