import { useEffect, useRef, useState, type RefObject } from 'react';
import type { EventBody } from '../../../shared/incident/incident-events';
import type { IncidentState, RunState } from '../../../shared/incident/incident-state';

/** Finishing a run: the verification checklist ticked for "completed", or a reason for "aborted". */
type Bodies = EventBody[] | ((state: IncidentState) => EventBody[]);

/** `reasonField`: the abort reason's field, where the run screen sends words typed elsewhere in the form. */
export function RunFinishPanel({ run, record, onClose, reasonField }: { run: RunState; record(bodies: Bodies): Promise<boolean>; onClose(): void; reasonField: RefObject<HTMLInputElement | null> }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  /** Why the last Enter in the abort field did nothing: an Enter that cannot act says so. */
  const [refused, setRefused] = useState<string>();
  /** Enter aborts from the reason's field and finishes from anywhere else here: its key shows on that one button. */
  const [inReason, setInReason] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const finish = useRef<HTMLButtonElement>(null);
  const missing = missingToFinish(run);
  const canFinish = missing === '';
  const blocked = busy || !canFinish;
  const noChecks = run.runbook.verification.length === 0;
  // By keyboard: E opens this with focus on the first check (Space ticks, Tab moves on); with no
  // checks to tick, on "Finish as completed" so Enter finishes; with nothing to finish, on the reason.
  // Words typed on a check go to the reason (RunScreen sends them there).
  useEffect(() => {
    const first = panel.current?.querySelector<HTMLElement>('input');
    if (noChecks && canFinish) finish.current?.focus();
    else first?.focus();
    // Only where E opened it: later ticks and writes move nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [noChecks]);
  // E pressed right after the last D opens this before that step is written as done: once it is,
  // "Finish as completed" takes the focus from a reason nobody has started typing.
  useEffect(() => {
    if (noChecks && canFinish && document.activeElement === reasonField.current && !reasonField.current?.value) finish.current?.focus();
  }, [noChecks, canFinish, reasonField]);
  const act = async (bodies: Bodies) => {
    setBusy(true);
    await record(bodies);
    setBusy(false);
  };
  /**
   * Finishes as the record stands once the writes before it are in: Enter right after the last
   * Space (its tick still being written) finished nothing and said the checks were not ticked.
   */
  const finishCompleted = async () => {
    let why = '';
    await act((state) => {
      const latest = state.runs.find((candidate) => candidate.id === run.id);
      if (!latest || latest.finished) return [];
      why = missingToFinish(latest);
      return why ? [] : [{ type: 'run-finished', runId: run.id, outcome: 'completed' }];
    });
    if (why) setRefused(`Not finished: ${why}`);
  };
  /**
   * Each Space on a check flips it as the record stands once the writes before it are in: none is
   * dropped while another is being written (Space, Tab, Space ticked only the first), and two on
   * one box tick and untick it.
   */
  const toggle = (index: number) => {
    // A refusal said before this tick ("2 checks are not ticked") is no longer true.
    setRefused(undefined);
    void record((state) => {
      const latest = state.runs.find((candidate) => candidate.id === run.id);
      return latest && !latest.finished ? [{ type: 'check-ticked', runId: run.id, check: index, ticked: !latest.checks[index] }] : [];
    });
  };
  return (
    <section
      ref={panel}
      className="run-finish"
      aria-label="Finish the run"
      // Esc closes it wherever the focus is in it: on a check too, where the run's keys do not listen.
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
        // Enter on a check does what "Finish as completed" says it does: a box has no Enter of its own.
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'checkbox') {
          event.preventDefault();
          void finishCompleted();
        }
      }}
    >
      <h2>Finish the run</h2>
      {run.runbook.verification.length > 0 ? (
        <fieldset>
          <legend>Verification: tick each once it holds</legend>
          {run.runbook.verification.map((check, index) => (
            <label key={index} className="check">
              {/* Never disabled while a tick is written: a disabled box loses the focus, and Space would then drop the responder on the page. */}
              <input type="checkbox" checked={run.checks[index]} onChange={() => toggle(index)} />
              {check}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">This runbook lists no verification checks.</p>
      )}
      <p>
        {/*
          Marked disabled, never disabled: a disabled button leaves the Tab order, and the last
          check's tick, still being written, made Space then Tab skip it for the abort field.
        */}
        <button
          ref={finish}
          type="button"
          className="primary"
          aria-disabled={blocked}
          onClick={() => (busy ? setRefused('Not finished yet: the last change is still being written.') : void finishCompleted())}
        >
          Finish as completed {canFinish && !inReason && <kbd>Enter</kbd>}
        </button>{' '}
        <span className="muted">{missing}</span>
      </p>
      <form
        className="step-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim()) void act([{ type: 'run-finished', runId: run.id, outcome: 'aborted', reason: reason.trim() }]);
          else setRefused(`Not aborted: type why first.${canFinish ? ' To finish as completed, press Shift+Tab to “Finish as completed”, then Enter.' : ''}`);
        }}
      >
        <label>
          Or abort it: why? (required)
          <input ref={reasonField} value={reason} onFocus={() => setInReason(true)} onBlur={() => setInReason(false)} onChange={(event) => (setReason(event.target.value), setRefused(undefined))} />
        </label>
        {/* Not disabled for an empty reason: a form whose button is disabled ignores Enter without a word. */}
        <button type="submit" disabled={busy}>
          Abort the run {inReason && <kbd>Enter</kbd>}
        </button>
        <button type="button" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
        {refused && (
          <p role="status" className="warning">
            {refused}
          </p>
        )}
      </form>
    </section>
  );
}

/** What still stands between the run and "completed", in words; empty when nothing does. */
function missingToFinish(run: RunState): string {
  const open = run.steps.filter((step) => step.outcome === 'pending' || step.outcome === 'active').length;
  const unticked = run.checks.filter((ticked) => !ticked).length;
  return `${open > 0 ? `${open} step${open === 1 ? ' is' : 's are'} not done, skipped or failed. ` : ''}${unticked > 0 ? `${unticked} check${unticked === 1 ? ' is' : 's are'} not ticked.` : ''}`.trim();
}
