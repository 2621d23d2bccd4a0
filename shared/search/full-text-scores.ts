import type MiniSearch from 'minisearch';
import type { Query, SearchOptions } from 'minisearch';

// MiniSearch's own search builds, for every document a term matches, a result object with arrays
// of terms and a `match` object, merges them map by map up the query, then makes and sorts a result
// for every document. At 10,000 runbooks a word common in bodies matches most of them, in several
// fields, and that bookkeeping (not the scoring) was most of a slow query's time. This scores the
// same queries over MiniSearch's own index into typed arrays indexed by its short document ids,
// with the same arithmetic in the same order, so every score is MiniSearch's to the last bit and
// the order is its order (a property test holds both against MiniSearch.search). It covers what
// the engine asks: exact terms (no fuzzy, no prefix), OR and AND, `boostTerm`, `boostDocument`.

/** The parts of a MiniSearch instance its search reads (MiniSearch is pinned to an exact version). */
interface Internals {
  _options: { fields: string[]; tokenize: (text: string) => string[]; processTerm: (term: string) => string | string[] | null | undefined | false; searchOptions: SearchOptions & { bm25: { k: number; b: number; d: number } } };
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, string | number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
}

/** The documents a query matched: MiniSearch's order (that of its result map), and per short id the score and the terms matched. */
export interface ScoredDocuments {
  /** Short ids in the order MiniSearch's results would list them before sorting. */
  order: Int32Array;
  count: number;
  /** Final scores (times the number of query terms matched, as MiniSearch ranks), by short id. */
  score: Float64Array;
  /** Which query terms each document matched: bit `i` of word `i >> 5` of its `words` slots, terms as in `terms`. */
  matched: Uint32Array;
  words: number;
  /** The query's terms, in the order they first occur in it. */
  terms: string[];
}

/** One matched document as MiniSearch's search gives it (less its `match`). */
export interface RankedDocument {
  shortId: number;
  id: string | number;
  score: number;
  /** The query terms it matched, in the order they occur in the query (exact matching only: MiniSearch's `terms` and `queryTerms` hold the same words). */
  queryTerms: string[];
}

/** A query result at one depth of the query: membership by generation, so nothing is cleared between uses. */
class Level {
  score: Float64Array;
  matched: Uint32Array;
  stamp: Int32Array;
  order: Int32Array;
  count = 0;
  generation = 1;

  constructor(
    size: number,
    readonly words: number,
  ) {
    this.score = new Float64Array(size);
    this.matched = new Uint32Array(size * words);
    this.stamp = new Int32Array(size);
    this.order = new Int32Array(size);
  }

  reset(): void {
    this.count = 0;
    this.generation++;
  }

  has(doc: number): boolean {
    return this.stamp[doc] === this.generation;
  }

  /** A document first matched here: its score, and no terms yet. */
  enter(doc: number, score: number): void {
    this.stamp[doc] = this.generation;
    this.order[this.count++] = doc;
    this.score[doc] = score;
    for (let word = 0, at = doc * this.words; word < this.words; word++, at++) this.matched[at] = 0;
  }

  mark(doc: number, bit: number): void {
    this.matched[doc * this.words + (bit >>> 5)] |= 1 << (bit & 31);
  }

  /** Adds `from`'s terms of `doc` to its own. */
  unite(doc: number, from: Level): void {
    for (let word = 0, at = doc * this.words; word < this.words; word++, at++) this.matched[at] |= from.matched[at];
  }
}

type Options = SearchOptions & { queries?: undefined };

export class FullTextScorer {
  private readonly internals: Internals;
  /** Field lengths by field id, then short id: MiniSearch keeps an array per document in a Map. */
  private readonly fieldLengths: Float64Array[] = [];
  /** Two levels per depth of the query (AND builds into the other one): reused from query to query. */
  private levels: [Level, Level][] = [];
  /** Which of a depth's two levels holds its result. */
  private current: number[] = [];
  private termBits = new Map<string, number>();
  /** 32-bit words of matched terms per document: one per 32 distinct terms in the query. */
  private words = 1;

  constructor(index: MiniSearch<never> | MiniSearch<unknown>) {
    this.internals = index as unknown as Internals;
    const { _fieldIds, _fieldLength, _nextId } = this.internals;
    for (const fieldId of Object.values(_fieldIds)) {
      const lengths = new Float64Array(_nextId);
      for (const [doc, byField] of _fieldLength) lengths[doc] = byField[fieldId];
      this.fieldLengths[fieldId] = lengths;
    }
  }

  /** The external id of a short id. */
  idOf(shortId: number): string | number {
    return this.internals._documentIds.get(shortId) as string | number;
  }

  /** Scores `query` as `MiniSearch.search(query, options)` does. The arrays are reused by the next call. */
  score(query: Query, options: SearchOptions = {}): ScoredDocuments {
    const terms = this.queryTerms(query, options);
    this.termBits = new Map(terms.map((term, bit) => [term, bit]));
    const words = Math.max(1, Math.ceil(terms.length / 32));
    if (words !== this.words) {
      this.words = words;
      this.levels = [];
      this.current = [];
    }
    const top = this.evaluate(query, options as Options, 0);
    const { score, matched } = top;
    for (let index = 0; index < top.count; index++) {
      const doc = top.order[index];
      let quality = 0;
      for (let word = 0, at = doc * words; word < words; word++, at++) quality += bitCount(matched[at]);
      score[doc] = score[doc] * (quality || 1);
    }
    return { order: top.order, count: top.count, score, matched, words, terms };
  }

  /** What `MiniSearch.search` returns for the same query (its first `limit`): by score, ties in their matching order. */
  ranked(scored: ScoredDocuments, limit = Infinity): RankedDocument[] {
    // Array.prototype.sort is stable, as MiniSearch's sort of its results is.
    const docs = Array.from(scored.order.subarray(0, scored.count)).sort((a, b) => scored.score[b] - scored.score[a]);
    return docs.slice(0, limit).map((shortId) => ({ shortId, id: this.idOf(shortId), score: scored.score[shortId], queryTerms: termsOf(scored, shortId) }));
  }

  /** A depth's level, emptied: the one in use, or (for AND) the other one, which then is the one in use. */
  private level(depth: number, which: 'same' | 'other' = 'same'): Level {
    while (this.levels.length <= depth) {
      this.levels.push([new Level(this.internals._nextId, this.words), new Level(this.internals._nextId, this.words)]);
      this.current.push(0);
    }
    if (which === 'other') this.current[depth] = 1 - this.current[depth];
    const level = this.levels[depth][this.current[depth]];
    level.reset();
    return level;
  }

  /** Every term the query searches, in the order they first occur, as executeQuery tokenizes them. */
  private queryTerms(query: Query, options: Options, into: string[] = []): string[] {
    if (typeof query === 'symbol') throw new Error('the wildcard query is not scored here');
    if (typeof query !== 'string') {
      const merged = { ...options, ...query, queries: undefined };
      for (const subquery of query.queries) this.queryTerms(subquery, merged, into);
      return into;
    }
    for (const term of this.termsOfText(query, options)) if (!into.includes(term)) into.push(term);
    return into;
  }

  private termsOfText(text: string, options: Options): string[] {
    const { tokenize, processTerm } = { tokenize: this.internals._options.tokenize, processTerm: this.internals._options.processTerm, ...this.internals._options.searchOptions, ...options };
    return (tokenize as Internals['_options']['tokenize'])(text)
      .flatMap((term) => (processTerm as Internals['_options']['processTerm'])(term) as string | string[])
      .filter((term) => !!term);
  }

  /** MiniSearch's executeQuery, into the level at `depth`. */
  private evaluate(query: Query, options: Options, depth: number): Level {
    if (typeof query === 'symbol') throw new Error('the wildcard query is not scored here');
    if (typeof query !== 'string') {
      const merged: Options = { ...options, ...query, queries: undefined };
      return this.combine(
        query.queries.length,
        (index, childDepth) => this.evaluate(query.queries[index], merged, childDepth),
        merged.combineWith ?? 'OR',
        depth,
      );
    }
    const merged = { ...this.internals._options.searchOptions, ...options } as Options;
    if (merged.fuzzy || merged.prefix) throw new Error('fuzzy and prefix matching are not scored here');
    const terms = this.termsOfText(query, options);
    return this.combine(terms.length, (index, childDepth) => this.termResults(terms[index], index, terms, merged, childDepth), merged.combineWith ?? 'OR', depth);
  }

  /** MiniSearch's combineResults: the first result is the start, each next one joins it by OR or AND. */
  private combine(count: number, child: (index: number, depth: number) => Level, combineWith: string, depth: number): Level {
    const and = combineWith.toLowerCase() === 'and';
    if (!and && combineWith.toLowerCase() !== 'or') throw new Error(`combining with ${combineWith} is not scored here`);
    let result = this.level(depth);
    for (let index = 0; index < count; index++) {
      const part = child(index, depth + 1);
      if (index === 0 || !and) {
        for (let at = 0; at < part.count; at++) {
          const doc = part.order[at];
          if (result.has(doc)) result.score[doc] = result.score[doc] + part.score[doc];
          else result.enter(doc, part.score[doc]);
          result.unite(doc, part);
        }
      } else {
        // AND keeps the documents of both, in the later one's order: built in this depth's other level.
        const kept = this.level(depth, 'other');
        for (let at = 0; at < part.count; at++) {
          const doc = part.order[at];
          if (!result.has(doc)) continue;
          kept.enter(doc, result.score[doc] + part.score[doc]);
          kept.unite(doc, result);
          kept.unite(doc, part);
        }
        result = kept;
      }
    }
    return result;
  }

  /** MiniSearch's executeQuerySpec and termResults for one exact term. */
  private termResults(term: string, index: number, terms: string[], options: Options, depth: number): Level {
    const result = this.level(depth);
    const { _index, _fieldIds, _avgFieldLength, _documentCount, _options } = this.internals;
    const data = _index.get(term);
    if (!data) return result;
    const termBoost = typeof options.boostTerm === 'function' ? options.boostTerm(term, index, terms) : 1;
    const { boostDocument } = options;
    const { k, b, d } = (options.bm25 ?? _options.searchOptions.bm25) as Internals['_options']['searchOptions']['bm25'];
    const bit = this.termBits.get(term) as number;
    const fields = options.fields ?? _options.fields;
    for (const field of new Set(fields)) {
      const fieldBoost = (Object.prototype.hasOwnProperty.call(options.boost ?? {}, field) ? (options.boost as Record<string, number>)[field] : undefined) || 1;
      const fieldId = _fieldIds[field];
      const frequencies = data.get(fieldId);
      if (frequencies == null) continue;
      const matchingFields = frequencies.size;
      const avgFieldLength = _avgFieldLength[fieldId];
      const lengths = this.fieldLengths[fieldId];
      const invDocFreq = Math.log(1 + (_documentCount - matchingFields + 0.5) / (matchingFields + 0.5));
      for (const [doc, termFreq] of frequencies) {
        const docBoost = boostDocument ? boostDocument(this.idOf(doc), term) : 1;
        if (!docBoost) continue;
        const fieldLength = lengths[doc];
        // calcBM25Score and the weighting, in MiniSearch's order of operations.
        const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        const weightedScore = 1 * termBoost * fieldBoost * docBoost * rawScore;
        if (result.has(doc)) result.score[doc] = result.score[doc] + weightedScore;
        else result.enter(doc, weightedScore);
        result.mark(doc, bit);
      }
    }
    return result;
  }
}

function bitCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The query terms a document matched, in the order they occur in the query. */
export function termsOf(scored: ScoredDocuments, shortId: number): string[] {
  const found: string[] = [];
  for (let bit = 0; bit < scored.terms.length; bit++) if (scored.matched[shortId * scored.words + (bit >>> 5)] & (1 << (bit & 31))) found.push(scored.terms[bit]);
  return found;
}

