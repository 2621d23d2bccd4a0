import Fuse from 'fuse.js';
import MiniSearch, { type Options as MiniSearchOptions, type Query } from 'minisearch';
import type { Runbook } from '../model';
import { isDestructive, namesDestructiveAction } from './destructive';
import { equivalentsOf, queryAlternatives, queryWords, STOP_WORDS } from './query-expansion';
import { buildIndex, NAME_FIELDS, TEXT_FIELDS, type BuiltIndex } from './search-index-builder';
import type { FullTextDocument, RunbookSummary } from './search-documents';
import { Spelling } from './spelling';
import { processTerm, tokenize } from './terms';
import { FullTextScorer, termsOf } from './full-text-scores';
import { BestCandidates } from './best-candidates';

// MiniSearch (BM25 over boosted fields) ranks, a small spelling index corrects, fuse.js re-scores,
// each where it is strong and cheap.
// - The spelling index (spelling.ts) maps a query's words to the words runbooks are named by, a typo
//   away or completing the word being typed. The full-text search then matches words exactly:
//   fuzzy matching over every word of every body was most of a query's time at 10,000 runbooks.
// - The full-text index is searched on the names first (title, aliases, tags, file name); when the
//   best named runbook holds every word typed, the named runbooks are the candidates and the text
//   is not searched (it would only re-rank them, and its long lists of documents were most of a
//   query's time); otherwise every runbook's text (headings, step titles, commands, prose) is too.
// - fuse.js re-scores the short list of candidates on their headline fields, where its in-word
//   typo matching is good.
// Which section of a hit matched is found afterwards, from its body (section-match.ts): the
// caller has the bodies, and only the hits shown need it.

export interface SerializedSearchIndex {
  version: string;
  /** Changes when the index's layout does: a stored index of another format is built again. */
  format: number;
  summaries: RunbookSummary[];
  fullText: string;
  spelling: string;
}

export const SEARCH_INDEX_FORMAT = 3;

export interface SearchFilters {
  type?: string;
  priority?: string;
  tag?: string;
}

/** A section of a hit's runbook that matched: its anchor, and (filled by the caller, who has the body) its heading and matching line. */
export interface SectionHit {
  slug: string;
  heading?: string;
  parents?: string[];
  snippet?: string;
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
  /** The section the match is in, when the runbook matched mostly there (a long document's procedure); Enter opens it. */
  section?: SectionHit;
  /** Other sections of the same runbook that matched nearly as well, listed under it. */
  moreSections?: SectionHit[];
}

/** Hits scoring under this share of the best one are weaker matches. */
export const RELEVANCE_CUT = 0.3;
const CANDIDATES = 30;
/** fuse.js re-scores this many of the best: the typo matching of the index (the spelling index) already brought the right ones up, and fuse.js was a third of a query's time over 30. */
const FUSE_CANDIDATES = 12;
/** The named runbooks kept as candidates. */
const NAMED_CANDIDATES = 200;
/** A corrected word counts for less than a word typed right. */
const CORRECTED_WEIGHT = 0.7;
/** A destructive procedure's score when the query names no destructive action. */
const DESTRUCTIVE_WEIGHT = 0.4;

const FULL_TEXT_OPTIONS: MiniSearchOptions<FullTextDocument> = {
  idField: 'id',
  fields: [...NAME_FIELDS, ...TEXT_FIELDS],
  // Nothing stored: the index is counted as MiniSearch would make it with none (FullTextCounter).
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: {
    boost: { title: 6, aliases: 5, tags: 3, names: 3, headings: 4, stepTitles: 2, commands: 1.5, body: 1 },
    combineWith: 'OR',
  },
};

const FUSE_OPTIONS = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'aliases', weight: 2.5 },
    { name: 'alerts', weight: 2.5 },
    { name: 'tags', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  minMatchCharLength: 2,
};

/** The index of `runbooks`, serialized as stored (built, never loaded: only the search worker searches). */
export function buildSearchIndex(version: string, runbooks: Runbook[]): SerializedSearchIndex {
  return serializeIndex(version, buildIndex(runbooks));
}

/** A built index as it is stored and sent. */
export function serializeIndex(version: string, built: BuiltIndex): SerializedSearchIndex {
  return { version, format: SEARCH_INDEX_FORMAT, summaries: built.summaries, fullText: JSON.stringify(built.fullText), spelling: built.spelling };
}

interface Candidate {
  summary: RunbookSummary;
  score: number;
  /** The query terms it matched (typed, corrected, equivalent or joined): for highlighting, and to count the typed words it answers. */
  terms: Set<string>;
  /** Matched by its title, aliases, tags or file name, not only by its text or headings. */
  named: boolean;
}

export class SearchEngine {
  private readonly byId: Map<string, RunbookSummary>;
  private readonly scorer: FullTextScorer;

  private constructor(
    readonly version: string,
    fullText: MiniSearch<FullTextDocument>,
    private readonly spelling: Spelling,
    readonly summaries: RunbookSummary[],
    /** The index as built, until it is serialized: as large as the index itself. */
    private built?: BuiltIndex,
  ) {
    this.byId = new Map(summaries.map((summary) => [summary.id, summary]));
    this.scorer = new FullTextScorer(fullText);
  }

  /** Synchronous: it runs in the search worker (or a plain script), where blocking for a moment freezes no window. */
  static load(index: SerializedSearchIndex): SearchEngine {
    return new SearchEngine(index.version, MiniSearch.loadJSON(index.fullText, FULL_TEXT_OPTIONS), Spelling.load(index.spelling), index.summaries);
  }

  /**
   * Builds the engine from runbooks and searches with what it built: a first sync at 5,000
   * runbooks spent 0.3 to 0.45 s loading back the index it had just serialized for storing, before
   * it could answer. `serialize` gives what is stored.
   */
  static build(version: string, runbooks: Runbook[]): SearchEngine {
    // Counted, then loaded in one pass: MiniSearch's own `addAll` took twice as long (see full-text-index.ts).
    const built = buildIndex(runbooks);
    return new SearchEngine(version, MiniSearch.loadJS(built.fullText, FULL_TEXT_OPTIONS), Spelling.load(built.spelling), built.summaries, built);
  }

  /**
   * The index as stored, from the form it was built in (no walk of the index's tree, a third of the
   * time). Only an engine built here has one to store, once: it then lets go of that form, which is
   * as large as the index.
   */
  serialize(): SerializedSearchIndex {
    if (!this.built) throw new Error('only an index built here is serialized, once: a loaded one is stored already');
    const serialized = serializeIndex(this.version, this.built);
    this.built = undefined;
    return serialized;
  }

  search(query: string, filters: SearchFilters = {}, limit = 20): SearchHit[] {
    const typed = query.trim();
    if (!typed) return [];
    const accept = (id: string | number) => {
      const summary = this.byId.get(String(id));
      return !!summary && (!filters.type || summary.type === filters.type) && (!filters.priority || summary.priority === filters.priority) && (!filters.tag || summary.tags.includes(filters.tag));
    };
    // The filter runs on every document that matched (thousands at 10,000 runbooks): only when one is set.
    const filtered = !!(filters.type || filters.priority || filters.tag);
    const words = queryWords(typed);
    const corrections = this.spelling.corrections(words);
    const corrected = [...new Set([...corrections.values()].flat())];
    const queries: Query[] = [{ combineWith: 'OR', queries: words }, ...queryAlternatives(typed)];
    if (corrected.length) queries.push({ combineWith: 'OR', queries: corrected, boostTerm: () => CORRECTED_WEIGHT });
    const expanded: Query = { combineWith: 'OR', queries };

    // Scored over the index's own arrays (full-text-scores.ts): the same scores and order as
    // MiniSearch's search, without a result object for each of the thousands of documents matched.
    const only = filtered ? { boostDocument: (id: string | number) => (accept(id) ? 1 : 0) } : {};
    const candidates = new Map<number, Candidate>();
    const named = this.scorer.ranked(this.scorer.score(expanded, { fields: NAME_FIELDS, ...only }), NAMED_CANDIDATES);
    for (const result of named) {
      candidates.set(result.shortId, { summary: this.byId.get(String(result.id)) as RunbookSummary, score: result.score, terms: new Set(result.queryTerms), named: true });
    }
    // The names hold every word typed (or its correction): those runbooks are the answer, and the
    // text, which would only re-rank them, is not searched (its long lists of documents were most of
    // a query's time). Otherwise every runbook's text is searched.
    const covered = named.length > 0 && words.every((word) => [word, ...(corrections.get(word) ?? [])].some((term) => named[0].queryTerms.includes(term)));
    // A runbook answering more of the words typed ranks above one answering a single word many times
    // (`stockroom cache full`: the stockroom runbook's cache section, not every page about full disks).
    const answers = words.flatMap((word, index) => (STOP_WORDS.has(word) ? [] : [[word, ...(corrections.get(word) ?? []), ...equivalentsOf(word), words[index - 1] + word, word + words[index + 1]]]));
    const answering = (matched: (form: string) => boolean, score: number) => (answers.length ? score * (Math.max(answers.filter((forms) => forms.some(matched)).length, 1) / answers.length) : score);

    // The best candidates, as a stable sort of all of them would list them: named ones in their
    // order, then the others in the order the text ranks them.
    const best = new BestCandidates(CANDIDATES);
    if (!covered) {
      const text = this.scorer.score(expanded, { fields: TEXT_FIELDS, ...only });
      const bitsOf = new Map(text.terms.map((term, bit) => [term, bit]));
      const answerBits = answers.map((forms) => forms.flatMap((form) => (bitsOf.has(form) ? [bitsOf.get(form) as number] : [])));
      for (let position = 0; position < text.count; position++) {
        const doc = text.order[position];
        const found = candidates.get(doc);
        if (found) {
          found.score += text.score[doc];
          for (const term of termsOf(text, doc)) found.terms.add(term);
          continue;
        }
        // As `answering` counts, on the document's bits: this runs for thousands of documents.
        let answered = 0;
        for (const bits of answerBits) {
          for (const bit of bits) {
            if (text.matched[doc * text.words + (bit >>> 5)] & (1 << (bit & 31))) {
              answered++;
              break;
            }
          }
        }
        const score = answers.length ? text.score[doc] * (Math.max(answered, 1) / answers.length) : text.score[doc];
        best.offer({ doc, score, rank: [1, -text.score[doc], position] });
      }
      // Only the few that made the list need their terms and summaries.
      for (const entry of best.entries) {
        if (entry.candidate) continue;
        const terms = termsOf(text, entry.doc);
        entry.candidate = { summary: this.byId.get(String(this.scorer.idOf(entry.doc))) as RunbookSummary, score: entry.score, terms: new Set(terms), named: false };
      }
    }
    let rank = 0;
    for (const [doc, found] of candidates) {
      found.score = answering((form) => found.terms.has(form), found.score);
      best.offer({ doc, score: found.score, rank: [0, rank++, 0], candidate: found });
    }
    const short = best.entries.map((entry) => entry.candidate as Candidate);
    if (!short.length) return [];
    const highest = short[0].score;
    // A stop word an equivalent brought in ("of" from "out of memory") is no word to highlight or to find a section by.
    const hits: SearchHit[] = short.map((found) => ({ summary: found.summary, score: found.score / highest, terms: [...found.terms].filter((term) => !STOP_WORDS.has(term)), weak: false, needsSnippet: !found.named }));
    // Headline matches rank first: a close fuse.js match on a title, alias or tag adds up to 1.5.
    const byId = new Map(hits.map((hit) => [hit.summary.id, hit]));
    for (const match of new Fuse(short.slice(0, FUSE_CANDIDATES).map((found) => found.summary), FUSE_OPTIONS).search(typed)) (byId.get(match.item.id) as SearchHit).score += 1.5 * (1 - (match.score ?? 1));
    if (!namesDestructiveAction([...words, ...corrected])) for (const hit of hits) if (isDestructive(hit.summary.title)) hit.score *= DESTRUCTIVE_WEIGHT;
    const ranked = hits.sort((a, b) => b.score - a.score).slice(0, limit);
    const top = ranked[0]?.score ?? 0;
    for (const hit of ranked) hit.weak = hit.score < top * RELEVANCE_CUT;
    return ranked;
  }
}
