import type { LibrarySnapshot } from '../../../shared/model';
import type { SerializedSearchIndex } from '../../../shared/search/search-engine';
import { LIBRARY_TABLES, type FailsafeDatabase } from '../../app/services/database';

const CHUNK = 500;

/**
 * Replaces the whole library with `snapshot` in ONE transaction: if anything fails half-way,
 * IndexedDB rolls back and the previous library stays whole. Writes go in chunks so no single
 * structured clone holds the main thread for long. User tables (settings, later executions) are
 * not part of the transaction and are never touched.
 */
export async function importSnapshot(db: FailsafeDatabase, snapshot: LibrarySnapshot, index?: SerializedSearchIndex): Promise<void> {
  if (index && index.version !== snapshot.version) throw new Error('search index does not belong to this library version');
  await db.transaction('rw', LIBRARY_TABLES.map((table) => db.table(table)), async () => {
    const previous = await db.meta.get('library');
    await Promise.all(LIBRARY_TABLES.map((table) => db.table(table).clear()));
    for (let start = 0; start < snapshot.runbooks.length; start += CHUNK) {
      await db.runbooks.bulkAdd(snapshot.runbooks.slice(start, start + CHUNK));
    }
    await db.notes.bulkAdd(snapshot.notes);
    await db.templates.bulkAdd(snapshot.templates);
    await db.contacts.bulkAdd(snapshot.contacts);
    await db.severity.bulkAdd(snapshot.severity);
    await db.problems.bulkAdd(snapshot.problems);
    // Without one, the index is stored later; a library without its index gets it rebuilt at launch.
    if (index) await db.searchIndex.add(index);
    await db.meta.put({
      key: 'library',
      value: {
        version: snapshot.version,
        source: snapshot.source,
        importedAt: new Date().toISOString(),
        importCount: (previous?.value.importCount ?? 0) + 1,
      },
    });
  });
}
