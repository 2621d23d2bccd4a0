import type { AdminNote, Runbook } from '../../shared/model';
import type { FailsafeDatabase } from './database';

/** A runbook and the admin notes attached to it, pinned first, then by title. */
export async function readRunbookWithNotes(db: FailsafeDatabase, id: string): Promise<{ runbook?: Runbook; notes: AdminNote[] }> {
  const [runbook, notes] = await Promise.all([db.runbooks.get(id), db.notes.where('runbooks').equals(id).toArray()]);
  return { runbook, notes: notes.sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.title.localeCompare(b.title)) };
}

export async function readNote(db: FailsafeDatabase, id: string): Promise<AdminNote | undefined> {
  return db.notes.get(id);
}
