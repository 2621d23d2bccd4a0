import type { AdminNote, LibrarySnapshot } from '../../../shared/model';
import type { SerializedSearchIndex } from '../../../shared/search/search-engine';
import { keepMissingParts, type KeptParts, type TeamData } from '../../../shared/sync/kept-parts';
import { compareLibraries, type LibraryChanges } from '../../../shared/sync/library-changes';
import { LIBRARY_TABLES, type FailsafeDatabase } from '../../app/services/database';
import { syncChangeWrites } from './runbook-history';

const CHUNK = 500;

/** What an import that keeps team parts replaced (`before`), stored (`after`) and kept. */
export interface TeamPartsImport {
  before: TeamData & { pinnedNotes: AdminNote[] };
  after: TeamData & { notes: AdminNote[] };
  kept: KeptParts;
}

/** A synced import: also which runbooks it added, changed and removed, recorded for the "changed" badges. */
export interface SyncedPartsImport extends TeamPartsImport {
  changes: LibraryChanges;
  /** The added and updated runbooks were marked changed: the library replaced was synced too (see SyncChanges). */
  marked: boolean;
}

/**
 * Replaces the whole library with `snapshot` in ONE transaction: if anything fails half-way,
 * IndexedDB rolls back and the previous library stays whole. It runs in the search worker. User
 * tables (settings, later executions) are not part of the transaction and are never touched.
 */
export async function importSnapshot(db: FailsafeDatabase, snapshot: LibrarySnapshot, index?: SerializedSearchIndex): Promise<void> {
  await replaceLibrary(db, snapshot, index, false);
}

/**
 * The same, for a synced library: a team part the snapshot has no readable file for (no
 * oncall.yml, severity.yml or templates/) keeps the stored one, its origin recorded in the meta.
 * The previous parts are read inside the same transaction, so what is kept is what was there.
 * `queued` is called once every write of the transaction has been handed to IndexedDB, which then
 * stores them away from this thread: the thread may turn to other work (the search index).
 * The runbooks it adds, changes and removes (against those it replaces) are recorded as of `now`
 * in the same transaction (syncChangeWrites), unless the library it replaces was not synced.
 */
export async function importSnapshotKeepingTeamParts(db: FailsafeDatabase, snapshot: LibrarySnapshot, now: Date, queued?: () => void): Promise<SyncedPartsImport> {
  // With `sync` given, replaceLibrary always says what changed.
  return (await replaceLibrary(db, snapshot, undefined, { now }, queued)) as SyncedPartsImport;
}

async function replaceLibrary(db: FailsafeDatabase, snapshot: LibrarySnapshot, index: SerializedSearchIndex | undefined, sync: { now: Date } | false, queued?: () => void): Promise<TeamPartsImport | SyncedPartsImport> {
  if (index && index.version !== snapshot.version) throw new Error('search index does not belong to this library version');
  const keep = sync !== false;
  // A database held at an earlier schema version (the upgrade tests write one) lacks the newest tables.
  const libraryTables = LIBRARY_TABLES.filter((table) => db.tables.some(({ name }) => name === table));
  const tables = [...libraryTables, ...(keep ? ['runbookChanges'] : [])].map((table) => db.table(table));
  return db.transaction('rw', tables, async () => {
    const [previous, before, replaced] = await Promise.all([
      db.meta.get('library'),
      keep ? readTeamParts(db) : { contacts: [], severity: [], templates: [], pinnedNotes: [] },
      keep ? db.runbooks.toArray() : [],
    ]);
    const { data, kept } = keep ? keepMissingParts(snapshot, previous && { meta: previous.value, ...before }) : { data: snapshot, kept: {} };
    await Promise.all(libraryTables.map((table) => db.table(table).clear()));
    // Every write is issued at once, not one after another: IndexedDB queues them in order within
    // the transaction, and a later write need not wait for this thread to see the earlier one done
    // (the search worker may be busy building the index meanwhile).
    const writes: Promise<unknown>[] = [];
    const changes = sync ? compareLibraries(replaced, snapshot.runbooks) : undefined;
    const marked = sync !== false && previous?.value.source.kind === 'git';
    if (sync && changes && marked) writes.push(...syncChangeWrites(db, changes, sync.now));
    for (let start = 0; start < snapshot.runbooks.length; start += CHUNK) {
      writes.push(db.runbooks.bulkAdd(snapshot.runbooks.slice(start, start + CHUNK)));
    }
    writes.push(db.notes.bulkAdd(snapshot.notes), db.templates.bulkAdd(data.templates), db.contacts.bulkAdd(data.contacts), db.severity.bulkAdd(data.severity), db.problems.bulkAdd(snapshot.problems));
    if (libraryTables.includes('alertRules')) writes.push(db.alertRules.bulkAdd(snapshot.alertRules ?? []));
    // Without one, the index is stored later; a library without its index gets it rebuilt at launch.
    if (index) writes.push(db.searchIndex.add(index));
    writes.push(db.meta.put({
      key: 'library',
      value: {
        version: snapshot.version,
        source: snapshot.source,
        ...(Object.keys(kept).length ? { kept } : {}),
        importedAt: new Date().toISOString(),
        importCount: (previous?.value.importCount ?? 0) + 1,
      },
    }));
    queued?.();
    await Promise.all(writes);
    return { before, after: { contacts: data.contacts, severity: data.severity, templates: data.templates, notes: snapshot.notes }, kept, ...(changes ? { changes, marked } : {}) };
  });
}

async function readTeamParts(db: FailsafeDatabase): Promise<TeamPartsImport['before']> {
  const [contacts, severity, templates, pinnedNotes] = await Promise.all([db.contacts.toArray(), db.severity.toArray(), db.templates.toArray(), db.notes.filter((note) => note.pinned).toArray()]);
  return { contacts, severity, templates, pinnedNotes };
}
