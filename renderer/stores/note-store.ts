import { create } from 'zustand';
import type { AdminNote } from '../../shared/model';
import { appDatabase } from '../app-services';
import { readNote } from '../db/library-reads';

interface NoteState {
  /** The note asked for, once read: `undefined` while reading, `null` when there is none. */
  shown?: { id: string; note: AdminNote | null };
  failed?: { id: string; reason: string };
  load(id: string): Promise<void>;
}

export const useNoteStore = create<NoteState>((set) => ({
  async load(id) {
    try {
      set({ shown: { id, note: (await readNote(appDatabase(), id)) ?? null }, failed: undefined });
    } catch (error) {
      set({ failed: { id, reason: error instanceof Error ? error.message : String(error) } });
    }
  },
}));
