import { compareLibraries, fingerprint, type LibraryChanges } from '../../shared/library-changes';
import type { LibrarySnapshot } from '../../shared/model';
import type { SerializedSearchIndex } from '../../shared/search/search-engine';
import type { FailsafeDatabase } from './database';
import { importSnapshot } from './import-snapshot';

/**
 * Imports a synced snapshot (in one transaction, like any import) and records which runbooks it
 * added or changed, for the "changed since you last opened it" badges.
 */
export async function importSyncedSnapshot(db: FailsafeDatabase, snapshot: LibrarySnapshot, index: SerializedSearchIndex, now: Date): Promise<LibraryChanges> {
  const before = (await db.runbooks.toArray()).map(fingerprint);
  await importSnapshot(db, snapshot, index);
  const changes = compareLibraries(before, snapshot.runbooks.map(fingerprint));
  const changedAt = now.toISOString();
  await db.runbookChanges.bulkPut([
    ...changes.added.map(({ id }) => ({ id, change: 'added' as const, changedAt })),
    ...changes.updated.map(({ id }) => ({ id, change: 'updated' as const, changedAt })),
  ]);
  await db.runbookChanges.bulkDelete(changes.removed.map(({ id }) => id));
  return changes;
}

/** Runbooks changed by a sync after the user last opened them. */
export async function unseenChanges(db: FailsafeDatabase): Promise<Set<string>> {
  const [changes, visits] = await Promise.all([db.runbookChanges.toArray(), db.runbookVisits.toArray()]);
  const opened = new Map(visits.map((visit) => [visit.id, visit.openedAt]));
  return new Set(changes.filter((change) => (opened.get(change.id) ?? '') < change.changedAt).map((change) => change.id));
}
