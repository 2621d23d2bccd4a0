import type { SyncChanges } from '../../../shared/sync/library-changes';
import { syncedLibraryPath, type SnapshotHandle, type SyncedPart } from '../../../shared/sync/sync-contract';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import type { NoteHit } from '../../../shared/search/note-search';
import type { SearchFilters, SearchHit } from '../../../shared/search/search-engine';
import type { SearchReply, SearchRequest, WorkerFailureKind, WorkerMessage } from './search-protocol';

/** A request the worker could not carry out, and what kind of failure it was. */
export class WorkerError extends Error {
  constructor(
    message: string,
    readonly kind: WorkerFailureKind,
  ) {
    super(message);
  }
}

/** The window's side of the search worker: one promise per request. */
export class SearchClient {
  private readonly worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, { resolve: (reply: SearchReply) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const waiting = this.pending.get(event.data.id);
      if (!waiting) return;
      this.pending.delete(event.data.id);
      if (event.data.ok) waiting.resolve(event.data.reply);
      else waiting.reject(new WorkerError(event.data.error, event.data.kind));
    };
    this.worker.onerror = (event) => {
      for (const waiting of this.pending.values()) waiting.reject(new WorkerError(`search worker failed: ${event.message}`, 'failed'));
      this.pending.clear();
    };
  }

  private request(request: SearchRequest): Promise<SearchReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, request });
    });
  }

  /** Imports the bundled library beside index.html, in the worker; its summaries and how long the index and the write took. */
  async importBundled(): Promise<{ summaries: RunbookSummary[]; indexMs: number; writeMs: number }> {
    const reply = await this.request({ type: 'import-bundled', libraryUrl: new URL('library.json', document.baseURI).href, indexUrl: new URL('search-index.json', document.baseURI).href });
    if (reply.type !== 'imported') throw new Error('unexpected reply from the search worker');
    return reply;
  }

  async load(version: string): Promise<RunbookSummary[] | undefined> {
    const reply = await this.request({ type: 'load', version });
    if (reply.type !== 'loaded') throw new Error('unexpected reply from the search worker');
    return reply.found ? reply.summaries : undefined;
  }

  async rebuild(version: string): Promise<RunbookSummary[]> {
    const reply = await this.request({ type: 'rebuild', version });
    if (reply.type !== 'loaded') throw new Error('unexpected reply from the search worker');
    return reply.summaries;
  }

  /**
   * Imports a synced library waiting in main: the worker fetches its snapshot and its search index
   * from the app's own origin (no tens of megabytes through this thread), then checks, stores and
   * indexes it.
   */
  async importSynced(handle: SnapshotHandle, previousVersion: string | undefined, now: Date): Promise<{ changes: SyncChanges; summaries: RunbookSummary[]; fetchMs: number }> {
    const url = (part: SyncedPart) => new URL(syncedLibraryPath(handle.id, part), document.baseURI).href;
    const reply = await this.request({ type: 'import-synced', libraryUrl: url('library'), indexUrl: url('index'), previousVersion, now: now.toISOString() });
    if (reply.type !== 'synced') throw new Error('unexpected reply from the search worker');
    return reply;
  }

  /** Runbooks, and the admin notes that match, apart. */
  async search(query: string, filters: SearchFilters, limit = 20): Promise<{ hits: SearchHit[]; notes: NoteHit[] }> {
    const reply = await this.request({ type: 'search', query, filters, limit });
    if (reply.type !== 'results') throw new Error('unexpected reply from the search worker');
    return { hits: reply.hits, notes: reply.notes };
  }
}
