// The incident record: events appended one after another, never changed. The state on screen is
// derived from them (incident-state.ts); the database, the journal file and the export all hold
// exactly these events.
import type { RunbookStep } from '../model';
import type { RunParam } from '../library/run-params';
import type { RecoveryPart } from '../library/document/recovery-parts';
import type { Alert } from '../alerts/alert';

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const MILESTONES = ['detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** What a run keeps of its runbook as it was when the run started: a later sync changes none of it. */
export interface RunbookCopy {
  id: string;
  title: string;
  path: string;
  /** The runbook's own `version`, when it declares one. */
  version?: string;
  /** A hash of the body: the run says when the library's runbook no longer has it. */
  bodyHash: string;
  body: string;
  steps: RunbookStep[];
  verification: string[];
  /** The Markdown of its Rollback section, empty when it has none. */
  rollback: string;
  related: { id: string; title: string }[];
  duration?: string;
  params: RunParam[];
  /** The library it came from: its content version, and the Git commit when it was synced. */
  libraryVersion: string;
  libraryCommit?: string;
  /**
   * The procedure run when it is one of several in the runbook (its section's slug and its title):
   * then `title` names both ("Operations Runbook › Roll Back Deployment") and `steps` and
   * `verification` are that procedure's. Absent for a runbook that is one procedure, as in every
   * run recorded before procedures existed.
   */
  procedure?: { section: string; title: string };
  /**
   * With `procedure`: what the document offers when a step fails, since a procedure of a long
   * document has no Rollback section of its own (`rollback` is then empty): the rest of its
   * section after its steps (its Resolution), then the document's rollbacks, each under its heading.
   * Absent in runs recorded before it existed: they show `rollback` as they did.
   */
  recovery?: RecoveryPart[];
}

export type IncidentField = 'title' | 'severity' | 'status';

export const ATTEMPT_OUTCOMES = ['reached', 'no-answer', 'left-message'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** What each kind of event says; every event also carries the fields of `EventStamp`. */
export type EventBody =
  | { type: 'incident-declared'; title: string; severity: string }
  | { type: 'incident-changed'; field: IncidentField; value: string }
  | { type: 'milestone-set'; milestone: Milestone; /** When it happened (wall clock, ms): set now, or corrected later. */ time: number }
  | { type: 'incident-note'; noteId: string; text: string; followUp: boolean }
  | { type: 'follow-up-marked'; noteId: string; followUp: boolean }
  | { type: 'run-started'; runId: string; runbook: RunbookCopy }
  | { type: 'param-set'; runId: string; name: string; /** Absent for a secret: its value is never recorded. */ value?: string; /** The alert label the value came from, when an alert's labels filled it. */ fromLabel?: string }
  | { type: 'step-started'; runId: string; step: number }
  | { type: 'step-done'; runId: string; step: number }
  | { type: 'step-skipped'; runId: string; step: number; reason: string }
  | { type: 'step-failed'; runId: string; step: number; note: string }
  | { type: 'step-reopened'; runId: string; step: number }
  | { type: 'run-note'; runId: string; step?: number; text: string }
  | { type: 'command-copied'; runId: string; step?: number; /** As copied, secrets masked. */ command: string }
  | { type: 'check-ticked'; runId: string; check: number; ticked: boolean }
  | { type: 'run-finished'; runId: string; outcome: 'completed' | 'aborted'; reason?: string }
  /** `role`: theirs in the roster when called ("Primary on-call"), for a postmortem that reads who was tried. */
  | { type: 'contact-attempted'; contactId: string; name: string; role?: string; outcome: AttemptOutcome; note?: string }
  | { type: 'message-copied'; templateId: string; templateTitle: string; format: 'plain' | 'markdown'; /** Word for word as copied. */ text: string }
  | { type: 'update-snoozed'; minutes: number; reason: string }
  /** An alert the incident was declared from, or one added to it later: as it was read, labels and annotations word for word. */
  | { type: 'alert-received'; alert: Alert }
  /**
   * The writer's library was synced while the incident was open: when the runbooks changed under
   * the responders (runs keep their copies). `summary`: what changed, in words, as the sync said it.
   */
  | { type: 'library-synced'; version: string; commit?: string; summary: string };

export type EventType = EventBody['type'];

export interface EventStamp {
  incidentId: string;
  /** Its place among its writer's events in this incident, from 1, without a gap. */
  seq: number;
  /** Wall-clock time, ms since 1970: what a human reads. */
  at: number;
  /** A monotonic clock (ms) of the app session that wrote it: durations within a session come from it. */
  mono: number;
  /** The app session that wrote it: monotonic times compare only within one session. */
  session: string;
  /**
   * Who wrote it: one machine and profile (`WRITER_ID`). `seq` counts this writer's events. Absent
   * in events recorded before incidents were shared: they are their machine's own.
   */
  writer?: string;
  /** Its hybrid logical clock (hybrid-clock.ts): the record's order across writers. Absent in the same older events. */
  hlc?: string;
  /** The responder's name in the writer's Settings when it was written. */
  by?: string;
}

export type IncidentEvent = EventStamp & EventBody;

/** The same body type, narrowed: `EventOf<'step-done'>`. */
export type EventOf<T extends EventType> = EventStamp & Extract<EventBody, { type: T }>;
