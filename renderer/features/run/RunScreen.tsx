import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { durationMs, settledSteps, type ConcurrentOutcome, type IncidentState, type RunState, type StepOutcome } from '../../../shared/incident/incident-state';
import type { EventBody } from '../../../shared/incident/incident-events';
import { runbookHash } from '../../../shared/incident/runbook-copy';
import { stepWaitMs } from '../../../shared/library/step-wait';
import { formatDuration, formatUtc } from '../../../shared/incident/time-format';
import { writerName } from '../../../shared/incident/writers';
import { stepHistoriesOf } from '../../../shared/incident/event-description';
import { orderRecord } from '../../../shared/incident/record-order';
import { nextCommandFromRecord } from '../../../shared/incident/runs/copy-cursor';
import { commandText, fillCommand, missingParams, recordedCommand } from '../../../shared/library/run-params';
import { namedValues, ownValue } from '../../../shared/library/placeholders';
import { stepCommands, stepMarkdown } from '../../../shared/library/markdown/runbook-steps';
import { hashOf } from '../../app/services/routes';
import { copiedNotice } from './copied-notice';
import { useIncidentStore, useNow } from '../incident';
import { useLibraryStore } from '../library';
import { readRunbook, nextOpenStep, settleStep } from './run-actions';
import { writeNote } from '../../app/services/app-actions';
import { StepNotes } from '../notes';
import type { CommandFilling } from '../../ui/markdown/FilledCommand';
import { isTyping } from '../../ui/is-typing';
import { useKeepFocus } from '../../ui/use-keep-focus';
import { isPlainKey, RUN_KEYS } from '../../ui/keys';
import { MarkdownView } from '../../ui/markdown/MarkdownView';
import { RunFinishPanel } from './RunFinishPanel';
import { RunParamsPanel } from './RunParamsPanel';
import { AfterTheSteps, RecoveryPanel } from './RecoveryPanel';
import { dropDraft, keepDraft, readDraft, runFormDraft } from '../../app/services/drafts';

const OUTCOME_MARKS: Record<StepOutcome, string> = { pending: '○', active: '▶', done: '✓', skipped: '↷', failed: '✗' };
const OUTCOME_WORDS: Record<StepOutcome, string> = { pending: 'to do', active: 'in progress', done: 'done', skipped: 'skipped', failed: 'failed' };

type Panel = 'none' | 'skip' | 'fail' | 'note' | 'rollback' | 'finish' | 'params';
/**
 * The panels where the responder writes words: a reason, a note, how the run ended. (The parameters
 * panel opens beside the run when a copy needs a value: the run's keys keep working there.)
 */
const FORMS: Panel[] = ['skip', 'fail', 'note', 'finish'];
/** The forms whose words are kept as a draft while typed (app/services/drafts.ts). */
const TEXT_FORMS = ['skip', 'fail', 'note'] as const;
type TextForm = (typeof TEXT_FORMS)[number];
const isTextForm = (panel: Panel): panel is TextForm => (TEXT_FORMS as readonly Panel[]).includes(panel);

export function RunScreen({ incidentId, runId }: { incidentId: string; runId: string }) {
  const loaded = useIncidentStore((state) => state.loaded[incidentId]);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    void useIncidentStore
      .getState()
      .open(incidentId)
      .then((found) => setMissing(!found));
  }, [incidentId]);
  const run = loaded?.state.runs.find((candidate) => candidate.id === runId);
  if (!loaded) return <p className="loading">{missing ? `There is no incident ${incidentId} on this machine.` : 'Opening…'}</p>;
  if (!run) return <p className="empty">This incident has no such run.</p>;
  return <RunView key={run.id} incident={loaded.state} run={run} />;
}

function RunView({ incident, run }: { incident: IncidentState; run: RunState }) {
  const record = (bodies: EventBody[] | ((state: IncidentState) => EventBody[])) => useIncidentStore.getState().record(incident.id, bodies);
  const secrets = useIncidentStore((state) => state.secrets[run.id]);
  const now = useNow(!run.finished);
  const [viewed, setViewed] = useState(run.current);
  const [panel, setPanel] = useState<Panel>('none');
  // The panel open now, also for writes that finish later: a write must not close a form the
  // responder opened meanwhile (a note typed after O), or the rest of the sentence would reach the
  // page's keys. Set with the state, so it is right before the screen even renders.
  const openPanel = useRef<Panel>('none');
  const draftKey = runFormDraft(run.id);
  const showPanel = (next: Panel) => {
    // A reason or note form closing: its words are recorded or given up, so its draft goes.
    if (isTextForm(openPanel.current) && !isTextForm(next)) dropDraft(draftKey);
    openPanel.current = next;
    setPanel(next);
    setEmptyTried(false);
  };
  const [text, setText] = useState('');
  /** Enter pressed on a reason or note with nothing typed: said, not silently ignored. */
  const [emptyTried, setEmptyTried] = useState(false);
  /**
   * What the last key did, when nothing else on screen shows it (C copies out of sight), and the step
   * it did it on: "Copied: …" belongs to that step, and another step never shows it.
   */
  const [notice, setNotice] = useState<{ step: number; text: string }>();
  const changed = useRunbookChanged(run);
  const field = useRef<HTMLInputElement>(null);
  const article = useRef<HTMLElement>(null);
  // A button pressed (Done on the last step) or a form closed by its Enter goes away with the render
  // that follows: the focus goes to the step itself, not back to the top of the window. Not to a
  // button: an Enter pressed by habit after a note would then mark the step done.
  useKeepFocus(article, () => article.current?.querySelector<HTMLElement>('.run-step'));
  /** The finish form's reason field (RunFinishPanel's). */
  const finishReason = useRef<HTMLInputElement>(null);
  /** The last write of this screen still under way: a C pressed right after D waits for it. */
  const inFlight = useRef<Promise<boolean>>(undefined);
  // The view follows the run's cursor whenever this machine moves it (a step settled, the next one
  // started); when someone else's machine moves it, the step being read stays on screen.
  const ownWriter = useIncidentStore((state) => state.writer.id);
  // Who did what is named once more than one machine writes to the incident.
  const shared = Object.keys(incident.writers).length > 1;
  const events = useIncidentStore((state) => state.loaded[incident.id]?.events);
  const ordered = useMemo(() => (events ? orderRecord(events).ordered : []), [events]);
  // Each step's outcomes so far, from the record: a failure settled later stays in view.
  const histories = useMemo(() => stepHistoriesOf(run, ordered), [ordered, run]);
  const nameOf = (writer: string | undefined) => (writer === undefined ? '' : writer === ownWriter ? 'you' : writerName(incident.writers[writer] ?? { id: writer }));
  // An outcome given beside a settled one carries the name its writer had then.
  const concurrentName = (other: ConcurrentOutcome) => (other.writer === ownWriter ? 'you' : writerName({ id: other.writer, name: other.name }));
  const [cursor, setCursor] = useState(run.current);
  if (cursor !== run.current) {
    setCursor(run.current);
    if (run.currentBy === undefined || run.currentBy === ownWriter) setViewed(run.current);
  }
  /**
   * Opens the reason or note field and focuses it before this key press is over: what the
   * responder types next goes into it, never to the page's single-letter keys.
   */
  const openField = (kind: TextForm) => {
    flushSync(() => showPanel(kind));
    field.current?.focus();
  };
  // A reason or note half typed when the app went down opens again on its step, with its words. A
  // reason for a step no longer in progress comes back as a note on it: the words are never lost.
  useEffect(() => {
    let live = true;
    void readDraft(draftKey).then((draft) => {
      if (!live || !draft?.form || run.finished || openPanel.current !== 'none') return;
      const onStep = draft.step !== undefined && draft.step < run.steps.length ? draft.step : run.current;
      setViewed(onStep);
      setText(draft.text);
      openField(draft.form === 'note' || run.steps[onStep].outcome === 'active' ? draft.form : 'note');
    });
    return () => {
      live = false;
    };
    // Once, as the run is shown (RunView is keyed by the run).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const typeText = (value: string) => {
    setText(value);
    setEmptyTried(false);
    if (isTextForm(panel)) keepDraft({ key: draftKey, text: value, form: panel, step: viewed });
  };

  const step = run.steps[viewed];
  const stepInfo = run.runbook.steps[viewed];
  // A step still in progress when the run ended was stopped there, as the export says.
  const outcomeWords = (outcome: StepOutcome) => (run.finished && outcome === 'active' ? 'stopped' : OUTCOME_WORDS[outcome]);
  const finished = !!run.finished;
  const settledHere = ['done', 'skipped', 'failed'].includes(step.outcome);
  // Enter on a settled step goes back to the step in progress, else starts the next open one, else
  // finishes the run (startViewed): its button says which.
  const inProgress = run.steps.findIndex((candidate) => candidate.outcome === 'active');
  const finishNext = settledHere && inProgress === -1 && nextOpenStep(run, viewed) === undefined;
  const goOnLabel = inProgress !== -1 ? `Back to step ${inProgress + 1}, in progress` : finishNext ? 'Finish the run' : 'Go on with the next step';
  const values = namedValues(Object.entries(run.params).map(([name, param]) => [name, param.secret ? (ownValue(secrets, name) ?? '') : (param.value ?? '')]));
  const filling: CommandFilling = {
    params: run.runbook.params,
    values,
    onCopied: (recorded) => {
      // A copy by a command's own button says "Copied" there: an earlier "Copied: …" line would name the wrong command.
      setNotice(undefined);
      return recordCopy(viewed, recorded);
    },
  };
  /** A command copied on a step, in the record (a finished run's record is closed). */
  function recordCopy(onStep: number, recorded: string): Promise<boolean> {
    return finished ? Promise.resolve(true) : record([{ type: 'command-copied', runId: run.id, step: onStep, command: recorded }]);
  }
  const rollbackFilling: CommandFilling = { ...filling, onCopied: (recorded) => (finished ? Promise.resolve(true) : record([{ type: 'command-copied', runId: run.id, command: recorded }])) };
  const markdown = stepMarkdown(run.runbook, stepInfo);
  const commands = stepCommands(run.runbook, stepInfo);
  /**
   * Which of a step's commands C copies next (see copyNextCommand): set as C copies, so a second C
   * pressed before the first copy is written goes on; else read from the record, so a reload goes
   * on where the copies stopped. New values start again from the first.
   */
  const [nextCopy, setNextCopy] = useState({ step: -1, index: 0, values: '' });
  const valuesNow = JSON.stringify(values);
  const nextIndex = (step: number, all: readonly string[]) => {
    if (all.length < 2) return 0;
    if (nextCopy.step === step && nextCopy.values === valuesNow) return nextCopy.index % all.length;
    return nextCommandFromRecord(ordered, run.id, step, all.map((command) => recordedCommand(fillCommand(command, run.runbook.params, values))));
  };
  const nextOfHere = nextIndex(viewed, commands);

  const act = async (bodies: EventBody[] | ((state: IncidentState) => EventBody[]), then: Panel = 'none') => {
    const from = openPanel.current;
    const writing = record(bodies);
    inFlight.current = writing;
    const ok = await writing;
    if (inFlight.current === writing) inFlight.current = undefined;
    if (ok && openPanel.current === from) {
      showPanel(then);
      setText('');
    }
    return ok;
  };
  /**
   * Settles the step in progress and starts the next open one. Worked out when the write runs, from
   * the run as the writes before it left it, so a second D pressed at once settles the next step.
   */
  const settle = (outcome: (step: number) => EventBody) =>
    act(
      (state) => {
        const latest = state.runs.find((candidate) => candidate.id === run.id);
        return latest ? settleStep(latest, outcome(latest.current)) : [];
      },
      outcome(0).type === 'step-failed' ? 'rollback' : 'none',
    );
  const done = () => settle((index) => ({ type: 'step-done', runId: run.id, step: index }));
  /**
   * The form closes as Enter is pressed, so the next key (a D right after a note) acts on the run
   * instead of landing in a field about to go. What it recorded shows once it is written; if the
   * write fails, the form comes back with the text typed.
   */
  const submitText = async () => {
    const value = text.trim();
    const asked = panel;
    if (!value) return;
    showPanel('none');
    setText('');
    let ok = true;
    if (asked === 'skip') ok = await settle((index) => ({ type: 'step-skipped', runId: run.id, step: index, reason: value }));
    if (asked === 'fail') ok = await settle((index) => ({ type: 'step-failed', runId: run.id, step: index, note: value }));
    if (asked === 'note') ok = await act([{ type: 'run-note', runId: run.id, step: viewed, text: value }]);
    if (!ok && openPanel.current === 'none') {
      showPanel(asked);
      setText(value);
      if (isTextForm(asked)) keepDraft({ key: draftKey, text: value, form: asked, step: viewed });
    }
  };
  /**
   * Enter: start the step looked at when it is to do; on the step in progress, nothing; on a settled
   * one, back to the step in progress if there is one (never a second step started past it, leaving
   * it to do), else the next open step.
   */
  const startViewed = () => {
    if (step.outcome === 'pending') return act([{ type: 'step-started', runId: run.id, step: viewed }]);
    if (step.outcome === 'active') return Promise.resolve(true);
    if (inProgress !== -1) {
      setViewed(inProgress);
      return Promise.resolve(true);
    }
    const next = nextOpenStep(run, viewed);
    if (next !== undefined) return act([{ type: 'step-started', runId: run.id, step: next }]);
    showPanel('finish');
    return Promise.resolve(true);
  };
  // A note's step is counted in the runbook's own steps (its first procedure's). A run of one of a
  // document's procedures has steps of its own: its step 2 is not the document's step 2, so its
  // lessons name the step in their title and attach to the runbook, and no step note is shown on it.
  const stepNotesApply = !run.runbook.procedure;
  // The lesson is a note for the next responder, outside the record; the run records that it was
  // written, so the postmortem (the export) knows there is one and where to find it.
  const writeLesson = () => {
    const onStep = viewed;
    writeNote({ kind: 'lesson-learned', runbooks: [run.runbook.id], ...(stepNotesApply ? { step: viewed + 1 } : {}), title: `${stepInfo.title}: ` }, (title) =>
      void record([{ type: 'run-note', runId: run.id, step: onStep, text: `Lesson written for the next responder (under Notes, on this machine): ${title}` }]),
    );
  };
  /** This run as the record holds it now (a write may have landed since this render). */
  const runAsRecorded = () => useIncidentStore.getState().loaded[incident.id]?.state.runs.find((candidate) => candidate.id === run.id);
  /**
   * Copies the next command of the step looked at, or (`atCursor`: a write just moved the run on) of
   * the run's step in progress: the first, then on each press the one after it, round to the first
   * again (a step of three blocks had only its first within a key's reach); after the values change,
   * the first again.
   */
  const copyNextCommand = async (current: RunState, atCursor: boolean) => {
    const copiedOn = atCursor ? current.current : viewed;
    const all = stepCommands(current.runbook, current.runbook.steps[copiedOn]);
    const index = nextIndex(copiedOn, all);
    const command = all[index];
    if (!command) {
      setNotice({ step: copiedOn, text: 'Nothing copied: this step has no command.' });
      return;
    }
    const pieces = fillCommand(command, current.runbook.params, values);
    const missing = missingParams(pieces);
    if (missing.length) {
      // Said where "Copied" shows: the clipboard still holds what was copied before, and pasting it
      // at 3 a.m. would run the wrong command.
      const labels = missing.map((name) => current.runbook.params.find((param) => param.name === name)?.label ?? name);
      setNotice({ step: copiedOn, text: `Not copied: fill ${labels.join(', ')} first` });
      showPanel('params');
      return;
    }
    try {
      await navigator.clipboard.writeText(commandText(pieces));
    } catch {
      setNotice({ step: copiedOn, text: 'Copy failed: select the command and copy it by hand.' });
      return;
    }
    setNextCopy({ step: copiedOn, index: index + 1, values: valuesNow });
    const which = all.length > 1 ? ` ${index + 1} of ${all.length}` : '';
    const recorded = recordedCommand(pieces);
    setNotice({ step: copiedOn, text: copiedNotice(command, which, (await recordCopy(copiedOn, recorded)) ? recorded : undefined) });
  };

  // While a form is open (finish, a reason, a note), letters are the responder's
  // words, even with focus tabbed onto one of its buttons or checks: never a step marked failed by
  // the F of a sentence, nor the app's own letter keys (L, the severity levels). No other listener
  // sees them; they go into the form's field. Tab, Enter, Space and Esc keep working the form.
  const formOpen = FORMS.includes(panel);
  useEffect(() => {
    if (!formOpen) return;
    const swallow = (event: KeyboardEvent) => {
      // A check is an input but takes no words: on one, Space ticks and a letter goes to the field.
      const onCheck = event.target instanceof HTMLInputElement && event.target.type === 'checkbox';
      if ((isTyping(event.target) && !onCheck) || document.querySelector('[role="dialog"]')) return;
      if (isPlainKey(event, event.key) && /^[\p{L}\p{N}]$/u.test(event.key)) {
        event.stopPropagation();
        // The words were meant for the form's field: focused now, before the key is typed, the
        // letter lands in it, and so does the rest of the sentence (its spaces no longer tick checks).
        const input = openPanel.current === 'finish' ? finishReason.current : field.current;
        if (input) input.focus();
        else event.preventDefault();
      }
    };
    window.addEventListener('keydown', swallow, true);
    return () => window.removeEventListener('keydown', swallow, true);
  }, [formOpen]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || document.querySelector('[role="dialog"]')) return;
      const key = (name: keyof typeof RUN_KEYS) => isPlainKey(event, RUN_KEYS[name]);
      let handled = true;
      if (event.key === 'Escape' && panel !== 'none') showPanel('none');
      // While a form is open, the run's keys wait (see the letters swallowed below); Esc closes it.
      else if (FORMS.includes(panel)) handled = false;
      else if (event.key === 'ArrowDown' || isPlainKey(event, 'j')) setViewed((index) => Math.min(run.steps.length - 1, index + 1));
      else if (event.key === 'ArrowUp' || isPlainKey(event, 'k')) setViewed((index) => Math.max(0, index - 1));
      else if (key('rollback')) showPanel(panel === 'rollback' ? 'none' : 'rollback');
      else if (finished) handled = false;
      else if (key('done') && viewed === run.current) {
        // A step already given its outcome is not marked again: say what to do instead of letting the record refuse it.
        if (step.outcome === 'active' || step.outcome === 'pending') void done();
        else setNotice({ step: viewed, text: `Step ${viewed + 1} is ${outcomeWords(step.outcome)}: reopen it with ${RUN_KEYS.reopen} to mark it again, or go on with Enter.` });
      }
      else if (key('skip') && step.outcome === 'active') openField('skip');
      else if (key('fail') && step.outcome === 'active') openField('fail');
      else if (key('note')) openField('note');
      else if (key('reopen') && ['done', 'skipped', 'failed'].includes(step.outcome)) void act([{ type: 'step-reopened', runId: run.id, step: viewed }]);
      else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)) void startViewed();
      else if (key('copy')) {
        // Pressed right after D (before its write landed and the next step showed), C copies the
        // step D moved to, as the record now has it: never the command of the step just settled.
        const writing = inFlight.current;
        if (writing) {
          void writing.then(() => {
            const recorded = runAsRecorded() ?? run;
            // The view follows the cursor a write of this screen moved; otherwise it stays where it is.
            return copyNextCommand(recorded, recorded.current !== run.current);
          });
        }
        else void copyNextCommand(run, false);
      }
      else if (key('params') && run.runbook.params.length) showPanel('params');
      else if (key('finish')) showPanel('finish');
      else if (key('lesson')) writeLesson();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const onFieldKey = (event: ReactKeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      showPanel('none');
      setText('');
    } else if (event.key === 'Enter' && !text.trim()) {
      // The form's button is disabled, so Enter submits nothing: it says why instead.
      event.preventDefault();
      setEmptyTried(true);
    }
  };
  const runTime = durationMs(run.startedAt, run.finished?.at ?? now);
  const stepTime = step.startedAt ? durationMs(step.startedAt, step.endedAt ?? (step.outcome === 'active' ? now : step.startedAt)) : 0;
  // "Watch for 15 minutes": the step's time counts against it while it is in progress.
  const wait = stepWaitMs(stepInfo.title);
  const settled = settledSteps(run);

  return (
    <article ref={article} className="run" aria-labelledby="run-title">
      <header className="run-header">
        <div className="run-title-row">
          <h1 id="run-title">{run.runbook.title}</h1>
          <span className="muted">
            run in <a href={hashOf({ name: 'incident', id: incident.id })}>{incident.title}</a>
            {shared && `, started by ${nameOf(run.startedBy)}`}
          </span>
          {run.finished && <span className={`badge run-${run.finished.outcome}`}>{run.finished.outcome}</span>}
        </div>
        <dl className="runbook-facts">
          <div>
            <dt>Run</dt>
            <dd data-testid="run-clock">{formatDuration(runTime)}</dd>
          </div>
          <div>
            <dt>Expected</dt>
            <dd>{run.runbook.duration ?? 'not given'}</dd>
          </div>
          <div>
            <dt>This step</dt>
            <dd data-testid="step-clock">
              {step.startedAt ? formatDuration(stepTime) : 'not started'}
              {/* As short once the time is up as before: the line must not grow and wrap the header at that moment. */}
              {wait !== undefined && step.outcome === 'active' && (stepTime < wait ? ` of ${formatDuration(wait)}` : <strong>{` of ${formatDuration(wait)}: up`}</strong>)}
            </dd>
          </div>
          <div>
            <dt>Steps</dt>
            <dd>
              {settled} of {run.steps.length} settled
            </dd>
          </div>
          {run.runbook.version && (
            <div>
              <dt>Version</dt>
              <dd>{run.runbook.version}</dd>
            </div>
          )}
        </dl>
        {incident.status === 'resolved' && !run.finished && (
          <p className="banner warning" role="status" data-testid="resolved-while-running">
            The incident was resolved while this run was open. Finish the run with <kbd>{RUN_KEYS.finish}</kbd> (or abort it there), or reopen the incident from its page.
          </p>
        )}
        {changed && (
          <p className="banner warning" role="status" data-testid="runbook-changed">
            {changed} This run keeps the steps as they were when it started.
          </p>
        )}
      </header>
      <div className="run-layout">
        <nav className="run-steps" aria-label="Steps">
          <ol>
            {run.steps.map((state, index) => (
              <li key={index} className={`step-${state.outcome}${index === viewed ? ' viewed' : ''}`} aria-current={index === viewed ? 'step' : undefined}>
                <button type="button" onClick={() => setViewed(index)}>
                  <span className="step-mark" aria-hidden="true">
                    {OUTCOME_MARKS[state.outcome]}
                  </span>
                  <span className="step-title">
                    {index + 1}. {run.runbook.steps[index].title}
                  </span>
                  <span className="visually-hidden">, {outcomeWords(state.outcome)}</span>
                  {state.concurrent.some((other) => other.conflict) && <span className="step-conflict">conflict</span>}
                </button>
              </li>
            ))}
          </ol>
          <p className="keys-help">
            <kbd>↑</kbd> <kbd>↓</kbd> view a step
          </p>
        </nav>
        <section className="run-step" aria-label={`Step ${viewed + 1}`} tabIndex={-1}>
          <h2>
            Step {viewed + 1} of {run.steps.length}: {stepInfo.title} <span className={`step-state step-${step.outcome}`}>{outcomeWords(step.outcome)}</span>
          </h2>
          {step.reason && (
            <p className={`step-reason step-${step.outcome}`}>
              {step.outcome === 'skipped' ? 'Skipped' : 'Failed'}
              {shared && step.endedBy !== undefined && ` by ${nameOf(step.endedBy)}`}: {step.reason}
            </p>
          )}
          {shared && !step.reason && step.endedBy !== undefined && <p className="muted">Marked {outcomeWords(step.outcome)} by {nameOf(step.endedBy)}.</p>}
          {(histories[viewed]?.length ?? 0) > 1 && (
            <p className="muted" data-testid="step-history">
              So far:{' '}
              {histories[viewed]
                .map((past) => `${past.kind}${shared && past.writer !== undefined ? ` by ${nameOf(past.writer)}` : ''}${past.reason ? ` (${past.reason})` : ''}`)
                .join(', then ')}
              .
            </p>
          )}
          {step.concurrent.length > 0 && (
            <ul className="step-concurrent" aria-label="Also marked by others" data-testid="step-concurrent">
              {step.concurrent.map((other, index) => (
                <li key={index} className={other.conflict ? 'step-reason step-failed' : 'muted'}>
                  {other.conflict ? 'Conflict: ' : 'Also '}
                  {other.conflict ? `${concurrentName(other)} marked it ${other.outcome}` : `${other.outcome} by ${concurrentName(other)}`} at {formatUtc(other.at.at).slice(11)}
                  {other.reason ? `: ${other.reason}.` : '.'}
                  {other.conflict && (
                    <>
                      {' '}
                      To settle it, reopen the step with <kbd>{RUN_KEYS.reopen}</kbd> and mark it.
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {stepNotesApply && <StepNotes runbookId={run.runbook.id} step={viewed + 1} />}
          <MarkdownView markdown={markdown} fromPath={run.runbook.path} filling={filling} />
          {step.notes.length > 0 && (
            <ul className="step-notes" aria-label="Notes on this step">
              {step.notes.map((note, index) => (
                <li key={index}>
                  {note.text}
                  {shared && note.by !== undefined && <span className="muted"> ({nameOf(note.by)})</span>}
                </li>
              ))}
            </ul>
          )}
          {(panel === 'skip' || panel === 'fail' || panel === 'note') && (
            <form
              className="step-form"
              onSubmit={(event) => {
                event.preventDefault();
                void submitText();
              }}
            >
              <label>
                {panel === 'skip'
                  ? 'Why skip this step? (required)'
                  : panel === 'fail'
                    ? 'What failed? (required)'
                    : // Said when it is not the step in progress: a walk wrote a note meant for step 8 while looking at step 5.
                      viewed !== run.current && !finished
                      ? `Note on step ${viewed + 1} (the run is on step ${run.current + 1})`
                      : 'Note on this step'}
                <input ref={field} value={text} onChange={(event) => typeText(event.target.value)} onKeyDown={onFieldKey} />
              </label>
              <button type="submit" disabled={!text.trim()}>
                {panel === 'skip' ? 'Skip the step' : panel === 'fail' ? 'Mark failed' : 'Add the note'} <kbd>Enter</kbd>
              </button>
              <button type="button" onClick={() => showPanel('none')}>
                Cancel <kbd>Esc</kbd>
              </button>
              {emptyTried && (
                <span className="form-problem" role="status">
                  {panel === 'skip' ? 'Not skipped: type why first; the reason goes into the record.' : panel === 'fail' ? 'Not marked failed: type what failed first; it goes into the record.' : 'Nothing added: type the note first.'}
                </span>
              )}
            </form>
          )}
          <p className="run-notice" role="status">
            {notice?.step === viewed && notice.text}
          </p>
          {!finished && (
            <div className={formOpen ? 'run-actions keys-waiting' : 'run-actions'} role="toolbar" aria-label="Step actions">
              {step.outcome === 'active' && (
                <>
                  <button type="button" className="primary" onClick={() => void done()}>
                    Done <kbd>{RUN_KEYS.done}</kbd>
                  </button>
                  <button type="button" onClick={() => openField('skip')}>
                    Skip <kbd>{RUN_KEYS.skip}</kbd>
                  </button>
                  <button type="button" onClick={() => openField('fail')}>
                    Failed <kbd>{RUN_KEYS.fail}</kbd>
                  </button>
                </>
              )}
              {step.outcome === 'pending' && (
                <button type="button" className="primary" onClick={() => void startViewed()}>
                  Start this step <kbd>{RUN_KEYS.start}</kbd>
                </button>
              )}
              {settledHere && (
                <>
                  <button type="button" className="primary" onClick={() => void startViewed()}>
                    {goOnLabel} <kbd>{RUN_KEYS.start}</kbd>
                  </button>
                  <button type="button" onClick={() => void act([{ type: 'step-reopened', runId: run.id, step: viewed }])}>
                    Reopen <kbd>{RUN_KEYS.reopen}</kbd>
                  </button>
                </>
              )}
              <button type="button" onClick={() => openField('note')}>
                Note <kbd>{RUN_KEYS.note}</kbd>
              </button>
              {/* Two walks read "Copy command C" on a step with nothing to copy. */}
              <button type="button" onClick={() => void copyNextCommand(run, false)} disabled={!commands.length}>
                {commands.length ? (
                  <>
                    Copy command{commands.length > 1 ? ` ${nextOfHere + 1} of ${commands.length}` : ''} <kbd>{RUN_KEYS.copy}</kbd>
                  </>
                ) : (
                  'No command in this step'
                )}
              </button>
              <button type="button" onClick={() => showPanel(panel === 'rollback' ? 'none' : 'rollback')}>
                Rollback &amp; related <kbd>{RUN_KEYS.rollback}</kbd>
              </button>
              {run.runbook.params.length > 0 && (
                <button type="button" onClick={() => showPanel('params')}>
                  Parameters <kbd>{RUN_KEYS.params}</kbd>
                </button>
              )}
              {/* Once every step is settled the first button finishes: a second "Finish" beside it made two ways to one thing. */}
              {!finishNext && (
                <button type="button" onClick={() => showPanel('finish')}>
                  Finish <kbd>{RUN_KEYS.finish}</kbd>
                </button>
              )}
              <button type="button" onClick={writeLesson}>
                Add a lesson from this step <kbd>{RUN_KEYS.lesson}</kbd>
              </button>
            </div>
          )}
          {panel === 'params' && !finished && <RunParamsPanel run={run} values={values} onClose={() => showPanel('none')} record={record} />}
          {panel === 'finish' && !finished && <RunFinishPanel run={run} record={record} onClose={() => showPanel('none')} reasonField={finishReason} />}
          {run.finished && (
            <p className="run-finished" role="status">
              Run {run.finished.outcome}
              {run.finished.reason ? `: ${run.finished.reason}` : ''}. <a href={hashOf({ name: 'incident', id: incident.id })}>Back to the incident</a>
            </p>
          )}
          {viewed === run.steps.length - 1 && panel !== 'rollback' && <AfterTheSteps run={run} filling={rollbackFilling} Heading="h3" />}
        </section>
        {panel === 'rollback' && <RecoveryPanel run={run} step={step} stepTitle={stepInfo.title} commands={commands} filling={rollbackFilling} />}
      </div>
    </article>
  );
}

/** Whether the library's runbook differs now from the copy the run keeps, in words; undefined when it does not. */
function useRunbookChanged(run: RunState): string | undefined {
  const libraryVersion = useLibraryStore((state) => state.meta?.version);
  const [changed, setChanged] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    void readRunbook(run.runbook.id).then((current) => {
      if (cancelled) return;
      if (!current) setChanged('This runbook is no longer in the library.');
      else setChanged(runbookHash(current) === run.runbook.bodyHash ? undefined : 'This runbook has changed in the library since this run started.');
    });
    return () => {
      cancelled = true;
    };
  }, [run.runbook.id, run.runbook.bodyHash, libraryVersion]);
  return changed;
}
