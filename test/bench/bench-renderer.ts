// A copy of the renderer build whose bundled library is a given snapshot, with its search index
// prebuilt as `npm run build:library` does for the real bundle: each bench part that needs a large
// library on first launch starts from one.
import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSearchIndex } from '../../shared/search/search-engine';
import type { LibrarySnapshot } from '../../shared/model';
import { E2E_BUILD, RENDERER } from '../e2e/host';

/** The renderer folder, and the size of the library's JSON in bytes. */
export async function rendererWithLibrary(name: string, snapshot: LibrarySnapshot): Promise<{ renderer: string; jsonBytes: number }> {
  const renderer = path.join(E2E_BUILD, name);
  await rm(renderer, { recursive: true, force: true });
  await cp(RENDERER, renderer, { recursive: true });
  const json = JSON.stringify(snapshot);
  await writeFile(path.join(renderer, 'library.json'), json);
  await writeFile(path.join(renderer, 'library-meta.json'), JSON.stringify({ version: snapshot.version, source: snapshot.source }));
  await writeFile(path.join(renderer, 'search-index.json'), JSON.stringify(buildSearchIndex(snapshot.version, snapshot.runbooks)));
  return { renderer, jsonBytes: json.length };
}
