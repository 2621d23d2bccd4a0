// Notes a responder writes in the app: kept on their machine (a user table), beside the library's
// notes, until they share one with the team as a file for the library's notes/ folder.
import { NOTE_KINDS, type AdminNote, type NoteKind } from '../model';

export const LOCAL_NOTE_PREFIX = 'local/';
/** How long a deleted note can be restored. */
export const RESTORE_DAYS = 30;

export interface LocalNote extends AdminNote {
  createdAt: string;
  updatedAt: string;
  /** Each attached runbook's hash when the note was last saved: the note says when one has changed since. */
  runbookHashes: Record<string, string>;
  /** Set when deleted: restorable for RESTORE_DAYS, then dropped. */
  deletedAt?: string;
}

export interface NoteDraft {
  title: string;
  kind: NoteKind;
  body: string;
  tags: string[];
  runbooks: string[];
  step?: number;
  pinned: boolean;
}

/** Why a draft cannot be saved, in words for the form; undefined when it can. */
export function noteProblem(draft: NoteDraft, runbookIds: ReadonlySet<string>): string | undefined {
  if (!draft.title.trim()) return 'Give the note a title.';
  if (draft.title.length > 200) return 'Keep the title under 200 characters.';
  if (!NOTE_KINDS.includes(draft.kind)) return `The kind is one of ${NOTE_KINDS.join(', ')}.`;
  if (!draft.body.trim()) return 'Write what the next responder should know.';
  if (draft.body.length > 100_000) return 'Keep the note under 100,000 characters.';
  const unknown = draft.runbooks.filter((id) => !runbookIds.has(id));
  if (unknown.length) return `No runbook ${unknown.map((id) => `“${id}”`).join(', ')} in this library.`;
  if (draft.step !== undefined && (!draft.runbooks.length || !Number.isInteger(draft.step) || draft.step < 1)) return 'A step belongs to the first runbook it is attached to.';
  if (draft.tags.some((tag) => !/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,39}$/u.test(tag))) return 'Tags are single words (letters, digits, - _ .).';
  return undefined;
}

/** Tags typed as "db, postgres failover": lower-case words, each once. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

type Sortable = AdminNote & { helpful?: boolean; updatedAt?: string };

/** Warnings first, then pinned, then those marked helpful, newest, by title. */
export function noteOrder(a: Sortable, b: Sortable): number {
  const warning = (note: AdminNote) => (note.kind === 'warning' ? 0 : 1);
  return (
    warning(a) - warning(b) ||
    Number(b.pinned) - Number(a.pinned) ||
    Number(!!b.helpful) - Number(!!a.helpful) ||
    (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') ||
    a.title.localeCompare(b.title)
  );
}

/** Whether a deleted note can still be restored on `now`. */
export function restorable(note: LocalNote, now: number): boolean {
  return !!note.deletedAt && now - Date.parse(note.deletedAt) < RESTORE_DAYS * 86_400_000;
}
