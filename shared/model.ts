// The domain model: plain data that crosses every boundary (files -> parser -> IPC -> IndexedDB).
import type { AlertRule } from './alerts/alert-rules';

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const NOTE_KINDS = ['tip', 'warning', 'best-practice', 'lesson-learned'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/**
 * A step of guided mode. Its text is not copied: it is the lines `fromLine` to `toLine` (exclusive)
 * of the runbook's body, read with `stepMarkdown` (shared/library/markdown/runbook-steps.ts). Keeping each step's
 * text twice made every snapshot, IPC reply and database write half as big again.
 */
export interface RunbookStep {
  index: number;
  title: string;
  fromLine: number;
  toLine: number;
  /** The step is one item of a numbered list (its marker is not part of its text). */
  listItem: boolean;
  /**
   * The step is a numbered comment of a code block (`# 1. Create backup`): its lines are the
   * commands under that comment, shown as code of this language. Absent for every other step.
   */
  code?: { language: string };
}

/**
 * One runnable procedure of a runbook (shared/library/document/procedures.ts): a section whose
 * own body is a numbered list, a checklist, a Steps sub-heading or a block of numbered commented
 * commands. Its steps are line ranges of the runbook's body like any step.
 */
export interface RunbookProcedure {
  /** The section's slug (`?section=<slug>`); '' when the runbook as a whole is the procedure. */
  section: string;
  title: string;
  /** The headings above it, outermost first (the document's title not among them). */
  parents: string[];
  /** The lines of the body it covers: its heading (or first line) up to `toLine` (exclusive). */
  fromLine: number;
  toLine: number;
  steps: RunbookStep[];
  verification: string[];
}

export interface Runbook {
  id: string;
  path: string;
  title: string;
  type: string;
  priority?: Priority;
  severity: string[];
  tags: string[];
  aliases: string[];
  /**
   * The alert names it answers (`alerts:` front matter): an alert of that name opens it first
   * (shared/alerts/alert-runbook.ts). Runbooks stored before alerts existed lack it: read as [].
   */
  alerts: string[];
  owner?: string;
  duration?: string;
  rto?: string;
  rpo?: string;
  version?: string;
  /** As written: `2025-11-04`, or in words (`November 28, 2025`); read with shared/library/review.ts. */
  lastReviewed?: string;
  reviewEvery: string;
  /** The document's own word on its state (`Current`, `Draft`, `Deprecated`), when it gives one. */
  status?: string;
  /**
   * Where owner, review date, version, priority, severity, RTO/RPO and status came from: `body` when
   * any was read from the body's top lines (`**Owner**: DevOps Team`), absent when none is stated.
   */
  metadataFrom?: 'front-matter' | 'body';
  related: string[];
  summary: string;
  /** The whole Markdown body, front matter removed. */
  body: string;
  /**
   * Its procedures, in the order of the body; empty for a document (readable, searchable, not
   * runnable). Runbooks stored before procedures existed lack it: read it with `procedures()`
   * (shared/library/document/procedures.ts).
   */
  procedures: RunbookProcedure[];
  /** The first procedure's steps and checks (empty for a document), as before procedures existed. */
  steps: RunbookStep[];
  verification: string[];
  /** Every command found in the runbook (code blocks and inline code that looks like a command). */
  commands: string[];
  /** Front matter keys we do not model, kept as they were. */
  extra: Record<string, unknown>;
}

export interface AdminNote {
  id: string;
  path: string;
  title: string;
  kind: NoteKind;
  pinned: boolean;
  tags: string[];
  runbooks: string[];
  /** The step (from 1) of its first runbook it is about, when it is about one step. */
  step?: number;
  body: string;
}

/** How a template field is filled in; undeclared fields are `text` (`choice` when they list options). */
export const FIELD_TYPES = ['text', 'multiline', 'choice', 'severity', 'status', 'time'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface TemplateField {
  name: string;
  label: string;
  default?: string;
  options?: string[];
  /** Absent in libraries read before field types existed: read it with `fieldType`. */
  type?: FieldType;
}

/** When in an incident a message template is meant for. */
export const TEMPLATE_STAGES = ['initial', 'update', 'resolved'] as const;
export type TemplateStage = (typeof TEMPLATE_STAGES)[number];

export interface CommsTemplate {
  id: string;
  path: string;
  title: string;
  channel?: string;
  /** Declared in its front matter (`stage:`); else read from its id and title (shared/comms/template-stage.ts). */
  stage?: TemplateStage;
  fields: TemplateField[];
  body: string;
}

export interface Contact {
  id: string;
  name: string;
  role: string;
  phone?: string;
  email?: string;
  chat?: string;
  timeZone?: string;
  escalationOrder: number;
}

/** One step of a level's escalation chain: notify a role or a person, then wait before the next. */
export interface EscalationStep {
  /** A role (`Primary on-call`) or a person (name or id) of the roster. */
  notify: string;
  /** As written (`15 minutes`); absent on the last step. */
  wait?: string;
}

export interface SeverityLevel {
  id: string;
  name: string;
  responseTime: string;
  description?: string;
  examples: string[];
  pages: string[];
  updateEvery?: string;
  /** Absent when the library gives none (and in libraries read before chains existed). */
  escalation?: EscalationStep[];
  /**
   * The alert `severity` label values (lower case) severity.yml's `alert_severity:` maps to this
   * level: kept on the level, so it is stored, synced and kept with the levels it names.
   */
  alertSeverities?: string[];
}

export interface LibraryProblem {
  path: string;
  reason: string;
  /**
   * error: left out; warning: read, but needs attention; skipped: not read, on purpose (a hidden
   * file, an empty one); note: read, and changed on the way in (text decoded twice, repaired).
   */
  level: 'error' | 'warning' | 'skipped' | 'note';
}

export type LibrarySource =
  | { kind: 'bundled'; builtAt: string }
  | { kind: 'git'; commit: string; committedAt: string; syncedAt: string };

/** The parts of a library a team keeps in files of their own, beside the runbooks. */
export const TEAM_PARTS = ['contacts', 'severity', 'templates'] as const;
export type TeamPart = (typeof TEAM_PARTS)[number];

/**
 * Whether a library had a part's file (`oncall.yml`, `severity.yml`, `templates/`): `read` (even
 * when it lists nothing, which is how a team empties one on purpose), `absent`, or there but
 * `unreadable` (not valid YAML, too big, refused). Only a read part replaces what the app had.
 */
export type PartPresence = 'read' | 'absent' | 'unreadable';
export const PART_PRESENCES: readonly PartPresence[] = ['read', 'absent', 'unreadable'];

/** A part of the stored library kept from an earlier library, because the one imported had none it could read. */
export interface KeptPart {
  because: Exclude<PartPresence, 'read'>;
  /** The library it came from: a sync (its commit and date) or the bundle. */
  from: LibrarySource;
}

/** The snapshot format this build writes and reads. */
export const SNAPSHOT_FORMAT = 2;

export interface LibrarySnapshot {
  /** 2: steps are line ranges of the body (1 kept a copy of each step's text). */
  formatVersion: typeof SNAPSHOT_FORMAT;
  /** A hash of the parsed content: the same files always give the same version. */
  version: string;
  source: LibrarySource;
  runbooks: Runbook[];
  notes: AdminNote[];
  templates: CommsTemplate[];
  contacts: Contact[];
  severity: SeverityLevel[];
  problems: LibraryProblem[];
  /** Which of the team's files the library had: an absent `oncall.yml` is not an empty one. */
  presence: Record<TeamPart, PartPresence>;
  /**
   * The alerting rules of the library's YAML files (Prometheus rule files, PrometheusRule
   * manifests), at most MAX_ALERT_RULES, for coverage. Absent in snapshots made before rules were read.
   */
  alertRules?: AlertRule[];
}

/** Where a snapshot came from and when, without the content: enough to decide which library wins. */
export interface LibraryMeta {
  version: string;
  source: LibrarySource;
  /** The team parts stored from an earlier library than `source` (absent: every part is its own). */
  kept?: Partial<Record<TeamPart, KeptPart>>;
}
