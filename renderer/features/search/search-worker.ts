/// <reference lib="webworker" />
import { NoteSearch } from '../../../shared/search/note-search';
import { SearchEngine, type SearchHit } from '../../../shared/search/search-engine';
import { fillFromBody, hitsNeedingBodies } from '../../../shared/search/section-match';
import { isSearchIndexFor } from '../../../shared/library/snapshot-validation';
import { fetchBundledSnapshot, fetchPrebuiltIndex } from './bundled-library';
import { fetchSyncedSnapshot } from './synced-library';
import { createDatabase, type FailsafeDatabase } from '../../app/services/database';
import { importBundledLibrary, rebuildIndex, type LocalIndexer } from './import-bundled';
import { importSyncedLibrary, IndexNotBuiltError } from './import-synced';
import { RunbookBodies } from './runbook-bodies';
import type { SearchReply, SearchRequest, WorkerMessage } from './search-protocol';

let engine: SearchEngine | undefined;
let database: FailsafeDatabase | undefined;
/** The worker's own connection to the app's database. */
const db = () => (database ??= createDatabase());
/** The searched library's bodies, for naming the section each hit matched in. */
const bodies = new RunbookBodies(db);

const indexer: LocalIndexer = {
  adopt(index) {
    engine = SearchEngine.load(index);
    return engine.summaries;
  },
  build(version, runbooks) {
    // Searched as built, not serialized and loaded back (see SearchEngine.build).
    engine = SearchEngine.build(version, runbooks);
    return { index: engine.serialize(), summaries: engine.summaries };
  },
};

async function loadStored(version: string): Promise<SearchReply> {
  const index = await db().searchIndex.get(version);
  // An index stored by an older build has another layout: "not found" makes the caller build it again.
  if (!isSearchIndexFor(index, version)) return { type: 'loaded', found: false, summaries: [] };
  return { type: 'loaded', found: true, summaries: indexer.adopt(index) };
}

async function handle(request: SearchRequest): Promise<SearchReply> {
  switch (request.type) {
    case 'import-bundled': {
      const source = { fetchSnapshot: () => fetchBundledSnapshot(request.libraryUrl), fetchIndex: (version: string) => fetchPrebuiltIndex(version, request.indexUrl) };
      return { type: 'imported', ...(await importBundledLibrary(db(), source, indexer)) };
    }
    case 'load':
      return loadStored(request.version);
    case 'rebuild':
      return { type: 'loaded', found: true, summaries: await rebuildIndex(db(), request.version, indexer) };
    case 'import-synced': {
      // The index is asked for once the snapshot is in: main answers when it has counted it (it
      // counts while it parses), and this thread stores the snapshot meanwhile.
      const started = performance.now();
      const snapshot = fetchSyncedSnapshot(request.libraryUrl);
      const counted = snapshot.then((library) => fetchPrebuiltIndex(library.version, request.indexUrl), () => undefined);
      const fetchMs = await snapshot.then(() => performance.now() - started, () => NaN);
      const imported = await importSyncedLibrary(
        db(),
        { build: async (version, runbooks) => indexer.build(version, runbooks), adopt: (index) => indexer.adopt(index), load: (version) => loadStored(version) },
        await snapshot,
        request.previousVersion,
        new Date(request.now),
        counted,
      );
      return { type: 'synced', ...imported, fetchMs };
    }
    case 'search': {
      const hits = engine ? engine.search(request.query, request.filters, request.limit) : [];
      if (engine) await addSections(engine.version, request.query, hits);
      const notes = engine && !request.filters.type && !request.filters.priority && !request.filters.tag ? (await noteSearch(engine.version)).search(request.query) : [];
      return { type: 'results', hits, notes };
    }
  }
}

let notes: { version: string; search: NoteSearch } | undefined;

/** The notes of the library searched; read again when a sync brought a new library. */
async function noteSearch(version: string): Promise<NoteSearch> {
  if (notes?.version !== version) notes = { version, search: new NoteSearch(await db().notes.toArray()) };
  return notes.search;
}

/**
 * The section each hit matched in, and the matching line of a hit found by its text, from the hits'
 * bodies (the index keeps no text; see runbook-bodies.ts). Only the first hits are looked at, and of those only the ones whose
 * title leaves words of the query unanswered or that need a snippet are read.
 */
async function addSections(version: string, query: string, hits: SearchHit[]): Promise<void> {
  const wanted = hitsNeedingBodies(query, hits);
  if (!wanted.length) return;
  const found = await bodies.read(version, wanted.map((hit) => hit.summary.id));
  wanted.forEach((hit, index) => {
    const body = found[index];
    if (body) fillFromBody(query, hit, body);
  });
}

self.onmessage = async (event: MessageEvent<{ id: number; request: SearchRequest }>) => {
  const { id, request } = event.data;
  let message: WorkerMessage;
  try {
    message = { id, ok: true, reply: await handle(request) };
    // A library is searched (and stored) now: its bodies are read while the window shows it.
    if (request.type !== 'search' && engine) void bodies.keep(engine.version);
  } catch (error) {
    message = { id, ok: false, error: error instanceof Error ? error.message : String(error), kind: error instanceof IndexNotBuiltError ? 'index-not-built' : 'failed' };
  }
  self.postMessage(message);
};
