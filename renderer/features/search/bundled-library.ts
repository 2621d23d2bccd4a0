import type { LibraryMeta, LibrarySnapshot } from '../../../shared/model';
import type { SerializedSearchIndex } from '../../../shared/search/search-engine';
import { assertSnapshot, isLibraryMeta, isSearchIndexFor } from '../../../shared/library/snapshot-validation';

// The library built into the app sits beside index.html: a small meta file read at every start,
// and the snapshot and its prebuilt search index, fetched only when they are about to be imported.

export async function fetchBundledMeta(): Promise<LibraryMeta | undefined> {
  try {
    const response = await fetch('library-meta.json', { cache: 'no-store' });
    if (!response.ok) return undefined;
    const meta: unknown = await response.json();
    return isLibraryMeta(meta) ? meta : undefined;
  } catch {
    return undefined;
  }
}

/** `url`: absolute, since the search worker fetches it and its own address is not the page's. */
export async function fetchBundledSnapshot(url: string): Promise<LibrarySnapshot> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`the bundled library could not be read (HTTP ${response.status})`);
  return assertSnapshot(await response.json());
}

/**
 * A search index made elsewhere (built with the bundle, or counted by main for a synced library),
 * or undefined when it cannot be read or is not this library's (then the app builds it itself).
 */
export async function fetchPrebuiltIndex(version: string, url: string): Promise<SerializedSearchIndex | undefined> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    const index: unknown = response.ok ? await response.json() : undefined;
    return isSearchIndexFor(index, version) ? index : undefined;
  } catch {
    return undefined;
  }
}
