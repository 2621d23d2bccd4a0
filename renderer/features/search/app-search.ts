import { SearchClient } from './search-client';

// The window's one search worker, started on first use.
let searchClient: SearchClient | undefined;

export function appSearch(): SearchClient {
  searchClient ??= new SearchClient();
  return searchClient;
}
