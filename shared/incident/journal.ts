// The journal: a plain file per incident, one event per line as JSON, written by the desktop app
// beside IndexedDB so the record outlives a damaged browser profile. Reading one back is reading
// outside content: every line is checked, and a bad line is named, never fatal to the rest.
import { INCIDENT_STATUSES, MILESTONES, type IncidentEvent } from './incident-events';

export const INCIDENT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A journal larger than this is not read (an incident of 100,000 events is about 30 MB). */
export const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

export function journalLine(event: IncidentEvent): string {
  return JSON.stringify(event);
}

/** An event as text with its keys in order: the same event reads the same whatever order a file wrote its fields in. */
export function canonicalEvent(event: IncidentEvent): string {
  return JSON.stringify(asRecorded(event), (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
}

/**
 * An event as it was written. An event recorded before incidents were shared has no clock; this
 * machine reads it as its own writer's, and that writer id, put on when read, is not part of it.
 */
function asRecorded(event: IncidentEvent): IncidentEvent {
  if (event.hlc !== undefined || event.writer === undefined) return event;
  const recorded: Partial<IncidentEvent> = { ...event };
  delete recorded.writer;
  return recorded as IncidentEvent;
}

export interface JournalRead {
  events: IncidentEvent[];
  /** The line of each event, by number from 1. */
  lines: number[];
  /** Lines that are not an event, by number from 1, and why. */
  problems: { line: number; reason: string }[];
}

export function readJournal(text: string): JournalRead {
  const events: IncidentEvent[] = [];
  const numbers: number[] = [];
  const problems: JournalRead['problems'] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // The last line of a journal cut off by a crash mid-write.
      problems.push({ line: index + 1, reason: index === lines.length - 1 ? 'cut off (the app stopped while writing it)' : 'not JSON' });
      return;
    }
    const reason = eventProblem(value);
    if (reason) problems.push({ line: index + 1, reason });
    else {
      events.push(value as IncidentEvent);
      numbers.push(index + 1);
    }
  });
  return { events, lines: numbers, problems };
}

type FieldKind = 'string' | 'number' | 'boolean' | 'object' | 'string?' | 'number?' | 'object?';

const STAMP: Record<string, FieldKind> = { incidentId: 'string', seq: 'number', at: 'number', mono: 'number', session: 'string', type: 'string', writer: 'string?', hlc: 'string?', by: 'string?' };
const FIELDS: Record<IncidentEvent['type'], Record<string, FieldKind>> = {
  'incident-declared': { title: 'string', severity: 'string' },
  'incident-changed': { field: 'string', value: 'string' },
  'milestone-set': { milestone: 'string', time: 'number' },
  'incident-note': { noteId: 'string', text: 'string', followUp: 'boolean' },
  'follow-up-marked': { noteId: 'string', followUp: 'boolean' },
  'run-started': { runId: 'string', runbook: 'object' },
  'param-set': { runId: 'string', name: 'string', value: 'string?', fromLabel: 'string?' },
  'step-started': { runId: 'string', step: 'number' },
  'step-done': { runId: 'string', step: 'number' },
  'step-skipped': { runId: 'string', step: 'number', reason: 'string' },
  'step-failed': { runId: 'string', step: 'number', note: 'string' },
  'step-reopened': { runId: 'string', step: 'number' },
  'run-note': { runId: 'string', step: 'number?', text: 'string' },
  'command-copied': { runId: 'string', step: 'number?', command: 'string' },
  'check-ticked': { runId: 'string', check: 'number', ticked: 'boolean' },
  'run-finished': { runId: 'string', outcome: 'string', reason: 'string?' },
  'contact-attempted': { contactId: 'string', name: 'string', role: 'string?', outcome: 'string', note: 'string?' },
  'message-copied': { templateId: 'string', templateTitle: 'string', format: 'string', text: 'string' },
  'update-snoozed': { minutes: 'number', reason: 'string' },
  'alert-received': { alert: 'object' },
  'library-synced': { version: 'string', commit: 'string?', summary: 'string' },
};
const RUNBOOK_COPY: Record<string, FieldKind> = { id: 'string', title: 'string', path: 'string', bodyHash: 'string', body: 'string', rollback: 'string', libraryVersion: 'string', version: 'string?', duration: 'string?', libraryCommit: 'string?', procedure: 'object?' };

/** Why a value is not a well-formed event, or undefined when it is. What it means is the state function's to judge. */
export function eventProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not an event';
  const type = value.type as IncidentEvent['type'];
  const fields = typeof type === 'string' && Object.prototype.hasOwnProperty.call(FIELDS, type) ? FIELDS[type] : undefined;
  if (!fields) return `unknown event type "${String(type).slice(0, 40)}"`;
  const wrong = fieldProblem(value, { ...STAMP, ...fields });
  if (wrong) return wrong;
  if (!INCIDENT_ID.test(value.incidentId as string)) return 'not an incident id';
  if (type === 'incident-changed' && !['title', 'severity', 'status'].includes(value.field as string)) return `unknown field "${String(value.field).slice(0, 40)}"`;
  if (type === 'incident-changed' && value.field === 'status' && !INCIDENT_STATUSES.includes(value.value as never)) return `unknown status "${String(value.value).slice(0, 40)}"`;
  if (type === 'milestone-set' && !MILESTONES.includes(value.milestone as never)) return `unknown milestone "${String(value.milestone).slice(0, 40)}"`;
  if (type === 'alert-received') {
    const problem = recordedAlertProblem(value.alert as Record<string, unknown>);
    if (problem) return `alert: ${problem}`;
  }
  if (type === 'run-started') {
    const runbook = value.runbook as Record<string, unknown>;
    const copy = fieldProblem(runbook, RUNBOOK_COPY);
    if (copy) return `runbook: ${copy}`;
    for (const list of ['steps', 'verification', 'related', 'params']) if (!Array.isArray(runbook[list])) return `runbook: ${list} is not a list`;
    const steps = runbook.steps as unknown[];
    const codeOk = (code: unknown) => code === undefined || (isRecord(code) && typeof code.language === 'string');
    if (!steps.every((step) => isRecord(step) && typeof step.title === 'string' && Number.isInteger(step.fromLine) && Number.isInteger(step.toLine) && codeOk(step.code))) return 'runbook: a step is malformed';
    const procedure = runbook.procedure;
    if (isRecord(procedure) && (typeof procedure.section !== 'string' || typeof procedure.title !== 'string')) return 'runbook: its procedure is malformed';
    const recovery = runbook.recovery;
    if (recovery !== undefined && !(Array.isArray(recovery) && recovery.every((part) => isRecord(part) && ['heading', 'section', 'markdown', 'kind'].every((name) => typeof part[name] === 'string')))) return 'runbook: its recovery is malformed';
    if (!(runbook.verification as unknown[]).every((item) => typeof item === 'string')) return 'runbook: a check is malformed';
    if (!(runbook.params as unknown[]).every((param) => isRecord(param) && typeof param.name === 'string' && typeof param.secret === 'boolean')) return 'runbook: a parameter is malformed';
  }
  return undefined;
}

const ALERT: Record<string, FieldKind> = { name: 'string', state: 'string', source: 'string', labels: 'object', annotations: 'object', startsAt: 'number?', endsAt: 'number?' };

function recordedAlertProblem(alert: Record<string, unknown>): string | undefined {
  const wrong = fieldProblem(alert, ALERT);
  if (wrong) return wrong;
  for (const map of ['labels', 'annotations']) if (!Object.values(alert[map] as Record<string, unknown>).every((value) => typeof value === 'string')) return `a value of its ${map} is not text`;
  return undefined;
}

function fieldProblem(value: Record<string, unknown>, fields: Record<string, FieldKind>): string | undefined {
  for (const [name, kind] of Object.entries(fields)) {
    const field = value[name];
    const optional = kind.endsWith('?');
    if (optional && field === undefined) continue;
    const base = kind.replace('?', '');
    const ok = base === 'object' ? isRecord(field) : base === 'number' ? typeof field === 'number' && Number.isFinite(field) : typeof field === base;
    if (!ok) return `${name} is not a ${base}`;
  }
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export type JournalAgreement =
  | { agree: true }
  | { agree: false; /** In plain words, for the incident screen. */ difference: string; journalAhead: boolean };

/**
 * Whether the database's record and the journal's hold the same events. The journal is ahead when it
 * numbers events the database lacks: a rebuild may add them (it never takes any away).
 */
export function compareRecords(database: readonly IncidentEvent[], journal: readonly IncidentEvent[]): JournalAgreement {
  const held = new Map(database.map((event) => [event.seq, canonicalEvent(event)]));
  const numbers = new Set(journal.map((event) => event.seq));
  const journalAhead = [...numbers].some((seq) => !held.has(seq));
  const differing = journal.find((event) => held.has(event.seq) && held.get(event.seq) !== canonicalEvent(event));
  if (differing) return { agree: false, difference: `event ${differing.seq} differs between this app's database and the journal file`, journalAhead };
  if (numbers.size > database.length) return { agree: false, difference: `the journal file has ${numbers.size} events, this app's database ${database.length}`, journalAhead };
  if (numbers.size < database.length) return { agree: false, difference: `this app's database has ${database.length} events, the journal file ${numbers.size}`, journalAhead };
  if (journalAhead) return { agree: false, difference: 'the journal file numbers events this app’s database does not have', journalAhead };
  return { agree: true };
}
