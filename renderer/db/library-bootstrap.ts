import { chooseLibrary } from '../../shared/library-choice';
import type { LibraryMeta, LibrarySnapshot, Runbook } from '../../shared/model';
import type { RunbookSummary } from '../../shared/search/search-documents';
import type { SerializedSearchIndex } from '../../shared/search/search-engine';
import type { FailsafeDatabase, MetaRecord } from './database';
import { importSnapshot } from './import-snapshot';

export interface BootDependencies {
  fetchBundledMeta(): Promise<LibraryMeta | undefined>;
  fetchBundledSnapshot(): Promise<LibrarySnapshot>;
  fetchBundledIndex(version: string): Promise<SerializedSearchIndex | undefined>;
  /** Makes `index` the one searched, and returns its summaries. */
  adoptIndex(index: SerializedSearchIndex): Promise<RunbookSummary[]>;
  buildIndex(version: string, runbooks: Runbook[]): Promise<{ index: SerializedSearchIndex; summaries: RunbookSummary[] }>;
  loadIndex(version: string): Promise<RunbookSummary[] | undefined>;
}

export interface BootResult {
  meta: MetaRecord['value'];
  summaries: RunbookSummary[];
  imported: boolean;
  /** Something went wrong but the library that was already there is in use. */
  warning?: string;
}

/** Opens the library at start: imports the bundle when it wins, otherwise loads the stored index. */
export async function bootLibrary(db: FailsafeDatabase, deps: BootDependencies): Promise<BootResult> {
  const current = (await db.meta.get('library'))?.value;
  const bundled = await deps.fetchBundledMeta();
  let warning: string | undefined;
  if (bundled && chooseLibrary(current, bundled) === 'import-bundled') {
    try {
      // User Timing marks: cheap, and what `npm run bench` reads to report import figures.
      performance.mark('failsafe:import-start');
      const snapshot = await deps.fetchBundledSnapshot();
      performance.mark('failsafe:index-start');
      const prebuilt = await deps.fetchBundledIndex(snapshot.version);
      const { index, summaries } = prebuilt
        ? { index: prebuilt, summaries: await deps.adoptIndex(prebuilt) }
        : await deps.buildIndex(snapshot.version, snapshot.runbooks);
      performance.mark('failsafe:write-start');
      await importSnapshot(db, snapshot, index);
      performance.measure('failsafe:index', 'failsafe:index-start', 'failsafe:write-start');
      performance.measure('failsafe:db-write', 'failsafe:write-start');
      performance.measure('failsafe:import', 'failsafe:import-start');
      const meta = (await db.meta.get('library'))?.value as MetaRecord['value'];
      return { meta, summaries, imported: true };
    } catch (error) {
      if (!current) throw error;
      warning = `The bundled library could not be imported (${error instanceof Error ? error.message : String(error)}); the previous library is still in use.`;
    }
  }
  if (!current) throw new Error('There is no library yet and the bundled one could not be found.');
  let summaries = await deps.loadIndex(current.version);
  if (!summaries) {
    // The index is derived data: if it is missing, rebuild it from the stored runbooks.
    const built = await deps.buildIndex(current.version, await db.runbooks.toArray());
    await db.searchIndex.put(built.index);
    summaries = built.summaries;
  }
  return { meta: current, summaries, imported: false, warning };
}
