import { useState } from 'react';
import type { FileSaveRequest } from '../../shared/ipc-contract';
import { saveFile, type SaveOutcome } from '../app/services/save-file';

/** Saves a copy of what is shown (a runbook's Markdown), and says where it went or why it did not. */
export function SaveCopyButton({ request, label = 'Save a copy' }: { request: FileSaveRequest; label?: string }) {
  const [outcome, setOutcome] = useState<SaveOutcome>();
  return (
    <span className="save-copy">
      <button type="button" onClick={() => void saveFile(request).then(setOutcome)}>
        {label}
      </button>
      <span className={outcome && !outcome.saved ? 'save-outcome failed' : 'save-outcome'} role="status">
        {outcome?.message}
      </span>
    </span>
  );
}
