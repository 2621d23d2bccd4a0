import type { Runbook } from '../../shared/model';
import type { RunbookSummary } from '../../shared/search/search-documents';
import type { NoteHit } from '../../shared/search/note-search';
import type { SearchFilters, SearchHit, SerializedSearchIndex } from '../../shared/search/search-engine';

// Messages between the renderer and the search worker, which builds, loads and queries the index
// so that none of that work runs on the window's thread.
export type SearchRequest =
  | { type: 'build'; version: string; runbooks: Runbook[] }
  | { type: 'adopt'; index: SerializedSearchIndex }
  | { type: 'load'; version: string }
  | { type: 'search'; query: string; filters: SearchFilters; limit: number };

export type SearchReply =
  | { type: 'built'; index: SerializedSearchIndex; summaries: RunbookSummary[] }
  | { type: 'loaded'; found: boolean; summaries: RunbookSummary[] }
  | { type: 'results'; hits: SearchHit[]; notes: NoteHit[] };

export type WorkerMessage = { id: number } & ({ ok: true; reply: SearchReply } | { ok: false; error: string });
