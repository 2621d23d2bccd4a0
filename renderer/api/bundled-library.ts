import type { LibraryMeta, LibrarySnapshot } from '../../shared/model';
import { assertSnapshot, isLibraryMeta } from '../../shared/snapshot-validation';

// The library built into the app sits beside index.html: a small meta file read at every start,
// and the snapshot itself, fetched only when it is about to be imported.

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

export async function fetchBundledSnapshot(): Promise<LibrarySnapshot> {
  const response = await fetch('library.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`the bundled library could not be read (HTTP ${response.status})`);
  return assertSnapshot(await response.json());
}
