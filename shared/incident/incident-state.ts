// The state of an incident, derived from its events by a pure function. Before an event is
// written, it refuses what cannot follow (a step done twice, a note on a finished run, an event out
// of order) with a reason. A record is the union of several writers' events (record-order.ts), so
// replaying one applies the concurrency rules instead: two people marking the same step done are
// both kept (the first by clock settles it), a step failed on one machine while done on another is
// a conflict to settle, and an event that still cannot apply is kept beside the state with its
// reason. Nothing a machine holds is dropped.
import type { Alert } from '../alerts/alert';
import type { ChainRun } from '../oncall/escalation-chain';
import { laterClock } from './hybrid-clock';
import { orderRecord, writerOf } from './record-order';
import { ATTEMPT_OUTCOMES, INCIDENT_STATUSES, MILESTONES, type AttemptOutcome, type EventStamp, type IncidentEvent, type IncidentStatus, type Milestone, type RunbookCopy } from './incident-events';

export type Stamp = Pick<EventStamp, 'at' | 'mono' | 'session'>;

export type StepOutcome = 'pending' | 'active' | 'done' | 'skipped' | 'failed';

/** An outcome another writer gave a step that was already settled: kept and shown beside it. */
export interface ConcurrentOutcome {
  writer: string;
  name?: string;
  outcome: 'done' | 'skipped' | 'failed';
  reason?: string;
  at: Stamp;
  /** A different outcome from the settled one: a conflict for someone to settle (reopen the step and mark it). */
  conflict: boolean;
}

export interface StepState {
  outcome: StepOutcome;
  /** When it was first started. */
  startedAt?: Stamp;
  /** When its outcome was set. */
  endedAt?: Stamp;
  /** Why it was skipped, or what failed. */
  reason?: string;
  /** The writer who gave it its outcome. */
  endedBy?: string;
  /** `by`: the writer who wrote it (absent in events recorded before writers existed). */
  notes: { text: string; at: Stamp; by?: string }[];
  /** The commands copied while it was current, as recorded (secrets masked). */
  commands: { command: string; at: Stamp }[];
  /** Outcomes given by others after it was settled, until it is reopened. */
  concurrent: ConcurrentOutcome[];
}

export interface RunState {
  id: string;
  runbook: RunbookCopy;
  startedAt: Stamp;
  /** The writer who started it. */
  startedBy?: string;
  /** Values as recorded; a secret's value is absent (it lives only in the window's memory). */
  params: Record<string, { value?: string; secret: boolean; /** The alert label the value came from. */ fromLabel?: string }>;
  steps: StepState[];
  /** The step on screen: the last one started or reopened. */
  current: number;
  /** Who started or reopened it: a screen follows the cursor its own machine moved, not another's. */
  currentBy?: string;
  checks: boolean[];
  /** Notes on the run as a whole (a step's notes are kept on the step). */
  notes: { text: string; at: Stamp; by?: string }[];
  /** Commands copied from outside any step (the rollback section). */
  commands: { command: string; at: Stamp }[];
  finished?: { outcome: 'completed' | 'aborted'; reason?: string; at: Stamp };
}

export interface IncidentNote {
  id: string;
  text: string;
  followUp: boolean;
  at: Stamp;
  /** The writer who wrote it. */
  by?: string;
}

/** One machine and profile writing to the incident. */
export interface WriterState {
  id: string;
  /** The latest name its events carry. */
  name?: string;
  /** Its last event's number. */
  lastSeq: number;
  /** Wall-clock times of its first and latest events. */
  firstAt: number;
  lastAt: number;
}

/** An event kept in the record that could not change the state, and why. */
export interface UnappliedEvent {
  event: IncidentEvent;
  reason: string;
}

export interface IncidentState {
  id: string;
  title: string;
  severity: string;
  status: IncidentStatus;
  declaredAt: Stamp;
  /** Wall-clock times (ms) of each milestone set. */
  milestones: Partial<Record<Milestone, number>>;
  notes: IncidentNote[];
  runs: RunState[];
  /** Wall-clock time the current severity was set: its escalation chain runs from there. */
  severitySince: number;
  /** Calls, messages and chats to people, and how they went. */
  attempts: { contactId: string; name: string; outcome: AttemptOutcome; note?: string; at: number }[];
  /** Messages copied to send, word for word. */
  messages: { templateId: string; templateTitle: string; format: 'plain' | 'markdown'; text: string; at: number }[];
  /** Each time the next update was put off: when, and by how many minutes (`nextUpdateDue` applies them). */
  snoozes: { at: number; minutes: number }[];
  /** The alerts it was declared from or given later, in the order received. */
  alerts: { alert: Alert; at: number }[];
  /** Everyone who wrote to it, by writer id ('' for events recorded before writers existed), in order of their first event. */
  writers: Record<string, WriterState>;
  declaredBy: string;
  /** The latest hybrid clock in the record: the next event is stamped past it. */
  clock?: string;
  /** How many events the record holds (applied or not). */
  eventCount: number;
  lastAt: Stamp;
  /** Events of the record that could not apply, in record order (only after a replay). */
  unapplied: UnappliedEvent[];
  /** Events received after a gap in their writer's numbers, waiting for the missing ones. */
  waiting: IncidentEvent[];
}

/** The writer's last event number in the incident (0 before its first). */
export const lastSeqOf = (state: IncidentState | undefined, writer: string): number => state?.writers[writer]?.lastSeq ?? 0;

export class RecordError extends Error {
  constructor(
    readonly event: Pick<IncidentEvent, 'seq' | 'type'>,
    reason: string,
  ) {
    super(`Event ${event.seq} (${event.type}): ${reason}`);
    this.name = 'RecordError';
  }
}

export type Applied = { ok: true; state: IncidentState } | { ok: false; error: RecordError };

/** Strict: an event about to be written, checked against the record it follows. Merge: an event already in the record, replayed. */
type Mode = 'strict' | 'merge';

/** The state after one more event of this machine's, or why that event cannot follow. */
export function applyEvent(state: IncidentState | undefined, event: IncidentEvent): Applied {
  return applyIn(state, event, 'strict');
}

function applyIn(state: IncidentState | undefined, event: IncidentEvent, mode: Mode): Applied {
  try {
    return { ok: true, state: next(state, event, mode) };
  } catch (error) {
    if (error instanceof RecordError) return { ok: false, error };
    throw error;
  }
}

/**
 * An incident from its whole record: every writer's events in the one order (record-order.ts),
 * under the concurrency rules. An event that cannot apply is kept in `unapplied`; only a record with
 * no declaration has no state.
 */
export function replay(events: readonly IncidentEvent[]): Applied {
  const { ordered, waiting } = orderRecord(events);
  let state: IncidentState | undefined;
  const early: UnappliedEvent[] = [];
  for (const event of ordered) {
    const applied = applyIn(state, event, 'merge');
    if (applied.ok) state = applied.state;
    else if (state) state = { ...counted(state, event), unapplied: [...state.unapplied, { event, reason: applied.error.message }] };
    else early.push({ event, reason: applied.error.message });
  }
  if (!state) {
    const declared = early.find(({ event }) => event.type === 'incident-declared');
    if (declared) return { ok: false, error: new RecordError(declared.event, declared.reason) };
    return { ok: false, error: new RecordError({ seq: 0, type: 'incident-declared' }, early.length ? 'the record has no declaration' : 'the record is empty') };
  }
  return { ok: true, state: { ...state, unapplied: [...early, ...state.unapplied], eventCount: state.eventCount + early.length, waiting } };
}

/** The state having counted one more event of its writer, whether or not it changed anything else. */
function counted(state: IncidentState, event: IncidentEvent): IncidentState {
  const id = writerOf(event);
  const before = state.writers[id];
  const writer: WriterState = before
    ? { ...before, name: event.by ?? before.name, lastSeq: event.seq, lastAt: Math.max(before.lastAt, event.at) }
    : { id, name: event.by, lastSeq: event.seq, firstAt: event.at, lastAt: event.at };
  return { ...state, writers: { ...state.writers, [id]: writer }, clock: laterClock(state.clock, event.hlc), eventCount: state.eventCount + 1, lastAt: stampOf(event) };
}

const stampOf = (event: IncidentEvent): Stamp => ({ at: event.at, mono: event.mono, session: event.session });

function next(state: IncidentState | undefined, event: IncidentEvent, mode: Mode): IncidentState {
  const refuse = (reason: string): never => {
    throw new RecordError(event, reason);
  };
  const merging = mode === 'merge';
  if (!Number.isFinite(event.at) || !Number.isFinite(event.mono) || typeof event.session !== 'string') refuse('it has no valid time');
  const writer = writerOf(event);
  if (event.type === 'incident-declared') {
    if (state) refuse('the incident is already declared');
    if (event.seq !== 1) refuse('an incident starts with event 1');
    if (!event.title.trim()) refuse('an incident needs a title');
    if (!event.severity.trim()) refuse('an incident needs a severity');
    const at = stampOf(event);
    return {
      id: event.incidentId,
      title: event.title.trim(),
      severity: event.severity,
      status: 'investigating',
      declaredAt: at,
      milestones: {},
      notes: [],
      runs: [],
      severitySince: event.at,
      attempts: [],
      messages: [],
      snoozes: [],
      alerts: [],
      writers: { [writer]: { id: writer, name: event.by, lastSeq: 1, firstAt: event.at, lastAt: event.at } },
      declaredBy: writer,
      clock: event.hlc,
      eventCount: 1,
      lastAt: at,
      unapplied: [],
      waiting: [],
    };
  }
  if (!state) return refuse('the incident was never declared');
  if (event.incidentId !== state.id) refuse(`it belongs to incident ${event.incidentId}`);
  const lastSeq = lastSeqOf(state, writer);
  if (event.seq !== lastSeq + 1) refuse(`it comes after event ${lastSeq}, so it should be event ${lastSeq + 1}`);
  // A new event is stamped past every clock in the record (replay puts a writer's own in order itself).
  if (!merging && event.hlc !== undefined && state.clock !== undefined && event.hlc <= state.clock) refuse('its clock is not past the record’s latest');
  const base = counted(state, event);
  const at = stampOf(event);

  switch (event.type) {
    case 'incident-changed': {
      if (event.field === 'title' && !event.value.trim()) refuse('an incident needs a title');
      if (event.field === 'severity' && !event.value.trim()) refuse('an incident needs a severity');
      if (event.field === 'status') {
        if (!INCIDENT_STATUSES.includes(event.value as IncidentStatus)) refuse(`"${event.value}" is not a status`);
        const status = event.value as IncidentStatus;
        // Two people setting the same status at once: the second changes nothing, and both are in the timeline.
        if (status === state.status && merging) return base;
        if (status === state.status) refuse(`the incident is already ${status}`);
        // Resolving stops the clock: the resolved milestone is set now unless it was set already.
        // Reopening takes it away again: an open incident is not resolved, whatever it was before.
        const milestones = { ...state.milestones };
        if (status === 'resolved') milestones.resolved ??= event.at;
        else delete milestones.resolved;
        return { ...base, status, milestones };
      }
      if (event.field === 'severity') return { ...base, severity: event.value.trim(), severitySince: event.at };
      return { ...base, title: event.value.trim() };
    }
    case 'milestone-set': {
      if (!MILESTONES.includes(event.milestone)) refuse(`"${String(event.milestone)}" is not a milestone`);
      if (!Number.isFinite(event.time)) refuse('a milestone needs a time');
      const milestones = { ...state.milestones, [event.milestone]: event.time };
      return { ...base, milestones, status: statusAfter(state.status, event.milestone) };
    }
    case 'incident-note': {
      if (!event.text.trim()) refuse('a note needs text');
      if (state.notes.some((note) => note.id === event.noteId)) refuse(`note ${event.noteId} already exists`);
      return { ...base, notes: [...state.notes, { id: event.noteId, text: event.text, followUp: event.followUp, at, by: writer }] };
    }
    case 'follow-up-marked': {
      if (!state.notes.some((note) => note.id === event.noteId)) refuse(`there is no note ${event.noteId}`);
      return { ...base, notes: state.notes.map((note) => (note.id === event.noteId ? { ...note, followUp: event.followUp } : note)) };
    }
    case 'contact-attempted': {
      if (!event.contactId || !event.name.trim()) refuse('an attempt names who was tried');
      if (!ATTEMPT_OUTCOMES.includes(event.outcome)) refuse(`"${String(event.outcome)}" is not how a call ends`);
      return { ...base, attempts: [...state.attempts, { contactId: event.contactId, name: event.name, outcome: event.outcome, note: event.note, at: event.at }] };
    }
    case 'message-copied': {
      if (!event.text.trim()) refuse('an empty message was not sent');
      if (event.format !== 'plain' && event.format !== 'markdown') refuse(`"${String(event.format)}" is not a message format`);
      return { ...base, messages: [...state.messages, { templateId: event.templateId, templateTitle: event.templateTitle, format: event.format, text: event.text, at: event.at }] };
    }
    case 'update-snoozed': {
      if (!Number.isFinite(event.minutes) || event.minutes <= 0 || event.minutes > 24 * 60) refuse('a snooze lasts from 1 minute to a day');
      if (!event.reason.trim()) refuse('putting off an update needs a reason');
      return { ...base, snoozes: [...state.snoozes, { at: event.at, minutes: event.minutes }] };
    }
    case 'alert-received': {
      if (!event.alert.name.trim()) refuse('an alert needs a name');
      return { ...base, alerts: [...state.alerts, { alert: event.alert, at: event.at }] };
    }
    case 'library-synced':
      // A fact of the record's timeline: nothing of the incident's state changes with it.
      if (!event.summary.trim()) refuse('a sync says what changed');
      return base;
    case 'run-started': {
      // Someone started a run while someone else resolved the incident: the run is kept all the same.
      if (state.status === 'resolved' && !merging) refuse('the incident is resolved: reopen it, or start the run in another incident');
      if (state.runs.some((run) => run.id === event.runId)) refuse(`run ${event.runId} already exists`);
      if (!event.runbook.steps.length) refuse(`“${event.runbook.title}” has no steps to run`);
      const params = Object.create(null) as RunState['params']; // no prototype: a parameter may be named __proto__
      for (const param of event.runbook.params) params[param.name] = { secret: param.secret };
      const run: RunState = {
        id: event.runId,
        runbook: event.runbook,
        startedAt: at,
        startedBy: writer,
        params,
        steps: event.runbook.steps.map(() => ({ outcome: 'pending', notes: [], commands: [], concurrent: [] })),
        current: 0,
        checks: event.runbook.verification.map(() => false),
        notes: [],
        commands: [],
      };
      return { ...base, runs: [...state.runs, run] };
    }
    default: {
      const run = state.runs.find((candidate) => candidate.id === event.runId) ?? refuse(`there is no run ${event.runId}`);
      const changed = nextRun(run, event, { at, writer, name: event.by, merging }, refuse);
      return { ...base, runs: state.runs.map((candidate) => (candidate === run ? changed : candidate)) };
    }
  }
}

/**
 * The status a milestone moves the incident to: resolved with the resolved milestone; monitoring
 * once mitigated, if it was still being investigated or identified. A status set by hand later stays.
 */
export function statusAfter(status: IncidentStatus, milestone: Milestone): IncidentStatus {
  if (milestone === 'resolved') return 'resolved';
  if (milestone === 'mitigated' && (status === 'investigating' || status === 'identified')) return 'monitoring';
  return status;
}

type RunEvent = Extract<IncidentEvent, { runId: string }>;

interface RunContext {
  at: Stamp;
  writer: string;
  name?: string;
  merging: boolean;
}

function nextRun(run: RunState, event: RunEvent, { at, writer, name: by, merging }: RunContext, refuse: (reason: string) => never): RunState {
  // What another writer did before they heard the run was finished is kept; a second finish is not.
  if (run.finished && (!merging || event.type === 'run-finished')) refuse(`the run of “${run.runbook.title}” is finished`);
  const stepAt = (step: number | undefined): StepState | undefined => {
    if (step === undefined) return undefined;
    if (!Number.isInteger(step) || step < 0 || step >= run.steps.length) refuse(`the run has no step ${step + 1}`);
    return run.steps[step];
  };
  const withStep = (step: number, change: Partial<StepState>, current = run.current): RunState => ({
    ...run,
    current,
    steps: run.steps.map((state, index) => (index === step ? { ...state, ...change } : state)),
  });
  const pauseOthers = (step: number): StepState[] => run.steps.map((state, index) => (index !== step && state.outcome === 'active' ? { ...state, outcome: 'pending' } : state));
  const name = (step: number) => `step ${step + 1}`;

  switch (event.type) {
    case 'run-started':
      return refuse('a run cannot start twice');
    case 'param-set': {
      const param = run.runbook.params.find((declared) => declared.name === event.name);
      if (!param) refuse(`the runbook declares no parameter "${event.name}"`);
      if (param.secret && event.value !== undefined) refuse(`"${event.name}" is secret: its value is never recorded`);
      if (!param.secret && typeof event.value !== 'string') refuse(`"${event.name}" needs a value`);
      return { ...run, params: { ...run.params, [event.name]: { value: event.value, secret: param.secret, ...(event.fromLabel !== undefined && { fromLabel: event.fromLabel }) } } };
    }
    case 'step-started': {
      const step = stepAt(event.step)!;
      // Started by someone else at the same time, or already settled: nothing to change.
      if (merging && step.outcome !== 'pending') return run;
      if (step.outcome === 'active') refuse(`${name(event.step)} is already in progress`);
      if (step.outcome !== 'pending') refuse(`${name(event.step)} is ${step.outcome}; reopen it first`);
      const steps = pauseOthers(event.step);
      steps[event.step] = { ...step, outcome: 'active', startedAt: step.startedAt ?? at };
      return { ...run, steps, current: event.step, currentBy: writer };
    }
    case 'step-done':
    case 'step-skipped':
    case 'step-failed': {
      const step = stepAt(event.step)!;
      const outcome = event.type === 'step-done' ? 'done' : event.type === 'step-skipped' ? 'skipped' : 'failed';
      const reason = event.type === 'step-skipped' ? event.reason : event.type === 'step-failed' ? event.note : undefined;
      if (reason !== undefined && !reason.trim()) refuse(event.type === 'step-skipped' ? 'skipping a step needs a reason' : 'a failed step needs a note');
      const settled = step.outcome === 'done' || step.outcome === 'skipped' || step.outcome === 'failed';
      if (merging && settled) {
        // The first by clock settles the step; this one is shown beside it, as a conflict when it differs.
        const other: ConcurrentOutcome = { writer, name: by, outcome, reason: reason?.trim(), at, conflict: outcome !== step.outcome };
        return withStep(event.step, { concurrent: [...step.concurrent, other] });
      }
      if (step.outcome === outcome) refuse(`${name(event.step)} is already ${outcome}`);
      // Another writer's step may still be pending here (reopened meanwhile): their outcome stands.
      if (step.outcome !== 'active' && !merging) refuse(`${name(event.step)} is not in progress`);
      return withStep(event.step, { outcome, startedAt: step.startedAt ?? at, endedAt: at, reason: reason?.trim(), endedBy: writer });
    }
    case 'step-reopened': {
      const step = stepAt(event.step)!;
      if (merging && (step.outcome === 'pending' || step.outcome === 'active')) return run;
      if (step.outcome === 'pending' || step.outcome === 'active') refuse(`${name(event.step)} is not done, skipped or failed`);
      const steps = pauseOthers(event.step);
      // Reopening settles a conflict: whoever marks it next decides.
      steps[event.step] = { ...step, outcome: 'active', endedAt: undefined, reason: undefined, endedBy: undefined, concurrent: [] };
      return { ...run, steps, current: event.step, currentBy: writer };
    }
    case 'run-note': {
      if (!event.text.trim()) refuse('a note needs text');
      const step = stepAt(event.step);
      const note = { text: event.text, at, by: writer };
      return step ? withStep(event.step!, { notes: [...step.notes, note] }) : { ...run, notes: [...run.notes, note] };
    }
    case 'command-copied': {
      if (!event.command) refuse('no command was copied');
      const step = stepAt(event.step);
      const copied = { command: event.command, at };
      return step ? withStep(event.step!, { commands: [...step.commands, copied] }) : { ...run, commands: [...run.commands, copied] };
    }
    case 'check-ticked': {
      if (!Number.isInteger(event.check) || event.check < 0 || event.check >= run.checks.length) refuse(`the run has no check ${event.check + 1}`);
      if (run.checks[event.check] === event.ticked && merging) return run;
      if (run.checks[event.check] === event.ticked) refuse(`check ${event.check + 1} is already ${event.ticked ? 'ticked' : 'unticked'}`);
      return { ...run, checks: run.checks.map((ticked, index) => (index === event.check ? event.ticked : ticked)) };
    }
    case 'run-finished': {
      if (event.outcome === 'aborted') {
        if (!event.reason?.trim()) refuse('aborting a run needs a reason');
      } else if (event.outcome === 'completed' && merging) {
        // Completed as its writer saw it; a step reopened elsewhere meanwhile stays as it is.
      } else if (event.outcome === 'completed') {
        const open = run.steps.filter((step) => step.outcome === 'pending' || step.outcome === 'active').length;
        if (open) refuse(`${open} step${open === 1 ? ' is' : 's are'} not done, skipped or failed`);
        const unticked = run.checks.filter((ticked) => !ticked).length;
        if (unticked) refuse(`${unticked} verification check${unticked === 1 ? ' is' : 's are'} not ticked`);
      } else {
        refuse(`"${String(event.outcome)}" is not how a run ends`);
      }
      return { ...run, finished: { outcome: event.outcome, reason: event.reason?.trim(), at } };
    }
  }
}

/** How long from one moment to another: by the monotonic clock within one session, else by the wall clock. */
export function durationMs(from: Stamp, to: Stamp): number {
  return Math.max(0, from.session === to.session ? to.mono - from.mono : to.at - from.at);
}

/** A moment known only by the wall clock (an export, a relaunch): durations to it use wall time. */
export function wallClockStamp(at: number): Stamp {
  return { at, mono: Number.NaN, session: '' };
}

/**
 * When the problem began, as far as the record knows: the Detected milestone when it is earlier
 * than the declaration (a corrected time, an alert's start), else the declaration. What a message
 * says "started at", and what its impact is counted from.
 */
export function incidentStart(state: IncidentState): number {
  const detected = state.milestones.detected;
  return detected !== undefined && detected < state.declaredAt.at ? detected : state.declaredAt.at;
}

/** How long the problem has lasted: from its start (above) to its resolution, or to `now` (wall clock). */
export function impactElapsed(state: IncidentState, now: number): number {
  const end = state.status === 'resolved' && state.milestones.resolved !== undefined ? state.milestones.resolved : now;
  return Math.max(0, end - incidentStart(state));
}

/** The incident's clock: from its declaration to now, or to its resolution. */
export function incidentElapsed(state: IncidentState, now: Stamp): number {
  if (state.status === 'resolved' && state.milestones.resolved !== undefined) return Math.max(0, state.milestones.resolved - state.declaredAt.at);
  return durationMs(state.declaredAt, now);
}

/**
 * What the incident's escalation chain runs on: it starts when the incident got its current
 * severity (a new severity starts its own chain, so calls made before do not count), and a resolved
 * incident ends it.
 */
export function chainRun(state: IncidentState): ChainRun {
  return {
    since: state.severitySince,
    attempts: state.attempts.filter((attempt) => attempt.at >= state.severitySince),
    resolvedAt: state.status === 'resolved' ? (state.milestones.resolved ?? state.lastAt.at) : undefined,
  };
}

/** How many of a run's steps are settled: done, skipped or failed (not to do, not in progress). */
export function settledSteps(run: RunState): number {
  return run.steps.filter((step) => step.outcome !== 'pending' && step.outcome !== 'active').length;
}

/** The run that is not finished, most recently started first. */
export function activeRuns(state: IncidentState): RunState[] {
  return state.runs.filter((run) => !run.finished).reverse();
}

/** Non-secret values of the incident's earlier runs, latest first wins: a new run starts with them. */
export function earlierValues(state: IncidentState): Record<string, string> {
  const values = Object.create(null) as Record<string, string>; // no prototype: a parameter may be named __proto__
  for (const run of state.runs) for (const [name, param] of Object.entries(run.params)) if (!param.secret && param.value !== undefined) values[name] = param.value;
  return values;
}
