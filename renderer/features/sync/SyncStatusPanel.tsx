import { hashOf } from '../../app/services/routes';
import { useSyncStore } from './sync-store';

/** Progress while syncing, then what changed or why it failed, in plain words. */
export function SyncStatusPanel() {
  const running = useSyncStore((state) => state.running);
  const status = useSyncStore((state) => state.status);
  const outcome = useSyncStore((state) => state.outcome);
  const error = useSyncStore((state) => state.error);
  if (running) {
    return (
      <p className="banner sync-progress" role="status">
        Syncing: {status.phase ?? 'starting'}
        {status.percent !== undefined ? ` ${status.percent}%` : ''}
        <progress max={100} value={status.percent} />
      </p>
    );
  }
  if (error) {
    return (
      <div className="banner warning" role="alert">
        <p>{error.message}</p>
        {error.problems.length > 0 && (
          <ul>
            {error.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (!outcome) return null;
  const listed = outcome.changes ? [...outcome.changes.updated.map((item) => ({ ...item, word: 'updated' })), ...outcome.changes.added.map((item) => ({ ...item, word: 'added' }))] : [];
  return (
    <div className="banner sync-outcome" role="status">
      <p>Synced: {outcome.summary}</p>
      {(listed.length > 0 || (outcome.changes?.removed.length ?? 0) > 0) && (
        <ul>
          {listed.map((item) => (
            <li key={item.id}>
              <a href={hashOf({ name: 'runbook', id: item.id })}>{item.title}</a> ({item.word})
            </li>
          ))}
          {outcome.changes?.removed.map((item) => <li key={item.id}>{item.title} (removed)</li>)}
        </ul>
      )}
    </div>
  );
}
