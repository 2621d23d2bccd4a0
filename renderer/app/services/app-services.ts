import { createDatabase, type FailsafeDatabase } from './database';

// The window's database, created once on first use. (The search worker's client is the search
// feature's: features/search/app-search.ts.)
let database: FailsafeDatabase | undefined;

export function appDatabase(): FailsafeDatabase {
  database ??= createDatabase();
  return database;
}
