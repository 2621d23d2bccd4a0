import { useAppStore } from '../stores/app-store';
import { useLibraryStore } from '../stores/library-store';

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function StatusLine() {
  const meta = useLibraryStore((state) => state.meta);
  const count = useLibraryStore((state) => state.summaries.length);
  const online = useAppStore((state) => state.online);
  const appInfo = useAppStore((state) => state.appInfo);
  const source = !meta
    ? 'No library'
    : meta.source.kind === 'bundled'
      ? `Bundled library, built ${when(meta.source.builtAt)}`
      : `Git ${meta.source.commit.slice(0, 8)} of ${when(meta.source.committedAt)}, synced ${when(meta.source.syncedAt)}`;
  return (
    <footer className="status-line" role="contentinfo">
      <span data-testid="library-source">{source}</span>
      <span>{count} runbooks</span>
      <span className={online ? 'online' : 'offline'} data-testid="network-state">
        {online ? 'Online' : 'Offline'}
      </span>
      <span>{appInfo ? `Failsafe ${appInfo.version} (${appInfo.host === 'electron' ? 'desktop' : 'test host'})` : 'Browser preview: sync needs the desktop app'}</span>
    </footer>
  );
}
