// The incident as Markdown for the postmortem: every event in order, word for word as recorded.
// Whatever people typed (titles, notes, reasons, values) is escaped, so it renders as typed in any
// Markdown viewer: a `<script>` is words, a `|` stays in its table cell, a backslash stays a backslash.
import { escapeMarkdown, inlineCode, longestBacktickRun } from '../library/markdown/markdown-escape';
import { describeEvent, IN_MARKDOWN, entryNote, stepHistoriesOf, timelineOf, type StepOutcomeRecord } from './event-description';
import type { Alert } from '../alerts/alert';
import { MILESTONES, type EventOf, type IncidentEvent } from './incident-events';
import { durationMs, incidentStart, settledSteps, type IncidentState, type RunState, type StepState } from './incident-state';
import { orderRecord } from './record-order';
import { runStepCounts } from './runs/run-outcome';
import { formatClock, formatDuration, formatUtc, printedSpanMs, utcOffset } from './time-format';
import { writerName, writersInOrder } from './writers';

/**
 * What the export says beyond the record. Everything else is a function of the record, so every
 * machine holding the same events (in the same time zone, with the same app and library) writes
 * the same file, byte for byte.
 */
export interface ExportContext {
  appVersion: string;
  /** The responder's name in Settings: named only when no event of the record names anyone. */
  responder?: string;
  timeZone: string;
  /** The library open when exporting. */
  library: { version: string; commit?: string };
  /** Runs whose runbook has changed in the library since they started. */
  changedRuns: ReadonlySet<string>;
  /** Runs whose runbook is no longer in the library at all (a sync removed it). */
  removedRuns?: ReadonlySet<string>;
}

const STEP_WORDS: Record<StepState['outcome'], string> = { pending: 'not started', active: 'in progress', done: 'done', skipped: 'skipped', failed: 'failed' };

export function exportIncidentMarkdown(incident: IncidentState, received: readonly IncidentEvent[], context: ExportContext): string {
  // In the record's one order (clock, writer, number), not the order this machine received them:
  // every machine holding the same events writes the same text.
  // Events waiting for earlier ones of their writer changed nothing yet: only the timeline lists them.
  const events = orderRecord(received).ordered;
  const { timeZone } = context;
  const when = (time: number) => formatClock(time, timeZone);
  const lines: string[] = [`# Incident: ${text(incident.title)}`, ''];
  const header: [string, string][] = [
    ['Severity', incident.severity],
    ['Status', incident.status],
    ['Declared', when(incident.declaredAt.at)],
    ...(incident.status === 'resolved' && incident.milestones.resolved !== undefined ? [['Resolved', when(incident.milestones.resolved)] as [string, string]] : []),
    // An open incident's age is given to its last event, not to the moment of export: the same record reads the same.
    incident.status === 'resolved' ? ['Duration', duration(incident)] : ['Last event', `${when(incident.lastAt.at)}, ${formatDuration(printedSpanMs(incident.declaredAt.at, incident.lastAt.at))} after the declaration`],
    ...responders(incident, context),
    ['Time zone', `${timeZone} (${utcOffset(incident.declaredAt.at, timeZone)})`],
    ['Failsafe', context.appVersion],
    ['Library', context.library.commit ? `commit ${context.library.commit}` : `bundled, version ${context.library.version}`],
  ];
  lines.push('| | |', '|---|---|', ...header.map(([label, value]) => `| ${label} | ${text(value)} |`), '');

  lines.push('## Milestones', '');
  const set = MILESTONES.filter((milestone) => incident.milestones[milestone] !== undefined);
  if (set.length) {
    lines.push('| Milestone | Time | Since declared | Since the previous one |', '|---|---|---|---|');
    let previous: number | undefined;
    for (const milestone of set) {
      const time = incident.milestones[milestone]!;
      // A time typed in later (a correction, a detection before anyone declared) says when it was given, as its timeline line does.
      const setBy = events.findLast((event): event is EventOf<'milestone-set'> => event.type === 'milestone-set' && event.milestone === milestone && event.time === time);
      const given = setBy && Math.abs(setBy.at - time) > 1000 ? `, given later, at ${formatUtc(setBy.at)}` : '';
      lines.push(`| ${milestone} | ${when(time)}${given} | ${signedDuration(incident.declaredAt.at, time)} | ${previous === undefined ? '' : signedDuration(previous, time)} |`);
      previous = time;
    }
  } else {
    lines.push('No milestone was set.');
  }
  lines.push('');

  const timeline = timelineOf(incident, received);
  lines.push('## Timeline', '', 'In the order recorded, each with the time the clock of the computer that recorded it gave.', '');
  for (const line of [...timeline.entries, ...timeline.waiting]) {
    const { event, who, unapplied, conflict } = line;
    const aside = unapplied !== undefined ? ` (kept, changed nothing: ${text(unapplied)})` : conflict !== undefined ? ` (${text(conflict)})` : '';
    lines.push(`- ${formatUtc(event.at)}${who ? `, ${text(who)}` : ''}: ${describeEvent(event, incident, timeZone, IN_MARKDOWN)}${entryNote(line)}${aside}`);
  }
  lines.push('');

  if (incident.alerts.length) {
    lines.push('## Alerts', '', 'As they were read, labels and annotations word for word.', '');
    for (const { alert, at } of incident.alerts) lines.push(...alertSection(alert, at, timeZone));
  }

  if (incident.messages.length) {
    lines.push('## Messages copied to send', '', 'Each as it was copied, word for word; the app does not see where or whether it was sent.', '');
    for (const message of incident.messages) lines.push(`### ${formatUtc(message.at)}: ${text(message.templateTitle)}`, '', ...fenced(message.text), '');
  }

  lines.push('## Runs', '');
  if (!incident.runs.length) lines.push('No runbook was run.', '');
  for (const run of incident.runs) lines.push(...runSection(incident, run, events, context));

  lines.push('## Deviations', '');
  const deviations = incident.runs.flatMap((run) => deviationsOf(incident, run, events, context));
  lines.push(...(deviations.length ? deviations : ['None: every step was done as written.']), '');

  lines.push('## Follow-ups', '');
  const followUps = incident.notes.filter((note) => note.followUp);
  lines.push(...(followUps.length ? followUps.map((note) => `- [ ] ${text(note.text)}`) : ['None.']), '');

  const notes = incident.notes.filter((note) => !note.followUp);
  if (notes.length) lines.push('## Notes', '', ...notes.map((note) => `- ${formatUtc(note.at.at)}${who(incident, note.by)}: ${text(note.text)}`), '');
  return lines.join('\n');
}

function runSection(incident: IncidentState, run: RunState, events: readonly IncidentEvent[], context: ExportContext): string[] {
  const { runbook } = run;
  const end = run.finished?.at;
  const lines = [`### ${text(runbook.title)}${runbook.version ? ` (version ${text(runbook.version)})` : ''}: ${run.finished ? run.finished.outcome : 'still running'}, ${runStepCounts(run)}`, ''];
  lines.push(`- Runbook: ${inlineCode(runbook.id)}, library ${text(runbook.libraryCommit ? `commit ${runbook.libraryCommit}` : `version ${runbook.libraryVersion}`)}`);
  lines.push(`- Started: ${formatClock(run.startedAt.at, context.timeZone)}${who(incident, run.startedBy, ', by ')}`);
  if (end) lines.push(`- Finished: ${formatClock(end.at, context.timeZone)}, after ${formatDuration(durationMs(run.startedAt, end))}${runbook.duration ? ` (expected ${text(runbook.duration)})` : ''}`);
  const params = Object.entries(run.params);
  if (params.length) lines.push(`- Parameters: ${params.map(([name, param]) => `${text(name)} = ${param.secret ? '•••••• (secret)' : param.value === undefined ? '(not set)' : param.value === '' ? '(empty)' : inlineCode(param.value)}`).join(', ')}`);
  lines.push('', '| # | Step | Outcome | Duration | Notes |', '|---|---|---|---|---|');
  const histories = stepHistories(incident, run, events);
  run.steps.forEach((step, index) => {
    const duration = step.startedAt && step.endedAt ? formatDuration(durationMs(step.startedAt, step.endedAt)) : '';
    const history = histories[index];
    // Every outcome the step had, in order: a failure reopened and then done is still a failure.
    // A reason says which outcome it gave, and beside reasons a note says it is one: joined with a
    // bare "/", a reason and a note read as one sentence.
    const reasons = history.flatMap((past) => (past.reason ? [`${past.words}: ${text(past.reason)}`] : []));
    const stepNotes = step.notes.map((note) => `${text(note.text)}${author(incident, note.by)}`);
    const notes = [...reasons, ...(reasons.length ? stepNotes.map((note) => `note: ${note}`) : stepNotes)].join(' · ');
    // A step still in progress when the run ended was stopped there.
    const now = run.finished && step.outcome === 'active' ? 'stopped' : STEP_WORDS[step.outcome];
    const outcome = [...history.map((past) => past.words), ...(history.at(-1)?.kind === 'reopened' || !history.length ? [now] : [])].join(', then ');
    lines.push(`| ${index + 1} | ${text(runbook.steps[index].title)} | ${outcome} | ${duration} | ${notes} |`);
  });
  lines.push('');
  // From the events (in record order), so they stay in the order they were copied whatever the wall clock did.
  const copied = events.filter((event): event is EventOf<'command-copied'> => event.type === 'command-copied' && event.runId === run.id);
  if (copied.length) {
    lines.push('Commands copied:', '');
    for (const copy of copied) lines.push(`- ${formatUtc(copy.at)}, ${copy.step === undefined ? 'outside the steps' : `step ${copy.step + 1}`}:`, '', ...fenced(copy.command).map((line) => `  ${line}`), '');
  }
  if (run.notes.length) lines.push('Notes on the run:', '', ...run.notes.map((note) => `- ${formatUtc(note.at.at)}${who(incident, note.by)}: ${text(note.text)}`), '');
  return lines;
}

function deviationsOf(incident: IncidentState, run: RunState, events: readonly IncidentEvent[], context: ExportContext): string[] {
  const title = `“${text(run.runbook.title)}”`;
  // A step skipped or failed is a deviation even when it was reopened and done afterwards: each outcome, in order.
  const found = stepHistories(incident, run, events).flatMap((history, index) =>
    history.some((past) => past.kind === 'skipped' || past.kind === 'failed')
      ? [`- ${title}, step ${index + 1} “${text(run.runbook.steps[index].title)}”: ${history.map((past) => (past.reason === undefined ? past.words : `${past.words}: ${text(past.reason)}`)).join('; then ')}`]
      : [],
  );
  run.steps.forEach((step, index) => {
    const conflicts = step.concurrent.filter((other) => other.conflict);
    if (!conflicts.length) return;
    const others = conflicts.map((other) => `${other.outcome}${other.reason ? ` (${text(other.reason)})` : ''} by ${text(writerName({ id: other.writer, name: other.name }))}`).join('; ');
    found.push(`- ${title}, step ${index + 1} “${text(run.runbook.steps[index].title)}”: not settled: ${step.outcome}, and ${others}`);
  });
  if (run.finished?.outcome === 'aborted') found.push(`- ${title}: run aborted: ${text(run.finished.reason ?? '')}`);
  // Resolving asks first while a run is open (ResolveDialog); resolved anyway, it is a deviation.
  if (!run.finished && incident.status === 'resolved') {
    const settled = settledSteps(run);
    found.push(`- ${title}: still running when the incident was resolved, ${settled} of ${run.steps.length} steps settled`);
  }
  if (context.removedRuns?.has(run.id)) found.push(`- ${title}: the runbook is no longer in the library (removed since this run started)`);
  else if (context.changedRuns.has(run.id)) found.push(`- ${title}: the runbook has changed in the library since this run started`);
  return found;
}

function alertSection(alert: Alert, receivedAt: number, timeZone: string): string[] {
  const lines = [`### ${text(alert.name)}: ${alert.state}`, '', `- Received: ${formatClock(receivedAt, timeZone)}, from ${ALERT_SOURCES[alert.source] ?? text(alert.source)}`];
  if (alert.startsAt !== undefined) lines.push(`- Firing since: ${formatClock(alert.startsAt, timeZone)}`);
  if (alert.endsAt !== undefined) lines.push(`- Resolved: ${formatClock(alert.endsAt, timeZone)}`);
  const labels = Object.entries(alert.labels);
  if (labels.length) lines.push(`- Labels: ${labels.map(([name, value]) => inlineCode(`${name}=${value}`)).join(', ')}`);
  for (const [name, value] of Object.entries(alert.annotations)) {
    // A description often runs over several lines: fenced, it comes out exactly as it was.
    if (value.includes('\n')) lines.push(`- ${text(name)}:`, '', ...fenced(value).map((line) => `  ${line}`), '');
    else lines.push(`- ${text(name)}: ${text(value)}`);
  }
  lines.push('');
  return lines;
}

const ALERT_SOURCES: Record<string, string> = {
  alertmanager: 'an Alertmanager payload',
  prometheus: 'a Prometheus alert',
  notification: 'a notification text',
  email: 'an e-mail or SMS',
  link: 'a failsafe:// link',
  name: 'its name alone',
};

/** A milestone may come before the declaration (detected before anyone declared it). */
/**
 * Declaration to resolution; and from detection too, when the problem was detected before it was
 * declared. Counted between the times as printed, as every span between milestones here.
 */
function duration(incident: IncidentState): string {
  const end = incident.milestones.resolved ?? incident.lastAt.at;
  const declared = formatDuration(printedSpanMs(incident.declaredAt.at, end));
  const start = incidentStart(incident);
  if (start === incident.declaredAt.at) return declared;
  return `${formatDuration(printedSpanMs(start, end))} from detection, ${declared} from the declaration`;
}

function signedDuration(from: number, to: number): string {
  const ms = printedSpanMs(from, to);
  return ms < 0 ? `${formatDuration(-ms)} before` : formatDuration(ms);
}

/** A fence longer than any run of backticks inside, so the command comes out exactly as copied. */
function fenced(command: string): string[] {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(command) + 1));
  return [fence, ...command.split('\n'), fence];
}

type PastOutcome = StepOutcomeRecord & { words: string };

/** Each step's outcomes in record order, each in words that name who gave it once several wrote ("failed by Ana"). */
function stepHistories(incident: IncidentState, run: RunState, events: readonly IncidentEvent[]): PastOutcome[][] {
  return stepHistoriesOf(run, events).map((history) => history.map((past) => ({ ...past, words: `${past.kind}${who(incident, past.writer, ' by ')}` })));
}

/** Who wrote something, once several wrote to the incident: `, Ana` (or with the `joiner` given); nothing for a record of one writer. */
function who(incident: IncidentState, writer: string | undefined, joiner = ', '): string {
  if (writer === undefined || Object.keys(incident.writers).length < 2) return '';
  return `${joiner}${text(writerName(incident.writers[writer] ?? { id: writer }))}`;
}

/** ` (name)` after a step's note, when several wrote to the incident. */
function author(incident: IncidentState, writer: string | undefined): string {
  const name = who(incident, writer, '');
  return name ? ` (${name})` : '';
}

/** Everyone who wrote to the incident, by name; the Settings name only for a record that names no one. */
function responders(incident: IncidentState, context: ExportContext): [string, string][] {
  const writers = writersInOrder(incident.writers);
  if (writers.length > 1 || writers.some((writer) => writer.name)) return [[writers.length > 1 ? 'Responders' : 'Responder', writers.map(writerName).join(', ')]];
  return context.responder ? [['Responder', context.responder]] : [];
}

/** What someone typed, on one line, rendering as typed. */
const text = escapeMarkdown;
