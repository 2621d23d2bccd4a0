import { readFile } from 'node:fs/promises';
import { readLibraryFolder } from '../../electron/library-loader';
import { parseLibrary } from '../../shared/library/library-parser';
import type { LibrarySnapshot } from '../../shared/model';

// The library the responder queries are written against: the bundled runbooks, the team documents
// shaped like the seeds, and the runbooks shaped like the public repositories. Shared by the unit
// test over the engine and whatever else checks the same queries (the offline copy).

export const RESPONDER_LIBRARY_FOLDERS = ['runbooks', 'test/fixtures/team-docs', 'test/fixtures/public-shapes'];
export const RESPONDER_QUERIES_FILE = 'test/fixtures/search-queries/responder-queries.json';

export interface ResponderQuery {
  query: string;
  /** The runbook id expected in the top three. */
  expect: string;
  /** The section the hit should open at, when the runbook is a long document. */
  section?: string;
}

export async function responderLibrary(): Promise<LibrarySnapshot> {
  const folders = await Promise.all(RESPONDER_LIBRARY_FOLDERS.map((folder) => readLibraryFolder(folder)));
  return parseLibrary(
    folders.flatMap((folder) => folder.files),
    { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' },
  );
}

export async function responderQueries(): Promise<ResponderQuery[]> {
  return JSON.parse(await readFile(RESPONDER_QUERIES_FILE, 'utf8')) as ResponderQuery[];
}
