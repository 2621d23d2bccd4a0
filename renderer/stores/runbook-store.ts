import { create } from 'zustand';
import type { AdminNote, Runbook } from '../../shared/model';
import { appDatabase } from '../app-services';

interface RunbookState {
  runbook?: Runbook;
  notes: AdminNote[];
  missing?: string;
  load(id: string): Promise<void>;
}

export const useRunbookStore = create<RunbookState>((set) => ({
  notes: [],
  async load(id) {
    const db = appDatabase();
    const [runbook, notes] = await Promise.all([db.runbooks.get(id), db.notes.where('runbooks').equals(id).toArray()]);
    set({
      runbook,
      missing: runbook ? undefined : id,
      // Pinned notes first, then by title.
      notes: notes.sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.title.localeCompare(b.title)),
    });
  },
}));
