import { randomUUID } from 'node:crypto';
import { readSyncedLibraryPath, type SnapshotHandle, type SyncedLibrary } from '../shared/sync/sync-contract';
import type { RendererResponse } from './renderer-files';

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

/**
 * The last synced library, until the search worker has fetched it from the app's own origin
 * (`syncedLibraryPath`): its snapshot's text, and its search index, which may still be being
 * counted. Only the latest is kept: a newer sync replaces it, and an old handle is refused. Each
 * part is handed out once, then let go: it is in the renderer now.
 */
export class WaitingSnapshot {
  private held?: { id: string; library?: string; index?: Promise<string> };

  hold({ text, runbooks, index }: SyncedLibrary): SnapshotHandle {
    this.held = { id: randomUUID(), library: text, index };
    return { id: this.held.id, runbooks };
  }

  /**
   * The answer to a request for `pathname`, or undefined when it names no synced library (the
   * host then serves the renderer's files). Electron's app:// handler and the stand-in's route
   * both call this.
   */
  respond(pathname: string): Promise<RendererResponse> | undefined {
    const asked = readSyncedLibraryPath(pathname);
    if (!asked) return undefined;
    const held = this.held;
    const part = held?.id === asked.id ? held[asked.part] : undefined;
    if (!held || part === undefined) return Promise.resolve({ status: 404, type: TEXT_TYPE, body: 'that synced library is no longer waiting (a newer sync replaced it, or it was read already)' });
    held[asked.part] = undefined;
    return Promise.resolve(part).then(
      (body) => ({ status: 200, type: JSON_TYPE, body }),
      (error: unknown) => ({ status: 500, type: TEXT_TYPE, body: `the search index was not counted: ${error instanceof Error ? error.message : String(error)}` }),
    );
  }
}
