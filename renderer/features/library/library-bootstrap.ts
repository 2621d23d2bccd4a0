import { chooseLibrary } from '../../../shared/library/library-choice';
import type { LibraryMeta } from '../../../shared/model';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import type { FailsafeDatabase, MetaRecord } from '../../app/services/database';

export interface BootDependencies {
  fetchBundledMeta(): Promise<LibraryMeta | undefined>;
  /** Imports the bundle and makes it searchable (in the search worker: see import-bundled.ts). */
  importBundled(): Promise<RunbookSummary[]>;
  loadIndex(version: string): Promise<RunbookSummary[] | undefined>;
  rebuildIndex(version: string): Promise<RunbookSummary[]>;
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
      const summaries = await deps.importBundled();
      const meta = (await db.meta.get('library'))?.value as MetaRecord['value'];
      return { meta, summaries, imported: true };
    } catch (error) {
      if (!current) throw error;
      warning = `The bundled library could not be imported (${error instanceof Error ? error.message : String(error)}); the previous library is still in use.`;
    }
  }
  if (!current) throw new Error('There is no library yet and the bundled one could not be found.');
  const summaries = (await deps.loadIndex(current.version)) ?? (await deps.rebuildIndex(current.version));
  return { meta: current, summaries, imported: false, warning };
}
