import Fuse from 'fuse.js';
import MiniSearch, { type Options as MiniSearchOptions } from 'minisearch';
import type { Runbook } from '../../shared/model';
import { fullTextOf, summaryOf, type FullTextDocument, type RunbookSummary } from './search-documents';

// Each library where it is strong: fuse.js for in-word typos in the short headline fields,
// MiniSearch (fuzzy, prefix, boosted fields) for full text and words in any order.

export interface SerializedSearchIndex {
  version: string;
  summaries: RunbookSummary[];
  fullText: string;
  headline: ReturnType<ReturnType<typeof Fuse.createIndex<RunbookSummary>>['toJSON']>;
}

export interface SearchFilters {
  type?: string;
  priority?: string;
  tag?: string;
}

export interface SearchHit {
  summary: RunbookSummary;
  score: number;
  /** Words of the runbook that matched the query (typos corrected), for highlighting. */
  terms: string[];
}

const FULL_TEXT_OPTIONS: MiniSearchOptions<FullTextDocument> = {
  idField: 'id',
  fields: ['title', 'aliases', 'tags', 'stepTitles', 'commands', 'body'],
  storeFields: [],
  searchOptions: {
    boost: { title: 6, aliases: 5, tags: 3, stepTitles: 2, commands: 1.5, body: 1 },
    fuzzy: (term) => (term.length > 3 ? 0.25 : false),
    maxFuzzy: 3,
    prefix: (term) => term.length > 2,
    combineWith: 'OR',
  },
};

const HEADLINE_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'aliases', weight: 2.5 },
  { name: 'tags', weight: 1 },
] as const;

const HEADLINE_OPTIONS = {
  keys: HEADLINE_KEYS.map((key) => ({ ...key })),
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  minMatchCharLength: 2,
};

export function buildSearchIndex(version: string, runbooks: Runbook[]): SerializedSearchIndex {
  const fullText = new MiniSearch(FULL_TEXT_OPTIONS);
  fullText.addAll(runbooks.map(fullTextOf));
  const summaries = runbooks.map(summaryOf);
  const headline = Fuse.createIndex(HEADLINE_OPTIONS.keys, summaries).toJSON();
  return { version, summaries, fullText: JSON.stringify(fullText), headline };
}

export class SearchEngine {
  private readonly byId: Map<string, RunbookSummary>;

  private constructor(
    readonly version: string,
    private readonly fullText: MiniSearch<FullTextDocument>,
    private readonly headline: Fuse<RunbookSummary>,
    readonly summaries: RunbookSummary[],
  ) {
    this.byId = new Map(summaries.map((summary) => [summary.id, summary]));
  }

  static async load(index: SerializedSearchIndex): Promise<SearchEngine> {
    const fullText = await MiniSearch.loadJSONAsync(index.fullText, FULL_TEXT_OPTIONS);
    const headline = new Fuse(index.summaries, HEADLINE_OPTIONS, Fuse.parseIndex(index.headline));
    return new SearchEngine(index.version, fullText, headline, index.summaries);
  }

  search(query: string, filters: SearchFilters = {}, limit = 20): SearchHit[] {
    const text = query.trim();
    if (!text) return [];
    const accept = (summary: RunbookSummary | undefined): summary is RunbookSummary =>
      !!summary &&
      (!filters.type || summary.type === filters.type) &&
      (!filters.priority || summary.priority === filters.priority) &&
      (!filters.tag || summary.tags.includes(filters.tag));
    const scored = new Map<string, SearchHit>();
    const fullTextHits = this.fullText.search(text);
    const best = fullTextHits[0]?.score ?? 1;
    for (const hit of fullTextHits.slice(0, 200)) {
      const summary = this.byId.get(String(hit.id));
      if (accept(summary)) scored.set(summary.id, { summary, score: hit.score / best, terms: hit.terms });
    }
    // Headline matches rank first: a close fuse.js match on a title, alias or tag adds up to 1.5.
    for (const hit of this.headline.search(text, { limit: 50 })) {
      if (!accept(hit.item)) continue;
      const bonus = 1.5 * (1 - (hit.score ?? 1));
      const existing = scored.get(hit.item.id);
      if (existing) existing.score += bonus;
      else scored.set(hit.item.id, { summary: hit.item, score: bonus, terms: [] });
    }
    return [...scored.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
