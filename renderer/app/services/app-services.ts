import { createDatabase, type FailsafeDatabase } from './database';
import { SearchClient } from '../../features/search/search-client';

// The window's long-lived services, created once on first use.
let database: FailsafeDatabase | undefined;
let searchClient: SearchClient | undefined;

export function appDatabase(): FailsafeDatabase {
  database ??= createDatabase();
  return database;
}

export function appSearch(): SearchClient {
  searchClient ??= new SearchClient();
  return searchClient;
}
