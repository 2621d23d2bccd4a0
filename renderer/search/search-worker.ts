/// <reference lib="webworker" />
import { createDatabase, type FailsafeDatabase } from '../db/database';
import { NoteSearch } from '../../shared/search/note-search';
import { snippetOf } from '../../shared/search/snippet';
import type { SearchReply, SearchRequest, WorkerMessage } from './search-protocol';
import { buildSearchIndex, SearchEngine, type SearchHit } from '../../shared/search/search-engine';

const SNIPPETS_PER_SEARCH = 12;

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
    case 'search': {
      const hits = engine ? engine.search(request.query, request.filters, request.limit) : [];
      await addSnippets(hits);
      const notes = engine && !request.filters.type && !request.filters.priority && !request.filters.tag ? (await noteSearch(engine.version)).search(request.query) : [];
      return { type: 'results', hits, notes };
    }
  }
}

let snippetSource: FailsafeDatabase | undefined;
let notes: { version: string; search: NoteSearch } | undefined;

/** The notes of the library searched; read again when a sync brought a new library. */
async function noteSearch(version: string): Promise<NoteSearch> {
  if (notes?.version !== version) {
    snippetSource ??= createDatabase();
    notes = { version, search: new NoteSearch(await snippetSource.notes.toArray()) };
  }
  return notes.search;
}

/** Results that matched only in the body or a command show the matching line; the index keeps no text, the database does. */
async function addSnippets(hits: SearchHit[]): Promise<void> {
  const wanted = hits.filter((hit) => hit.needsSnippet).slice(0, SNIPPETS_PER_SEARCH);
  if (!wanted.length) return;
  snippetSource ??= createDatabase();
  const runbooks = await snippetSource.runbooks.bulkGet(wanted.map((hit) => hit.summary.id));
  wanted.forEach((hit, index) => {
    const body = runbooks[index]?.body;
    if (body) hit.snippet = snippetOf(body, hit.terms);
  });
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
