import { useLibraryStore } from '../features/library/library-store';

export function StartupProgress() {
  return (
    <div className="startup" role="status" aria-live="polite">
      <h1>Failsafe</h1>
      <p>Opening the runbook library…</p>
    </div>
  );
}

export function StartupFailure() {
  const failure = useLibraryStore((state) => state.failure);
  return (
    <div className="startup failure" role="alert">
      <h1>{failure?.title ?? 'The library could not be opened'}</h1>
      <p>{failure?.detail}</p>
      <button type="button" onClick={() => window.location.reload()}>
        Try again
      </button>
    </div>
  );
}
