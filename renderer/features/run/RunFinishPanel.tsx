import { useEffect, useRef, useState } from 'react';
import type { EventBody } from '../../../shared/incident/incident-events';
import type { RunState } from '../../../shared/incident/incident-state';

/** Finishing a run: the verification checklist ticked for "completed", or a reason for "aborted". */
export function RunFinishPanel({ run, record, onClose }: { run: RunState; record(bodies: EventBody[]): Promise<boolean>; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLElement>(null);
  // By keyboard: E opens this with focus on the first check; Space ticks, Tab moves on.
  useEffect(() => panel.current?.querySelector<HTMLElement>('input')?.focus(), []);
  const open = run.steps.filter((step) => step.outcome === 'pending' || step.outcome === 'active').length;
  const unticked = run.checks.filter((ticked) => !ticked).length;
  const act = async (bodies: EventBody[]) => {
    setBusy(true);
    await record(bodies);
    setBusy(false);
  };
  return (
    <section ref={panel} className="run-finish" aria-label="Finish the run">
      <h2>Finish the run</h2>
      {run.runbook.verification.length > 0 ? (
        <fieldset>
          <legend>Verification: tick each once it holds</legend>
          {run.runbook.verification.map((check, index) => (
            <label key={index} className="check">
              {/* Never disabled while a tick is written: a disabled box loses the focus, and Space would then drop the responder on the page. */}
              <input type="checkbox" checked={run.checks[index]} aria-busy={busy} onChange={(event) => busy || void act([{ type: 'check-ticked', runId: run.id, check: index, ticked: event.target.checked }])} />
              {check}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">This runbook lists no verification checks.</p>
      )}
      <p>
        <button type="button" className="primary" disabled={busy || open > 0 || unticked > 0} onClick={() => void act([{ type: 'run-finished', runId: run.id, outcome: 'completed' }])}>
          Finish as completed
        </button>{' '}
        <span className="muted">
          {open > 0 ? `${open} step${open === 1 ? ' is' : 's are'} not done, skipped or failed. ` : ''}
          {unticked > 0 ? `${unticked} check${unticked === 1 ? ' is' : 's are'} not ticked.` : ''}
        </span>
      </p>
      <form
        className="step-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) void act([{ type: 'run-finished', runId: run.id, outcome: 'aborted', reason: reason.trim() }]);
        }}
      >
        <label>
          Or abort it: why? (required)
          <input value={reason} onChange={(event) => setReason(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && onClose()} />
        </label>
        <button type="submit" disabled={busy || !reason.trim()}>
          Abort the run <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </form>
    </section>
  );
}
