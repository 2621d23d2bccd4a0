import { useState } from 'react';
import { useDialogStore } from '../../app/services/dialog-store';
import { Dialog } from '../../ui/Dialog';
import { bundledInUse } from './first-sync-gate';
import { useSyncStore } from './sync-store';

/**
 * A first sync asked for during an open incident: it replaces the bundled example library the
 * incident is using, so the responder sees what goes and says whether to sync now. Nothing is
 * fetched until they do; Enter and Esc leave the library as it is.
 */
export function FirstSyncDialog() {
  const close = useDialogStore((state) => state.close);
  // Read once: what the question was about stays on screen while it is answered.
  const [inUse] = useState(bundledInUse);
  const sync = () => {
    close();
    void useSyncStore.getState().syncNow('confirmed');
  };
  // The safe answer is the default: Enter, pressed by reflex to clear a dialog at 3 a.m., keeps the
  // library (it had replaced it). Replacing takes a Tab to its button first.
  return (
    <Dialog
      title="Replace the bundled library during the incident?"
      onClose={close}
      onSubmit={close}
      closeLabel="Keep it for now"
      actions={
        <button type="button" onClick={sync}>
          Replace it and sync
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
      <p className="muted">
        <kbd>Enter</kbd> or <kbd>Esc</kbd> keeps the bundled library; <kbd>Tab</kbd> to <strong>Replace it and sync</strong>, then <kbd>Enter</kbd>, replaces it.
      </p>
    </Dialog>
  );
}
