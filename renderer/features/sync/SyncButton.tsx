import { syncKeysLabel } from '../../ui/keys';
import { useSyncStore } from './sync-store';

export function SyncButton() {
  const available = useSyncStore((state) => state.available);
  const configured = useSyncStore((state) => !!state.settings?.url);
  const running = useSyncStore((state) => state.running);
  const syncNow = useSyncStore((state) => state.syncNow);
  if (!available) return null;
  return (
    <button type="button" className="sync-button" onClick={() => void syncNow()} disabled={running || !configured} aria-keyshortcuts="Control+Shift+S" title={configured ? 'Sync the library from Git' : 'Set a repository in Settings first'}>
      {running ? 'Syncing…' : 'Sync now'} <kbd>{syncKeysLabel()}</kbd>
    </button>
  );
}
