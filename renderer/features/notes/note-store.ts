import { create } from 'zustand';
import type { AdminNote } from '../../../shared/model';
import { appDatabase } from '../../app/services/app-services';
import { readNote } from '../library';
import { LOCAL_NOTE_PREFIX } from '../../../shared/notes/local-note';
import { useNotesStore } from './notes-store';

interface NoteState {
  /** The note asked for, once read: `undefined` while reading, `null` when there is none. */
  shown?: { id: string; note: AdminNote | null };
  failed?: { id: string; reason: string };
  load(id: string): Promise<void>;
}

export const useNoteStore = create<NoteState>((set) => ({
  async load(id) {
    try {
      if (id.startsWith(LOCAL_NOTE_PREFIX)) {
        if (!useNotesStore.getState().loaded) await useNotesStore.getState().load();
        set({ shown: { id, note: useNotesStore.getState().local.find((note) => note.id === id && !note.deletedAt) ?? null }, failed: undefined });
        return;
      }
      set({ shown: { id, note: (await readNote(appDatabase(), id)) ?? null }, failed: undefined });
    } catch (error) {
      set({ failed: { id, reason: error instanceof Error ? error.message : String(error) } });
    }
  },
}));
