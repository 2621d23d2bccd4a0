import { useState } from 'react';
import { useDialogStore } from '../../app/services/dialog-store';
import { Dialog } from '../../ui/Dialog';
import { bundledInUse } from './first-sync-gate';
import { useSyncStore } from './sync-store';

/**
 * A first sync asked for during an open incident: it replaces the bundled example library the
 * incident is using, so the responder sees what goes and says whether to sync now. Nothing is
 * fetched until they do; Esc leaves the library as it is.
 */
export function FirstSyncDialog() {
  const close = useDialogStore((state) => state.close);
  // Read once: what the question was about stays on screen while it is answered.
  const [inUse] = useState(bundledInUse);
  const sync = () => {
    close();
    void useSyncStore.getState().syncNow('confirmed');
  };
  return (
    <Dialog
      title="Replace the bundled library during the incident?"
      onClose={close}
      onSubmit={sync}
      closeLabel="Not now"
      actions={
        <button type="submit" className="primary">
          Sync now <kbd>Enter</kbd>
        </button>
      }
    >
      <p>
        “{inUse?.incidentTitle}” is open. The first sync replaces the bundled example library ({inUse?.runbooks} runbooks and its pinned notes) with the repository’s: its
        runbooks will no longer be found by search or alerts.
      </p>
      {inUse && inUse.used.length > 0 && (
        <>
          <p>Runbooks this incident has run, which keep their copies in the runs already started:</p>
          <ul className="dialog-list">
            {inUse.used.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">The on-call roster, severity levels and message templates stay until the repository has its own.</p>
    </Dialog>
  );
}
