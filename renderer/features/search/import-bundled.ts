import type { LibrarySnapshot, Runbook } from '../../../shared/model';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import type { SerializedSearchIndex } from '../../../shared/search/search-engine';
import type { FailsafeDatabase } from '../../app/services/database';
import { importSnapshot } from './import-snapshot';

// Run in the search worker: fetching, parsing and writing a library of thousands of runbooks there
// leaves the window's thread free (before, one JSON parse of a 10,000-runbook bundle held it 170 ms).

/** Where the bundled library comes from (files beside index.html, fetched by the worker). */
export interface BundleSource {
  fetchSnapshot(): Promise<LibrarySnapshot>;
  /** The index built with the bundle, or undefined (then one is built here). */
  fetchIndex(version: string): Promise<SerializedSearchIndex | undefined>;
}

/** The search engine beside the import, in the same thread. */
export interface LocalIndexer {
  /** Makes `index` the one searched; its summaries. */
  adopt(index: SerializedSearchIndex): RunbookSummary[];
  build(version: string, runbooks: Runbook[]): { index: SerializedSearchIndex; summaries: RunbookSummary[] };
}

export interface BundledImport {
  summaries: RunbookSummary[];
  indexMs: number;
  writeMs: number;
}

export async function importBundledLibrary(db: FailsafeDatabase, source: BundleSource, indexer: LocalIndexer): Promise<BundledImport> {
  const snapshot = await source.fetchSnapshot();
  const indexStarted = performance.now();
  const prebuilt = await source.fetchIndex(snapshot.version);
  const { index, summaries } = prebuilt ? { index: prebuilt, summaries: indexer.adopt(prebuilt) } : indexer.build(snapshot.version, snapshot.runbooks);
  const writeStarted = performance.now();
  await importSnapshot(db, snapshot, index);
  return { summaries, indexMs: writeStarted - indexStarted, writeMs: performance.now() - writeStarted };
}

/** The index is derived data: when it is missing, it is built again from the stored runbooks. */
export async function rebuildIndex(db: FailsafeDatabase, version: string, indexer: LocalIndexer): Promise<RunbookSummary[]> {
  const { index, summaries } = indexer.build(version, await db.runbooks.toArray());
  await db.searchIndex.put(index);
  return summaries;
}
