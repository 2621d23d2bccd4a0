import type { LibraryChanges } from '../../../shared/sync/library-changes';
import type { FailsafeDatabase } from '../../app/services/database';

// The user's own record of the library: which runbooks syncs changed, and when each was last opened.

export async function recordRunbookOpened(db: FailsafeDatabase, id: string, now: Date): Promise<void> {
  await db.runbookVisits.put({ id, openedAt: now.toISOString() });
}

/**
 * Remembers what a sync added or changed (for the "changed" badges) and forgets what it removed.
 * The writes are issued at once and not awaited: inside the sync's import transaction, so that
 * the badges are recorded exactly when the library is replaced, and stored while the search
 * worker builds the index (after the transaction, they waited for the build to end: 1 s at 5,000).
 * The ids put and the ids deleted never overlap.
 */
export function syncChangeWrites(db: FailsafeDatabase, changes: LibraryChanges, now: Date): Promise<unknown>[] {
  const changedAt = now.toISOString();
  return [
    db.runbookChanges.bulkPut([
      ...changes.added.map(({ id }) => ({ id, change: 'added' as const, changedAt })),
      ...changes.updated.map(({ id }) => ({ id, change: 'updated' as const, changedAt })),
    ]),
    db.runbookChanges.bulkDelete(changes.removed.map(({ id }) => id)),
  ];
}

/** Runbooks changed by a sync after the user last opened them. */
export async function unseenChanges(db: FailsafeDatabase): Promise<Set<string>> {
  const [changes, visits] = await Promise.all([db.runbookChanges.toArray(), db.runbookVisits.toArray()]);
  const opened = new Map(visits.map((visit) => [visit.id, visit.openedAt]));
  return new Set(changes.filter((change) => (opened.get(change.id) ?? '') < change.changedAt).map((change) => change.id));
}
