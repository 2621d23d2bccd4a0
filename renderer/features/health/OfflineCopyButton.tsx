import { useState } from 'react';
import { exportOfflineCopy } from './offline-copy';

/** Saves the whole library as one HTML file that opens in any browser, with no network at all. */
export function OfflineCopyButton() {
  const [state, setState] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const outcome = await exportOfflineCopy((done, total) => setState(`Rendering ${done} of ${total} runbooks…`));
    setState(outcome.message);
    setBusy(false);
  };
  return (
    <span className="save-copy">
      <button type="button" disabled={busy} onClick={() => void run()}>
        Save an offline copy (HTML)
      </button>
      <span className="save-outcome" role="status">
        {state}
      </span>
    </span>
  );
}
