import type { Runbook } from '../../shared/model';
import type { RunbookSummary } from '../../shared/search/search-documents';
import type { NoteHit } from '../../shared/search/note-search';
import type { SearchFilters, SearchHit, SerializedSearchIndex } from '../../shared/search/search-engine';
import type { SearchReply, SearchRequest, WorkerMessage } from './search-protocol';

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
      else waiting.reject(new Error(event.data.error));
    };
    this.worker.onerror = (event) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`search worker failed: ${event.message}`));
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

  async build(version: string, runbooks: Runbook[]): Promise<{ index: SerializedSearchIndex; summaries: RunbookSummary[] }> {
    const reply = await this.request({ type: 'build', version, runbooks });
    if (reply.type !== 'built') throw new Error('unexpected reply from the search worker');
    return reply;
  }

  async adopt(index: SerializedSearchIndex): Promise<RunbookSummary[]> {
    const reply = await this.request({ type: 'adopt', index });
    if (reply.type !== 'loaded') throw new Error('unexpected reply from the search worker');
    return reply.summaries;
  }

  async load(version: string): Promise<RunbookSummary[] | undefined> {
    const reply = await this.request({ type: 'load', version });
    if (reply.type !== 'loaded') throw new Error('unexpected reply from the search worker');
    return reply.found ? reply.summaries : undefined;
  }

  /** Runbooks, and the admin notes that match, apart. */
  async search(query: string, filters: SearchFilters, limit = 20): Promise<{ hits: SearchHit[]; notes: NoteHit[] }> {
    const reply = await this.request({ type: 'search', query, filters, limit });
    if (reply.type !== 'results') throw new Error('unexpected reply from the search worker');
    return { hits: reply.hits, notes: reply.notes };
  }
}
