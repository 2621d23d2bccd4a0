import type { LibrarySnapshot } from '../../../shared/model';
import { assertSnapshot } from '../../../shared/library/snapshot-validation';
import { readSnapshotJson } from '../../../shared/sync/snapshot-json';

/**
 * The snapshot of a synced library waiting in main, fetched from the app's own origin (see
 * `syncedLibraryPath`). What main read from the repository is outside content: its shape is
 * checked before anything is written.
 */
export async function fetchSyncedSnapshot(url: string): Promise<LibrarySnapshot> {
  const response = await fetch(url, { cache: 'no-store' });
  const text = await response.text();
  if (!response.ok) throw new Error(`the synced library could not be read from the desktop side (${text || `HTTP ${response.status}`})`);
  return assertSnapshot(readSnapshotJson(text));
}
