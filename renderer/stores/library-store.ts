import { create } from 'zustand';
import type { AdminNote, LibraryProblem } from '../../shared/model';
import { fetchBundledIndex, fetchBundledMeta, fetchBundledSnapshot } from '../api/bundled-library';
import { appDatabase, appSearch } from '../app-services';
import type { MetaRecord } from '../db/database';
import { describeDatabaseFailure, type DatabaseFailure } from '../db/database-errors';
import { bootLibrary } from '../db/library-bootstrap';
import type { RunbookSummary } from '../../shared/search/search-documents';

interface LibraryState {
  phase: 'opening' | 'ready' | 'failed';
  failure?: DatabaseFailure;
  warning?: string;
  meta?: MetaRecord['value'];
  summaries: RunbookSummary[];
  pinnedNotes: AdminNote[];
  problems: LibraryProblem[];
  start(): Promise<void>;
}

export const useLibraryStore = create<LibraryState>((set, get) => ({
  phase: 'opening',
  summaries: [],
  pinnedNotes: [],
  problems: [],
  async start() {
    if (get().phase === 'ready') return;
    const db = appDatabase();
    try {
      await db.open();
      // Ask the browser not to evict the library under storage pressure; a refusal is not fatal.
      void navigator.storage?.persist?.().catch(() => undefined);
      const search = appSearch();
      const result = await bootLibrary(db, {
        fetchBundledMeta,
        fetchBundledSnapshot,
        fetchBundledIndex,
        adoptIndex: (index) => search.adopt(index),
        buildIndex: (version, runbooks) => search.build(version, runbooks),
        loadIndex: (version) => search.load(version),
      });
      const [notes, problems] = await Promise.all([db.notes.toArray(), db.problems.toArray()]);
      performance.mark('failsafe:ready');
      set({
        phase: 'ready',
        meta: result.meta,
        warning: result.warning,
        summaries: [...result.summaries].sort((a, b) => a.title.localeCompare(b.title)),
        pinnedNotes: notes.filter((note) => note.pinned),
        problems,
      });
    } catch (error) {
      set({ phase: 'failed', failure: describeDatabaseFailure(error) });
    }
  },
}));
