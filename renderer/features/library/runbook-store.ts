import { create } from 'zustand';
import type { AdminNote, Runbook } from '../../../shared/model';
import { appDatabase } from '../../app/services/app-services';
import { readRunbookWithNotes } from './library-reads';

interface RunbookState {
  runbook?: Runbook;
  notes: AdminNote[];
  missing?: string;
  /** The runbook that could not be read, and why in plain words. */
  failed?: { id: string; reason: string };
  load(id: string): Promise<void>;
}

export const useRunbookStore = create<RunbookState>((set) => ({
  notes: [],
  async load(id) {
    try {
      const { runbook, notes } = await readRunbookWithNotes(appDatabase(), id);
      set({ runbook, notes, missing: runbook ? undefined : id, failed: undefined });
    } catch (error) {
      // Without this the page would say "Opening…" for ever.
      set({ failed: { id, reason: error instanceof Error ? error.message : String(error) } });
    }
  },
}));
