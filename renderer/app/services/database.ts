import Dexie, { type DBCore, type EntityTable, type Middleware, type Table, type Transaction } from 'dexie';
import type { IncidentEvent, IncidentStatus } from '../../../shared/incident/incident-events';
import { runSummariesOfRecord, type RunSummary } from '../../../shared/incident/runs/run-summary';
import type { ContactOverride } from '../../../shared/oncall/contact-overrides';
import type { LocalNote } from '../../../shared/notes/local-note';
import { extractSteps, splitSections } from '../../../shared/library/markdown/runbook-sections';
import type { AdminNote, CommsTemplate, Contact, LibraryMeta, LibraryProblem, Runbook, SeverityLevel } from '../../../shared/model';
import type { SerializedSearchIndex } from '../../../shared/search/search-engine';
import type { AlertRule } from '../../../shared/alerts/alert-rules';

export interface MetaRecord {
  key: 'library';
  value: LibraryMeta & { importedAt: string; importCount: number };
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface ProblemRecord extends LibraryProblem {
  seq?: number;
}

export type SearchIndexRecord = SerializedSearchIndex;

export interface AlertRuleRecord extends AlertRule {
  seq?: number;
}

/** A runbook a sync added or changed, and when: the user's own record, never cleared by an import. */
export interface RunbookChangeRecord {
  id: string;
  change: 'added' | 'updated';
  changedAt: string;
}

export interface RunbookVisitRecord {
  id: string;
  openedAt: string;
}

/**
 * Text typed into one of an incident's forms and not yet recorded: `key` names the form (the
 * incident's note field, a run's reason or note form); `form` and `step` say which one to open again.
 */
export interface DraftRecord {
  key: string;
  text: string;
  form?: 'skip' | 'fail' | 'note';
  step?: number;
}

/** An incident as the list shows it: kept beside its events, written in the same transaction. */
export interface IncidentSummaryRecord {
  id: string;
  title: string;
  severity: string;
  status: IncidentStatus;
  declaredAt: number;
  resolvedAt?: number;
  /** When the problem started, where that is before the declaration (a corrected detection time, an alert's start). */
  startedAt?: number;
  runs: { runbookTitle: string; outcome: 'running' | 'completed' | 'aborted' }[];
  /** How many events the record holds (every writer's). */
  lastSeq: number;
  /** Who declared it, when someone else did (a shared incident): their name, or their writer id. */
  declaredBy?: string;
}

export type FailsafeDatabase = Dexie & {
  runbooks: EntityTable<Runbook, 'id'>;
  notes: EntityTable<AdminNote, 'id'>;
  templates: EntityTable<CommsTemplate, 'id'>;
  contacts: EntityTable<Contact, 'id'>;
  severity: EntityTable<SeverityLevel, 'id'>;
  problems: EntityTable<ProblemRecord, 'seq'>;
  searchIndex: EntityTable<SearchIndexRecord, 'version'>;
  meta: EntityTable<MetaRecord, 'key'>;
  /** The library's alerting rules, for Library health's coverage (snapshot `alertRules`). */
  alertRules: EntityTable<AlertRuleRecord, 'seq'>;
  settings: EntityTable<SettingRecord, 'key'>;
  runbookChanges: EntityTable<RunbookChangeRecord, 'id'>;
  runbookVisits: EntityTable<RunbookVisitRecord, 'id'>;
  /** Keyed by [incidentId+seq]: a second event with the same number is refused, never overwrites. */
  incidentEvents: Table<IncidentEvent, [string, number]>;
  /** Other writers' events of shared incidents: only ever added. */
  peerEvents: Table<IncidentEvent, [string, string, number]>;
  incidents: EntityTable<IncidentSummaryRecord, 'id'>;
  contactOverrides: EntityTable<ContactOverride, 'id'>;
  localNotes: EntityTable<LocalNote, 'id'>;
  /** Notes (the library's or local) the user marked helpful. */
  helpfulNotes: EntityTable<{ id: string; markedAt: string }, 'id'>;
  /** One row per run, keyed by [incidentId+runId], written with its events: figures across incidents read these. */
  runSummaries: Table<RunSummary, [string, string]>;
  /** What a responder is typing into an incident's forms, kept as it is typed (app/services/drafts.ts). */
  drafts: EntityTable<DraftRecord, 'key'>;
};

export const DATABASE_NAME = 'failsafe';

/** The library tables an import replaces, all together in one transaction. */
export const LIBRARY_TABLES = ['runbooks', 'notes', 'templates', 'contacts', 'severity', 'problems', 'searchIndex', 'meta', 'alertRules'] as const;

/**
 * The user's own tables: never touched by an import, never dropped by an upgrade, written with
 * strict durability. A new table goes in one of the two lists (a test checks every table is in one).
 */
export const USER_TABLES = ['settings', 'runbookChanges', 'runbookVisits', 'incidentEvents', 'peerEvents', 'incidents', 'contactOverrides', 'localNotes', 'helpfulNotes', 'runSummaries', 'drafts'] as const;

/**
 * Every version of the schema, oldest first. Versions are never removed or edited: Dexie upgrades
 * an old database step by step, keeping its data, and the upgrade test opens a filled database of
 * each earlier version.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string>; upgrade?: (transaction: Transaction) => Promise<unknown> }[] = [
  {
    version: 1,
    stores: {
      runbooks: 'id, type, priority, *tags',
      notes: 'id, pinned, *runbooks',
      templates: 'id',
      contacts: 'id, escalationOrder',
      severity: 'id',
      problems: '++seq, path',
      searchIndex: 'version',
      meta: 'key',
      settings: 'key',
    },
  },
  // Version 2 (Git sync): what changed in each sync, and when the user last opened each runbook.
  { version: 2, stores: { runbookChanges: 'id', runbookVisits: 'id' } },
  // Version 3 (snapshot format 2): steps are line ranges of the body; stored runbooks are re-read.
  {
    version: 3,
    stores: {},
    upgrade: (transaction) =>
      transaction
        .table<Runbook>('runbooks')
        .toCollection()
        .modify((runbook) => {
          runbook.steps = extractSteps(splitSections(runbook.body));
        }),
  },
  // Version 4 (incidents): the record of each incident, and the list of incidents.
  { version: 4, stores: { incidentEvents: '[incidentId+seq]', incidents: 'id, declaredAt' } },
  // Version 5 (on-call): the responder's own changes to the roster.
  { version: 5, stores: { contactOverrides: 'id' } },
  // Version 6 (notes): notes written in the app, and the notes marked helpful.
  { version: 6, stores: { localNotes: 'id', helpfulNotes: 'id' } },
  // Version 7 (at scale): a summary of each run, so run figures need no replay of every record;
  // the runs recorded so far get theirs from their records.
  { version: 7, stores: { runSummaries: '[incidentId+runId], runbookId' }, upgrade: rebuildRunSummaries },
  // Version 8 (alerts): the library's alerting rules. A library stored before has none until its next import.
  { version: 8, stores: { alertRules: '++seq, alert' } },
  // Version 9 (shared incidents): the events other writers recorded in an incident. This machine's
  // own stay in incidentEvents, numbered as they always were.
  { version: 9, stores: { peerEvents: '[incidentId+writer+seq]' } },
  // Version 10 (drafts): a note or reason being typed, so a crash does not lose it.
  { version: 10, stores: { drafts: 'key' } },
];

/**
 * Derives every run summary again from the incident records, one record at a time (they are stored
 * in order of [incidentId+seq]), and replaces the table with them. Version 7's upgrade; the same
 * derivation as the rows written with each event (`runSummariesOfRecord`).
 */
export async function rebuildRunSummaries(transaction: Transaction): Promise<void> {
  const rows: RunSummary[] = [];
  let record: IncidentEvent[] = [];
  await transaction.table<IncidentEvent>('incidentEvents').each((event) => {
    if (record.length && record[0].incidentId !== event.incidentId) {
      rows.push(...runSummariesOfRecord(record));
      record = [];
    }
    record.push(event);
  });
  rows.push(...runSummariesOfRecord(record));
  const table = transaction.table<RunSummary>('runSummaries');
  await table.clear();
  await table.bulkPut(rows);
}

/** `version`: open the schema as it was then (the upgrade test builds old databases with it). */
export function createDatabase(name = DATABASE_NAME, version = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version): FailsafeDatabase {
  const db = new Dexie(name) as FailsafeDatabase;
  for (const schema of SCHEMA_VERSIONS) {
    if (schema.version > version) continue;
    const declared = db.version(schema.version).stores(schema.stores);
    if (schema.upgrade) declared.upgrade(schema.upgrade);
  }
  db.use(strictDurabilityForUserData);
  return db;
}

const USER_TABLE_NAMES: ReadonlySet<string> = new Set(USER_TABLES);

/**
 * Chromium commits IndexedDB writes with relaxed durability by default: the write is acknowledged
 * before it reaches the disk, so a crash or power loss can lose it. What the user made is written
 * strictly; the library (which can always be imported again) keeps the faster default.
 */
const strictDurabilityForUserData: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'strict durability for user data',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(stores, mode, mode === 'readwrite' && stores.some((store) => USER_TABLE_NAMES.has(store)) ? { ...options, durability: 'strict' } : options),
  }),
};
