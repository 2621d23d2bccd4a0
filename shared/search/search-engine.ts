import Fuse from 'fuse.js';
import MiniSearch, { type Options as MiniSearchOptions } from 'minisearch';
import type { Runbook } from '../model';
import { expandQuery } from './query-expansion';
import { fullTextOf, summaryOf, type FullTextDocument, type RunbookSummary } from './search-documents';
import { processTerm, tokenize } from './terms';

// Each library where it is strong. MiniSearch (fuzzy, prefix, boosted fields) searches the whole
// library, full text included, and forgives word order. fuse.js then re-scores the short list of
// candidates on their headline fields (title, aliases, tags), where its in-word typo matching is
// good; run over the whole library it would cost tens of milliseconds per query at 1,000 runbooks.

export interface SerializedSearchIndex {
  version: string;
  summaries: RunbookSummary[];
  fullText: string;
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
  /** Below the relevance cut: shown apart, as a weaker match. */
  weak: boolean;
  /** Matched only in the body or a command, so the list shows the matching line (filled by the caller, who has the text). */
  needsSnippet: boolean;
  snippet?: string;
}

/** Hits scoring under this share of the best one are weaker matches. */
export const RELEVANCE_CUT = 0.3;
const HEADLINE_FIELDS = new Set(['title', 'aliases', 'tags', 'names', 'stepTitles']);

const CANDIDATES = 30;

const FULL_TEXT_OPTIONS: MiniSearchOptions<FullTextDocument> = {
  idField: 'id',
  fields: ['title', 'aliases', 'tags', 'names', 'stepTitles', 'commands', 'body'],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: {
    boost: { title: 6, aliases: 5, tags: 3, names: 3, stepTitles: 2, commands: 1.5, body: 1 },
    fuzzy: (term) => (term.length > 3 ? 0.25 : false),
    maxFuzzy: 2,
    // Only the word being typed is a prefix; prefixes on every word cost time and precision.
    prefix: (term, index, terms) => index === terms.length - 1 && term.length > 2,
    combineWith: 'OR',
  },
};

const HEADLINE_OPTIONS = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'aliases', weight: 2.5 },
    { name: 'tags', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  minMatchCharLength: 2,
};

export function buildSearchIndex(version: string, runbooks: Runbook[]): SerializedSearchIndex {
  const fullText = new MiniSearch(FULL_TEXT_OPTIONS);
  fullText.addAll(runbooks.map(fullTextOf));
  return { version, summaries: runbooks.map(summaryOf), fullText: JSON.stringify(fullText) };
}

export class SearchEngine {
  private readonly byId: Map<string, RunbookSummary>;

  private constructor(
    readonly version: string,
    private readonly fullText: MiniSearch<FullTextDocument>,
    readonly summaries: RunbookSummary[],
  ) {
    this.byId = new Map(summaries.map((summary) => [summary.id, summary]));
  }

  /** Synchronous: it runs in the search worker, where blocking for a moment freezes no window. */
  static load(index: SerializedSearchIndex): SearchEngine {
    return new SearchEngine(index.version, MiniSearch.loadJSON(index.fullText, FULL_TEXT_OPTIONS), index.summaries);
  }

  search(query: string, filters: SearchFilters = {}, limit = 20): SearchHit[] {
    const text = query.trim();
    if (!text) return [];
    const accept = (summary: RunbookSummary | undefined): summary is RunbookSummary =>
      !!summary &&
      (!filters.type || summary.type === filters.type) &&
      (!filters.priority || summary.priority === filters.priority) &&
      (!filters.tag || summary.tags.includes(filters.tag));
    // The filter runs on every document that matched (thousands at 10,000 runbooks): only when one is set.
    const filtered = filters.type || filters.priority || filters.tag;
    const found = this.fullText.search(expandQuery(text), filtered ? { filter: (result) => accept(this.byId.get(String(result.id))) } : {}).slice(0, CANDIDATES);
    if (!found.length) return [];
    const best = found[0].score;
    const hits = new Map<string, SearchHit>();
    for (const result of found) {
      const summary = this.byId.get(String(result.id)) as RunbookSummary;
      const fields = new Set(Object.values(result.match).flat());
      const needsSnippet = ![...fields].some((field) => HEADLINE_FIELDS.has(field));
      hits.set(summary.id, { summary, score: result.score / best, terms: result.terms, weak: false, needsSnippet });
    }
    // Headline matches rank first: a close fuse.js match on a title, alias or tag adds up to 1.5.
    const headline = new Fuse([...hits.values()].map((hit) => hit.summary), HEADLINE_OPTIONS);
    for (const match of headline.search(text)) {
      const hit = hits.get(match.item.id) as SearchHit;
      hit.score += 1.5 * (1 - (match.score ?? 1));
    }
    const ranked = [...hits.values()].sort((a, b) => b.score - a.score).slice(0, limit);
    const top = ranked[0]?.score ?? 0;
    for (const hit of ranked) hit.weak = hit.score < top * RELEVANCE_CUT;
    return ranked;
  }
}
