import { create } from 'zustand';
import type { AdminNote, CommsTemplate, Contact, LibraryProblem, SeverityLevel } from '../../../shared/model';
import { fetchBundledMeta, appSearch, recordRunbookOpened, unseenChanges } from '../search';
import { appDatabase } from '../../app/services/app-services';
import type { MetaRecord } from '../../app/services/database';
import { describeDatabaseFailure, type DatabaseFailure } from '../../app/services/database-errors';
import { readLibraryOverview } from './library-reads';
import { bootLibrary } from './library-bootstrap';
import type { RunbookSummary } from '../../../shared/search/search-documents';

interface LibraryState {
  phase: 'opening' | 'ready' | 'failed';
  failure?: DatabaseFailure;
  warning?: string;
  meta?: MetaRecord['value'];
  summaries: RunbookSummary[];
  pinnedNotes: AdminNote[];
  problems: LibraryProblem[];
  /** The library's severity levels, in order (P0 first). */
  severity: SeverityLevel[];
  /** The library's roster, by escalation order (local overrides are applied by the on-call store). */
  contacts: Contact[];
  templates: CommsTemplate[];
  /** Runbooks a sync changed since the user last opened them. */
  unseen: Set<string>;
  start(): Promise<void>;
  /** Re-reads the library after a sync imported a new one. */
  reload(summaries: RunbookSummary[]): Promise<void>;
  markOpened(id: string): Promise<void>;
}

export const useLibraryStore = create<LibraryState>((set, get) => ({
  phase: 'opening',
  summaries: [],
  pinnedNotes: [],
  problems: [],
  severity: [],
  contacts: [],
  templates: [],
  unseen: new Set(),
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
        importBundled: async () => {
          // User Timing for `npm run bench`: the import as the window sees it, and its parts in the worker.
          const started = performance.now();
          const { summaries, indexMs, writeMs } = await search.importBundled();
          performance.measure('failsafe:import', { start: started });
          performance.measure('failsafe:index', { start: started, duration: indexMs });
          performance.measure('failsafe:db-write', { start: started, duration: writeMs });
          return summaries;
        },
        loadIndex: (version) => search.load(version),
        rebuildIndex: (version) => search.rebuild(version),
      });
      performance.mark('failsafe:ready');
      set({ phase: 'ready', warning: result.warning, ...(await libraryView(result.summaries)) });
    } catch (error) {
      set({ phase: 'failed', failure: describeDatabaseFailure(error) });
    }
  },
  async reload(summaries) {
    set(await libraryView(summaries));
  },
  async markOpened(id) {
    await recordRunbookOpened(appDatabase(), id, new Date());
    if (get().unseen.has(id)) set({ unseen: new Set([...get().unseen].filter((other) => other !== id)) });
  },
}));

async function libraryView(summaries: RunbookSummary[]) {
  const db = appDatabase();
  const [overview, unseen] = await Promise.all([readLibraryOverview(db), unseenChanges(db)]);
  return { ...overview, summaries: [...summaries].sort((a, b) => a.title.localeCompare(b.title)), unseen };
}
