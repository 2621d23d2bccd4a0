import { restorable, type LocalNote } from '../../../shared/notes/local-note';
import type { FailsafeDatabase } from '../../app/services/database';

// Notes written in the app and the helpful marks: user tables, untouched by any import or sync.

/** Every local note, deleted ones included while they can be restored; older deleted ones are dropped. */
export async function readLocalNotes(db: FailsafeDatabase, now: number): Promise<LocalNote[]> {
  const notes = await db.localNotes.toArray();
  const expired = notes.filter((note) => note.deletedAt && !restorable(note, now)).map((note) => note.id);
  if (expired.length) await db.localNotes.bulkDelete(expired);
  return notes.filter((note) => !expired.includes(note.id));
}

export async function saveLocalNote(db: FailsafeDatabase, note: LocalNote): Promise<void> {
  await db.localNotes.put(note);
}

export async function readHelpful(db: FailsafeDatabase): Promise<Set<string>> {
  return new Set((await db.helpfulNotes.toArray()).map((mark) => mark.id));
}

export async function markHelpful(db: FailsafeDatabase, id: string, helpful: boolean): Promise<void> {
  if (helpful) await db.helpfulNotes.put({ id, markedAt: new Date().toISOString() });
  else await db.helpfulNotes.delete(id);
}
