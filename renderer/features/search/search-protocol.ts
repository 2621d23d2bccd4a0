import type { SyncChanges } from '../../../shared/sync/library-changes';
import type { NoteHit } from '../../../shared/search/note-search';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import type { SearchFilters, SearchHit } from '../../../shared/search/search-engine';

// Messages between the renderer and the search worker, which imports libraries, builds, loads and
// queries the index, so that none of that work runs on the window's thread.
export type SearchRequest =
  | { type: 'import-bundled'; libraryUrl: string; indexUrl: string }
  | { type: 'load'; version: string }
  | { type: 'rebuild'; version: string }
  /** A synced library waiting in main: the worker fetches its snapshot and its index from these. */
  | { type: 'import-synced'; libraryUrl: string; indexUrl: string; previousVersion?: string; now: string }
  | { type: 'search'; query: string; filters: SearchFilters; limit: number };

export type SearchReply =
  | { type: 'imported'; summaries: RunbookSummary[]; indexMs: number; writeMs: number }
  | { type: 'loaded'; found: boolean; summaries: RunbookSummary[] }
  /** `fetchMs`: how long the snapshot took to arrive from main and be checked. */
  | { type: 'synced'; changes: SyncChanges; summaries: RunbookSummary[]; fetchMs: number }
  | { type: 'results'; hits: SearchHit[]; notes: NoteHit[] };

/** `index-not-built`: a synced library was stored but could not be made searchable. */
export type WorkerFailureKind = 'index-not-built' | 'failed';

export type WorkerMessage = { id: number } & ({ ok: true; reply: SearchReply } | { ok: false; error: string; kind: WorkerFailureKind });
