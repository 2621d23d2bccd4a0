/// <reference lib="webworker" />
import { createDatabase } from '../db/database';
import type { SearchReply, SearchRequest, WorkerMessage } from './search-protocol';
import { buildSearchIndex, SearchEngine } from '../../shared/search/search-engine';

let engine: SearchEngine | undefined;

async function handle(request: SearchRequest): Promise<SearchReply> {
  switch (request.type) {
    case 'build': {
      const index = buildSearchIndex(request.version, request.runbooks);
      engine = SearchEngine.load(index);
      return { type: 'built', index, summaries: engine.summaries };
    }
    case 'adopt':
      engine = SearchEngine.load(request.index);
      return { type: 'loaded', found: true, summaries: engine.summaries };
    case 'load': {
      // Reading the stored index here keeps its deserialisation off the window's thread.
      const db = createDatabase();
      try {
        const index = await db.searchIndex.get(request.version);
        if (!index) return { type: 'loaded', found: false, summaries: [] };
        engine = SearchEngine.load(index);
        return { type: 'loaded', found: true, summaries: engine.summaries };
      } finally {
        db.close();
      }
    }
    case 'search':
      return { type: 'results', hits: engine ? engine.search(request.query, request.filters, request.limit) : [] };
  }
}

self.onmessage = async (event: MessageEvent<{ id: number; request: SearchRequest }>) => {
  const { id, request } = event.data;
  let message: WorkerMessage;
  try {
    message = { id, ok: true, reply: await handle(request) };
  } catch (error) {
    message = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(message);
};
