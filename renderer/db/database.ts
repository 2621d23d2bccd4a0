import Dexie, { type EntityTable } from 'dexie';
import type { AdminNote, CommsTemplate, Contact, LibraryMeta, LibraryProblem, Runbook, SeverityLevel } from '../../shared/model';
import type { SerializedSearchIndex } from '../../shared/search/search-engine';

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

export type FailsafeDatabase = Dexie & {
  runbooks: EntityTable<Runbook, 'id'>;
  notes: EntityTable<AdminNote, 'id'>;
  templates: EntityTable<CommsTemplate, 'id'>;
  contacts: EntityTable<Contact, 'id'>;
  severity: EntityTable<SeverityLevel, 'id'>;
  problems: EntityTable<ProblemRecord, 'seq'>;
  searchIndex: EntityTable<SearchIndexRecord, 'version'>;
  meta: EntityTable<MetaRecord, 'key'>;
  settings: EntityTable<SettingRecord, 'key'>;
  runbookChanges: EntityTable<RunbookChangeRecord, 'id'>;
  runbookVisits: EntityTable<RunbookVisitRecord, 'id'>;
};

export const DATABASE_NAME = 'failsafe';

/** The library tables an import replaces; everything else belongs to the user and is never touched. */
export const LIBRARY_TABLES = ['runbooks', 'notes', 'templates', 'contacts', 'severity', 'problems', 'searchIndex', 'meta'] as const;

export function createDatabase(name = DATABASE_NAME): FailsafeDatabase {
  const db = new Dexie(name) as FailsafeDatabase;
  // Versions are never removed: Dexie upgrades an old database step by step, keeping its data.
  db.version(1).stores({
    runbooks: 'id, type, priority, *tags',
    notes: 'id, pinned, *runbooks',
    templates: 'id',
    contacts: 'id, escalationOrder',
    severity: 'id',
    problems: '++seq, path',
    searchIndex: 'version',
    meta: 'key',
    settings: 'key',
  });
  // Version 2 (Git sync): what changed in each sync, and when the user last opened each runbook.
  db.version(2).stores({ runbookChanges: 'id', runbookVisits: 'id' });
  return db;
}
