import { useAppStore } from './services/app-store';
import { useLibraryStore } from '../features/library/library-store';
import { useSyncStore } from '../features/sync/sync-store';

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function StatusLine() {
  const meta = useLibraryStore((state) => state.meta);
  const count = useLibraryStore((state) => state.summaries.length);
  const online = useAppStore((state) => state.online);
  const appInfo = useAppStore((state) => state.appInfo);
  const lastSuccess = useSyncStore((state) => state.status.lastSuccess);
  const lastError = useSyncStore((state) => state.status.lastError);
  const source = !meta
    ? 'No library'
    : meta.source.kind === 'bundled'
      ? `Bundled library, built ${when(meta.source.builtAt)}`
      : `Git ${meta.source.commit.slice(0, 8)} of ${when(meta.source.committedAt)}, synced ${when(meta.source.syncedAt)}`;
  return (
    <footer className="status-line" role="contentinfo">
      <span data-testid="library-source">{source}</span>
      <span className="status-keep" data-testid="runbook-count">
        {count} runbooks
      </span>
      {lastSuccess && <span data-testid="last-sync">Last sync {when(lastSuccess.syncedAt)}</span>}
      {lastError && (!lastSuccess || lastError.at > lastSuccess.syncedAt) && (
        <span className="sync-error status-keep" title={lastError.message}>
          Last sync failed {when(lastError.at)}
        </span>
      )}
      <span className={`${online ? 'online' : 'offline'} status-keep`} data-testid="network-state">
        {online ? 'Online' : 'Offline'}
      </span>
      <span>{appInfo ? `Failsafe ${appInfo.version} (${appInfo.host === 'electron' ? 'desktop' : 'test host'})` : 'Browser preview: sync needs the desktop app'}</span>
    </footer>
  );
}
