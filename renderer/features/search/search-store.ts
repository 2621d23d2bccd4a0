import { create } from 'zustand';
import { appSearch } from './app-search';
import { useNotesStore } from '../notes';
import { useSearchRequest } from '../../app/services/search-request';
import type { NoteHit } from '../../../shared/search/note-search';
import type { SearchFilters, SearchHit } from '../../../shared/search/search-engine';

interface SearchState {
  open: boolean;
  query: string;
  filters: SearchFilters;
  hits: SearchHit[];
  /** Admin notes that match, listed apart below the runbooks. */
  notes: NoteHit[];
  /** The query the hits answer; differs from `query` while a search is in flight. */
  answered: string;
  /** Enter was pressed before the answer came: open the first hit as soon as it does. */
  openWhenAnswered: boolean;
  selected: number;
  error?: string;
  openPalette(): void;
  closePalette(): void;
  requestOpenWhenAnswered(): void;
  setQuery(query: string): void;
  setFilters(filters: SearchFilters): void;
  /** Moves over `count` items: the actions, runbooks and notes the palette shows. */
  moveSelection(delta: number, count: number): void;
}

let latestRequest = 0;

export const useSearchStore = create<SearchState>((set, get) => {
  // Only the newest query's answer is shown: typing fast never shows stale results.
  const run = async () => {
    const request = ++latestRequest;
    const { query, filters } = get();
    if (!query.trim()) {
      set({ hits: [], notes: [], answered: query, selected: 0, error: undefined });
      return;
    }
    try {
      const started = performance.now();
      const answer = await appSearch().search(query, filters, 20);
      const hits = answer.hits;
      // This machine's notes are searched here (they are few); the library's in the worker.
      const notes = [...useNotesStore.getState().search(query), ...answer.notes];
      performance.measure('failsafe:search', { start: started, detail: query });
      if (request === latestRequest) set({ hits, notes, answered: query, selected: 0, error: undefined });
    } catch (error) {
      if (request === latestRequest) set({ hits: [], notes: [], answered: query, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return {
    open: false,
    query: '',
    filters: {},
    hits: [],
    notes: [],
    answered: '',
    openWhenAnswered: false,
    selected: 0,
    openPalette: () => set({ open: true }),
    closePalette: () => set({ open: false, openWhenAnswered: false }),
    requestOpenWhenAnswered: () => set({ openWhenAnswered: true }),
    setQuery(query) {
      set({ query });
      void run();
    },
    setFilters(filters) {
      set({ filters });
      void run();
    },
    moveSelection(delta, count) {
      const { selected } = get();
      if (count) set({ selected: (selected + delta + count) % count });
    },
  };
});

// A search asked for elsewhere opens the palette on its words.
useSearchRequest.subscribe((state, before) => {
  if (!state.request || state.request === before.request) return;
  useSearchStore.getState().openPalette();
  useSearchStore.getState().setQuery(state.request.query);
});
