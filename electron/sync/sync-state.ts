import { readFile, rename, writeFile } from 'node:fs/promises';

/** What the last sync left on disk, so the next one knows whether it can update in place. */
export interface SyncState {
  url: string;
  requestedBranch: string;
  transport: string;
  subfolder?: string;
  commit?: string;
  committedAt?: string;
  syncedAt?: string;
  /** Set while Git rewrites the work tree; still set at start means it was cut off: clone afresh. */
  updating?: boolean;
}

export async function readSyncState(file: string): Promise<SyncState | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as SyncState;
    return typeof value.url === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a state file. */
export async function writeSyncState(file: string, state: SyncState): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify(state, null, 2));
  await rename(`${file}.tmp`, file);
}
