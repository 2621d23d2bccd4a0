// A search asked for from outside the palette (an alert no runbook answers): the search feature
// opens its palette on the query. Through services, since the search feature's store sits above
// the features that ask (they cannot import it without a cycle).
import { create } from 'zustand';

interface SearchRequestState {
  /** The latest query asked for; `serial` tells two requests for the same words apart. */
  request?: { query: string; serial: number };
  searchFor(query: string): void;
}

export const useSearchRequest = create<SearchRequestState>((set, get) => ({
  searchFor(query) {
    set({ request: { query, serial: (get().request?.serial ?? 0) + 1 } });
  },
}));
