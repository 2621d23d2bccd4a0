import type { LibraryMeta } from '../model';

export type LibraryChoice = 'import-bundled' | 'keep';

/**
 * Which library wins at start: an empty database takes the bundle; a library that came from a
 * bundle takes a different (newer) bundle; a library synced from Git is kept unless the bundle was
 * built after the synced commit was made.
 */
export function chooseLibrary(current: LibraryMeta | undefined, bundled: LibraryMeta): LibraryChoice {
  if (!current) return 'import-bundled';
  if (current.source.kind === 'bundled') {
    if (current.version === bundled.version) return 'keep';
    return bundled.source.kind === 'bundled' && bundled.source.builtAt >= current.source.builtAt ? 'import-bundled' : 'keep';
  }
  const bundledAt = bundled.source.kind === 'bundled' ? bundled.source.builtAt : '';
  return Date.parse(bundledAt) > Date.parse(current.source.committedAt) ? 'import-bundled' : 'keep';
}
