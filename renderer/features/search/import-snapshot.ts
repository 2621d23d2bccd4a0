import type { AdminNote, LibrarySnapshot } from '../../../shared/model';
import type { SerializedSearchIndex } from '../../../shared/search/search-engine';
import { keepMissingParts, type KeptParts, type TeamData } from '../../../shared/sync/kept-parts';
import { LIBRARY_TABLES, type FailsafeDatabase } from '../../app/services/database';

const CHUNK = 500;

/** What an import that keeps team parts replaced (`before`), stored (`after`) and kept. */
export interface TeamPartsImport {
  before: TeamData & { pinnedNotes: AdminNote[] };
  after: TeamData & { notes: AdminNote[] };
  kept: KeptParts;
}

/**
 * Replaces the whole library with `snapshot` in ONE transaction: if anything fails half-way,
 * IndexedDB rolls back and the previous library stays whole. Writes go in chunks so no single
 * structured clone holds the main thread for long. User tables (settings, later executions) are
 * not part of the transaction and are never touched.
 */
export async function importSnapshot(db: FailsafeDatabase, snapshot: LibrarySnapshot, index?: SerializedSearchIndex): Promise<void> {
  await replaceLibrary(db, snapshot, index, false);
}

/**
 * The same, for a synced library: a team part the snapshot has no readable file for (no
 * oncall.yml, severity.yml or templates/) keeps the stored one, its origin recorded in the meta.
 * The previous parts are read inside the same transaction, so what is kept is what was there.
 */
export async function importSnapshotKeepingTeamParts(db: FailsafeDatabase, snapshot: LibrarySnapshot): Promise<TeamPartsImport> {
  return replaceLibrary(db, snapshot, undefined, true);
}

async function replaceLibrary(db: FailsafeDatabase, snapshot: LibrarySnapshot, index: SerializedSearchIndex | undefined, keep: boolean): Promise<TeamPartsImport> {
  if (index && index.version !== snapshot.version) throw new Error('search index does not belong to this library version');
  return db.transaction('rw', LIBRARY_TABLES.map((table) => db.table(table)), async () => {
    const previous = await db.meta.get('library');
    const before = keep ? await readTeamParts(db) : { contacts: [], severity: [], templates: [], pinnedNotes: [] };
    const { data, kept } = keep ? keepMissingParts(snapshot, previous && { meta: previous.value, ...before }) : { data: snapshot, kept: {} };
    await Promise.all(LIBRARY_TABLES.map((table) => db.table(table).clear()));
    for (let start = 0; start < snapshot.runbooks.length; start += CHUNK) {
      await db.runbooks.bulkAdd(snapshot.runbooks.slice(start, start + CHUNK));
    }
    await db.notes.bulkAdd(snapshot.notes);
    await db.templates.bulkAdd(data.templates);
    await db.contacts.bulkAdd(data.contacts);
    await db.severity.bulkAdd(data.severity);
    await db.problems.bulkAdd(snapshot.problems);
    // Without one, the index is stored later; a library without its index gets it rebuilt at launch.
    if (index) await db.searchIndex.add(index);
    await db.meta.put({
      key: 'library',
      value: {
        version: snapshot.version,
        source: snapshot.source,
        ...(Object.keys(kept).length ? { kept } : {}),
        importedAt: new Date().toISOString(),
        importCount: (previous?.value.importCount ?? 0) + 1,
      },
    });
    return { before, after: { contacts: data.contacts, severity: data.severity, templates: data.templates, notes: snapshot.notes }, kept };
  });
}

async function readTeamParts(db: FailsafeDatabase): Promise<TeamPartsImport['before']> {
  const [contacts, severity, templates, pinnedNotes] = await Promise.all([db.contacts.toArray(), db.severity.toArray(), db.templates.toArray(), db.notes.filter((note) => note.pinned).toArray()]);
  return { contacts, severity, templates, pinnedNotes };
}
