// One line of plain words for each event: the timeline on screen and the exported timeline say the same.
import { escapeMarkdown, inlineCode } from '../library/markdown/markdown-escape';
import type { IncidentEvent, IncidentStatus } from './incident-events';
import { statusAfter, type IncidentState, type RunState } from './incident-state';
import { orderRecord } from './record-order';
import { formatClock, formatUtc } from './time-format';
import { writerName } from './writers';

/** One line of the timeline: the event, who wrote it (when anyone is named or several wrote), and why it changed nothing, if so. */
export interface TimelineEntry {
  event: IncidentEvent;
  who?: string;
  unapplied?: string;
  /** An outcome given at the same time as another one that differs, not settled yet: how the step stands. */
  conflict?: string;
  /** The status a milestone moved the incident to (mitigated: monitoring; resolved): said, not left to be inferred. */
  status?: IncidentStatus;
  /** The time a milestone had before this line set it again (a correction): the earlier line is no longer true. */
  replaced?: number;
}

/**
 * What a timeline line adds after its event: the time its milestone replaced, and the status it
 * set. Two "Milestone detected" lines left the reader to guess which one held.
 */
export function entryNote(entry: TimelineEntry): string {
  return `${entry.replaced !== undefined ? `, in place of ${formatUtc(entry.replaced)}` : ''}${entry.status ? `; status now ${entry.status}` : ''}`;
}

/**
 * The timeline: every event of the record in its one order (the same on every machine), then the
 * events still waiting for earlier ones of their writer.
 */
export function timelineOf(incident: IncidentState, events: readonly IncidentEvent[]): { entries: TimelineEntry[]; waiting: TimelineEntry[] } {
  const writers = Object.values(incident.writers);
  const named = writers.length > 1 || writers.some((writer) => writer.name);
  const reasons = new Map(incident.unapplied.map(({ event, reason }) => [`${event.writer ?? ''}\u0000${event.seq}`, reason]));
  const entry = (event: IncidentEvent): TimelineEntry => {
    const writer = incident.writers[event.writer ?? ''];
    const unapplied = reasons.get(`${event.writer ?? ''}\u0000${event.seq}`);
    const conflict = conflictOf(incident, event);
    return { event, ...(named && { who: event.by?.trim() || writerName(writer ?? { id: event.writer ?? '' }) }), ...(unapplied !== undefined && { unapplied }), ...(conflict && { conflict }) };
  };
  const { ordered, waiting } = orderRecord(events);
  // The status and the milestones as the record goes: a milestone that changes the status, or
  // replaces a time set before, says so on its line.
  let status: IncidentStatus = 'investigating';
  const times = new Map<string, number>();
  const withStatus = (event: IncidentEvent): TimelineEntry => {
    const line = entry(event);
    if (line.unapplied !== undefined) return line;
    if (event.type === 'incident-changed' && event.field === 'status') status = event.value as IncidentStatus;
    if (event.type !== 'milestone-set') return line;
    const replaced = times.get(event.milestone);
    times.set(event.milestone, event.time);
    const next = statusAfter(status, event.milestone);
    const changed = next !== status;
    status = next;
    return { ...line, ...(replaced !== undefined && replaced !== event.time && { replaced }), ...(changed && { status: next }) };
  };
  const waits = (event: IncidentEvent): TimelineEntry => ({ ...entry(event), unapplied: `waiting for event ${event.seq - 1} of ${writerName(incident.writers[event.writer ?? ''] ?? { id: event.writer ?? '' })}, not received yet` });
  return { entries: ordered.map(withStatus), waiting: waiting.map(waits) };
}

/** For an outcome kept beside a step settled otherwise, and not settled since: how the step stands. */
function conflictOf(incident: IncidentState, event: IncidentEvent): string | undefined {
  if (event.type !== 'step-done' && event.type !== 'step-skipped' && event.type !== 'step-failed') return undefined;
  const step = incident.runs.find((run) => run.id === event.runId)?.steps[event.step];
  const kept = step?.concurrent.find((other) => other.conflict && other.writer === (event.writer ?? '') && other.at.at === event.at && other.at.session === event.session);
  if (!step || !kept) return undefined;
  const by = step.endedBy === undefined ? '' : ` by ${writerName(incident.writers[step.endedBy] ?? { id: step.endedBy })}`;
  return `a conflict, not settled: the step stands as ${step.outcome}${by}`;
}

/** One outcome a step was given (or its reopening), by whom. */
export interface StepOutcomeRecord {
  kind: 'done' | 'skipped' | 'failed' | 'reopened';
  writer?: string;
  reason?: string;
  at: number;
}

/**
 * Each step's outcomes in the order of `events` (give them in record order): the state keeps only
 * the last, the events keep them all, so a failure reopened and then done is still a failure.
 */
export function stepHistoriesOf(run: RunState, events: readonly IncidentEvent[]): StepOutcomeRecord[][] {
  const histories: StepOutcomeRecord[][] = run.steps.map(() => []);
  for (const event of events) {
    if (!('runId' in event) || event.runId !== run.id || !('step' in event) || event.step === undefined || !histories[event.step]) continue;
    const base = { writer: event.writer, at: event.at };
    if (event.type === 'step-done') histories[event.step].push({ kind: 'done', ...base });
    else if (event.type === 'step-skipped') histories[event.step].push({ kind: 'skipped', reason: event.reason.trim(), ...base });
    else if (event.type === 'step-failed') histories[event.step].push({ kind: 'failed', reason: event.note.trim(), ...base });
    else if (event.type === 'step-reopened') histories[event.step].push({ kind: 'reopened', ...base });
  }
  return histories;
}

/** How what people typed is written: as it is on screen, escaped in Markdown. Commands are inline code in both. */
export interface WordsFormat {
  text(words: string): string;
  code(command: string): string;
}

export const ON_SCREEN: WordsFormat = { text: (words) => words, code: inlineCode };
/** For Markdown: every text renders as typed, on one line. */
export const IN_MARKDOWN: WordsFormat = { text: escapeMarkdown, code: inlineCode };

export function describeEvent(event: IncidentEvent, incident: IncidentState, timeZone: string, format: WordsFormat = ON_SCREEN): string {
  const t = format.text;
  const run = 'runId' in event ? incident.runs.find((candidate) => candidate.id === event.runId) : undefined;
  const runbook = run ? `“${t(run.runbook.title)}”` : 'a run';
  const step = (index: number | undefined) => (index === undefined || !run ? '' : `step ${index + 1} “${t(run.runbook.steps[index]?.title ?? '')}”`);
  switch (event.type) {
    case 'incident-declared':
      return `Incident declared: “${t(event.title)}”, severity ${t(event.severity)}`;
    case 'incident-changed':
      return `${event.field === 'title' ? 'Title' : event.field === 'severity' ? 'Severity' : 'Status'} set to ${event.field === 'title' ? `“${t(event.value)}”` : t(event.value)}`;
    case 'milestone-set':
      // A time other than the moment it was recorded (a correction typed in, an alert's start) says
      // so: a postmortem reader otherwise sees two "Milestone detected" lines and must guess which is true.
      return `Milestone ${event.milestone}: ${formatClock(event.time, timeZone)}${Math.abs(event.time - event.at) > 1000 ? ', a time given and recorded later' : ''}`;
    case 'incident-note': {
      // A note typed as "Follow-up: …" already says what it is; the label is not said twice.
      const label = event.followUp ? 'Follow-up' : 'Note';
      return event.text.toLowerCase().startsWith(`${label.toLowerCase()}:`) ? t(event.text) : `${label}: ${t(event.text)}`;
    }
    case 'follow-up-marked':
      return `${event.followUp ? 'Marked as a follow-up' : 'No longer a follow-up'}: ${t(incident.notes.find((note) => note.id === event.noteId)?.text ?? event.noteId)}`;
    case 'run-started':
      return `Run started: “${t(event.runbook.title)}”${event.runbook.version ? ` version ${t(event.runbook.version)}` : ''}`;
    case 'param-set':
      return `${runbook}: parameter ${t(event.name)} = ${event.value === undefined ? '•••••• (secret, not recorded)' : event.value === '' ? '(empty)' : t(event.value)}${event.fromLabel === undefined ? '' : ` (from the alert's label ${t(event.fromLabel)})`}`;
    case 'step-started':
      return `${runbook}: started ${step(event.step)}`;
    case 'step-done':
      return `${runbook}: done ${step(event.step)}`;
    case 'step-skipped':
      return `${runbook}: skipped ${step(event.step)}: ${t(event.reason)}`;
    case 'step-failed':
      return `${runbook}: FAILED ${step(event.step)}: ${t(event.note)}`;
    case 'step-reopened':
      return `${runbook}: reopened ${step(event.step)}`;
    case 'run-note':
      return `${runbook}${event.step === undefined ? '' : `, ${step(event.step)}`}: note: ${t(event.text)}`;
    case 'command-copied':
      return `${runbook}${event.step === undefined ? '' : `, ${step(event.step)}`}: copied ${copiedGist(event.command, format.code)}`;
    case 'check-ticked':
      return `${runbook}: ${event.ticked ? 'ticked' : 'unticked'} check “${t(run?.runbook.verification[event.check] ?? String(event.check + 1))}”`;
    case 'run-finished':
      return `${runbook}: run ${t(event.outcome)}${event.reason ? `: ${t(event.reason)}` : ''}`;
    case 'contact-attempted':
      return `${event.outcome === 'reached' ? 'Reached' : event.outcome === 'no-answer' ? 'Tried, no answer:' : 'Left a message for'} ${t(event.name)}${event.role ? `, ${t(event.role)}` : ''}${event.note ? ` (${t(event.note)})` : ''}`;
    case 'message-copied':
      return `Message copied to send (${t(event.templateTitle)}, ${event.format === 'plain' ? 'plain text' : 'Markdown'}): ${t(event.text.split('\n').find((line) => line.trim()) ?? '')}`;
    case 'library-synced':
      return `Library synced${event.commit ? ` to commit ${t(event.commit.slice(0, 8))}` : ''}: ${t(event.summary)} (runs already started keep their copies)`;
    case 'update-snoozed':
      return `Next update put off by ${event.minutes} minutes: ${t(event.reason)}`;
    case 'alert-received': {
      const { alert } = event;
      const since = alert.startsAt === undefined ? '' : ` since ${formatClock(alert.startsAt, timeZone)}`;
      const labels = Object.entries(alert.labels).filter(([name]) => name !== 'alertname');
      return `Alert ${t(alert.name)} (${alert.state}${since})${labels.length ? `: ${labels.map(([name, value]) => t(`${name}=${value}`)).join(', ')}` : ''}`;
    }
  }
}

/**
 * A copied block in one line: its first command (a block of a document often opens with a comment,
 * `# 1. Checkout previous version`, which says nothing of what was pasted) and how many more it held.
 */
function copiedGist(command: string, code: (text: string) => string): string {
  const lines = command.split('\n').filter((line) => line.trim());
  const commands = lines.filter((line) => !/^\s*(#|\/\/|-- )/.test(line));
  const first = commands[0] ?? lines[0] ?? '';
  const more = commands.length - 1;
  return `${code(first)}${more > 0 ? ` and ${more} more command line${more === 1 ? '' : 's'}` : lines.length > 1 ? ' …' : ''}`;
}
