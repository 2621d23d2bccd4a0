import { compareTeamParts, type SyncChanges } from '../../../shared/sync/library-changes';
import type { LibrarySnapshot, Runbook } from '../../../shared/model';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import type { SerializedSearchIndex } from '../../../shared/search/search-engine';
import { isSearchIndexFor } from '../../../shared/library/snapshot-validation';
import type { FailsafeDatabase } from '../../app/services/database';
import { importSnapshotKeepingTeamParts } from './import-snapshot';

/** The search worker, as far as an import needs it. */
export interface Indexer {
  build(version: string, runbooks: Runbook[]): Promise<{ index: SerializedSearchIndex; summaries: RunbookSummary[] }>;
  /** Searches with an index made elsewhere (main counts a synced library's); throws when it cannot be loaded. */
  adopt(index: SerializedSearchIndex): RunbookSummary[];
  load(version: string): Promise<unknown>;
}

export interface SyncedImport {
  changes: SyncChanges;
  summaries: RunbookSummary[];
}

/** The import is saved but search still holds the previous index until the app restarts. */
export class IndexNotBuiltError extends Error {}

/**
 * Imports a synced snapshot and makes it searchable. The library is written (one transaction, like
 * any import) while its index is counted in main (`counted`, which arrives meanwhile) or, when that
 * one is missing or not this library's, built here; that overlap is what makes a large sync
 * searchable sooner. The index is stored once both are done. If the write fails, the worker goes
 * back to the previous library's index, so search and storage never disagree.
 */
export async function importSyncedLibrary(
  db: FailsafeDatabase,
  indexer: Indexer,
  snapshot: LibrarySnapshot,
  previousVersion: string | undefined,
  now: Date,
  counted: Promise<SerializedSearchIndex | undefined> = Promise.resolve(undefined),
): Promise<SyncedImport> {
  // The write is started first, and the index loaded or built only once every write is handed to
  // IndexedDB: either holds this thread (a build for seconds at thousands of runbooks), and a write
  // still waiting for the thread to issue it would wait that long too (measured: the whole write
  // came after the build). IndexedDB then stores the library while this thread works.
  // Main's index may fail before it is looked at: a failure is only "build it here".
  const mainIndex = counted.catch(() => undefined);
  let queued = () => {};
  // Resolved from a task of its own: resolved straight from inside the transaction's callback, the
  // code below ran in Dexie's transaction zone and later database calls failed (TransactionInactiveError).
  const allQueued = new Promise<void>((resolve) => (queued = () => void setTimeout(resolve, 0)));
  const writing = importSyncedSnapshot(db, snapshot, now, queued);
  await Promise.race([allQueued, writing.then(() => undefined, () => undefined)]);
  // The index is handed to IndexedDB as soon as it is built, not after the library's write is
  // seen done: its transaction then starts right after the library's (whose scope holds the
  // index table too, so it cannot start before). Derived data: a library stored without its
  // index gets it rebuilt at the next launch, hence a failed put is no failure.
  const building = adoptOrBuild(indexer, snapshot, mainIndex).then((built) => ({ ...built, stored: db.searchIndex.put(built.index).then(() => undefined, () => undefined) }));
  const [imported, built] = await Promise.allSettled([writing, building]);
  if (imported.status === 'rejected') {
    // The index of a library that was not stored must not stay beside the previous one.
    if (built.status === 'fulfilled' && snapshot.version !== previousVersion) await built.value.stored.then(() => db.searchIndex.delete(snapshot.version)).catch(() => undefined);
    if (previousVersion) await indexer.load(previousVersion);
    throw imported.reason;
  }
  if (built.status === 'rejected') {
    throw new IndexNotBuiltError(`the search index could not be built (${built.reason instanceof Error ? built.reason.message : String(built.reason)})`);
  }
  await built.value.stored;
  return { changes: imported.value, summaries: built.value.summaries };
}

/** The index main counted when it is this library's and loads, else one built here. */
async function adoptOrBuild(indexer: Indexer, snapshot: LibrarySnapshot, counted: Promise<SerializedSearchIndex | undefined>): Promise<{ index: SerializedSearchIndex; summaries: RunbookSummary[] }> {
  const index = await counted;
  if (isSearchIndexFor(index, snapshot.version)) {
    try {
      return { index, summaries: indexer.adopt(index) };
    } catch {
      // Not loadable after all: built here, as when main sent none.
    }
  }
  return indexer.build(snapshot.version, snapshot.runbooks);
}

/**
 * Imports a synced snapshot (in one transaction, like any import; team parts it has no file for
 * are kept), records which runbooks it added or changed, for the "changed since you last opened
 * it" badges (not at a first sync: see SyncChanges.marked), and says what it kept and what else it removed.
 */
export async function importSyncedSnapshot(db: FailsafeDatabase, snapshot: LibrarySnapshot, now: Date, queued?: () => void): Promise<SyncChanges> {
  const imported = await importSnapshotKeepingTeamParts(db, snapshot, now, queued);
  return { ...imported.changes, ...compareTeamParts(imported.before, imported.after, imported.kept), marked: imported.marked };
}
