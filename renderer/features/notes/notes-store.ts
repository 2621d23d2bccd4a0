import { create } from 'zustand';
import { runbookHash } from '../../../shared/incident/runbook-copy';
import { LOCAL_NOTE_PREFIX, type LocalNote, type NoteDraft } from '../../../shared/notes/local-note';
import { NoteSearch, type NoteHit } from '../../../shared/search/note-search';
import { appDatabase } from '../../app/services/app-services';
import { markHelpful, readHelpful, readLocalNotes, saveLocalNote } from './local-notes';
import { readLibraryNotes } from '../library';
import type { AdminNote } from '../../../shared/model';
import { readRunbook } from '../run';

interface NotesState {
  /** Local notes, deleted ones included (they carry `deletedAt`). */
  local: LocalNote[];
  helpful: Set<string>;
  /** The library's notes, read for the Notes screen. */
  library: AdminNote[];
  loaded: boolean;
  loadLibraryNotes(): Promise<void>;
  load(): Promise<void>;
  /** Saves a new note, or a change to one; the note's id. */
  save(draft: NoteDraft, existing?: LocalNote): Promise<string>;
  remove(id: string): Promise<void>;
  restore(id: string): Promise<void>;
  toggleHelpful(id: string): Promise<void>;
  /** Local notes that match a query, for the palette's notes group. */
  search(query: string): NoteHit[];
}

let index: { source: LocalNote[]; search: NoteSearch } | undefined;

/** The runbooks' hashes now: a note says when one has changed since it was written. */
async function hashesOf(ids: readonly string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const id of ids) {
    const runbook = await readRunbook(id);
    if (runbook) hashes[id] = runbookHash(runbook);
  }
  return hashes;
}

export const useNotesStore = create<NotesState>((set, get) => {
  const put = async (note: LocalNote) => {
    await saveLocalNote(appDatabase(), note);
    set({ local: [...get().local.filter((other) => other.id !== note.id), note] });
  };
  return {
    local: [],
    helpful: new Set(),
    library: [],
    loaded: false,
    async loadLibraryNotes() {
      set({ library: await readLibraryNotes(appDatabase()) });
    },
    async load() {
      const db = appDatabase();
      const [local, helpful] = await Promise.all([readLocalNotes(db, Date.now()), readHelpful(db)]);
      set({ local, helpful, loaded: true });
    },
    async save(draft, existing) {
      const now = new Date().toISOString();
      const id = existing?.id ?? `${LOCAL_NOTE_PREFIX}${crypto.randomUUID()}`;
      await put({ ...draft, id, path: id, createdAt: existing?.createdAt ?? now, updatedAt: now, runbookHashes: await hashesOf(draft.runbooks) });
      return id;
    },
    async remove(id) {
      const note = get().local.find((candidate) => candidate.id === id);
      if (note) await put({ ...note, deletedAt: new Date().toISOString() });
    },
    async restore(id) {
      const note = get().local.find((candidate) => candidate.id === id);
      if (note) await put({ ...note, deletedAt: undefined });
    },
    async toggleHelpful(id) {
      const helpful = !get().helpful.has(id);
      await markHelpful(appDatabase(), id, helpful);
      const next = new Set(get().helpful);
      if (helpful) next.add(id);
      else next.delete(id);
      set({ helpful: next });
    },
    search(query) {
      const source = get().local;
      if (index?.source !== source) index = { source, search: new NoteSearch(source.filter((note) => !note.deletedAt)) };
      return index.search.search(query);
    },
  };
});
