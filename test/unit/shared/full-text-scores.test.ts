import fc from 'fast-check';
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { FullTextScorer } from '../../../shared/search/full-text-scores';
import { processTerm, tokenize } from '../../../shared/search/terms';

// The scorer must rank exactly as MiniSearch's own search: the same documents, in the same order
// (ties included), with the same scores to the last bit and the same terms matched.

const FIELDS = ['title', 'tags', 'headings', 'body'] as const;
type Doc = { id: string } & Record<(typeof FIELDS)[number], string>;
const OPTIONS = { idField: 'id', fields: [...FIELDS], storeFields: [], tokenize, processTerm, searchOptions: { boost: { title: 6, tags: 3, headings: 4 }, combineWith: 'OR' as const } };

// A small vocabulary, so documents share words and scores tie often.
const WORDS = ['postgres', 'failover', 'replica', 'restart', 'KubePodCrashLooping', 'crash', 'loop', 'node_clock_skew', 'clock', 'disk', 'full', '502', '0', 'lag'];
const word = fc.constantFrom(...WORDS);
// Some texts repeat whole, so documents tie: their order is then MiniSearch's order of matching.
const text = fc.oneof(
  fc.array(word, { maxLength: 12 }).map((words) => words.join(' ')),
  fc.constantFrom('postgres failover lag', 'crash loop restart', 'disk full', ''),
);
const documents = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), title: text, tags: text, headings: text, body: text }), { selector: (doc) => doc.id, minLength: 1, maxLength: 30 }).chain((docs) =>
  // Shuffled, so documents alike do not always come in the order they were drawn.
  fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }),
);

const phrase = fc.array(fc.oneof(word, fc.constantFrom('unknown', 'Kube pod', 'crash-loop')), { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const weight = fc.constantFrom(0.35, 0.5, 0.7, 1);
const query: fc.Arbitrary<Query> = fc.letrec<{ node: Query }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    phrase,
    fc.record({
      combineWith: fc.constantFrom('OR', 'AND', 'and'),
      queries: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
      boostTerm: fc.option(weight.map((value) => () => value), { nil: undefined }),
    }),
  ),
})).node;
const fields = fc.constantFrom<readonly string[] | undefined>(undefined, ['title', 'tags'], ['headings', 'body'], ['body']);

function search(docs: Doc[], q: Query, options: SearchOptions) {
  const index = new MiniSearch<Doc>(OPTIONS);
  index.addAll(docs);
  const scorer = new FullTextScorer(index);
  const expected = index.search(q, options).map((result) => ({ id: result.id, score: result.score, terms: [...result.terms].sort(), queryTerms: [...result.queryTerms].sort() }));
  const actual = scorer.ranked(scorer.score(q, options)).map((result) => ({ id: result.id, score: result.score, terms: [...result.queryTerms].sort(), queryTerms: [...result.queryTerms].sort() }));
  return { expected, actual, scorer };
}

describe('FullTextScorer', () => {
  it('ranks every query as MiniSearch.search does: same documents, order, scores and terms', () => {
    fc.assert(
      fc.property(documents, query, fields, fc.boolean(), (docs, q, only, filtered) => {
        // A filter as the engine sets one: documents outside it count for nothing.
        const options: SearchOptions = { ...(only ? { fields: [...only] } : {}), ...(filtered ? { boostDocument: (id: string) => (id.length % 2 ? 1 : 0) } : {}) };
        const { expected, actual } = search(docs, q, options);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('scores the engine-shaped query, then the next one, from the same reused arrays', () => {
    const docs: Doc[] = [
      { id: 'db/failover.md', title: 'Postgres failover', tags: 'postgres', headings: 'Promote the replica', body: 'Check replication lag before failover.' },
      { id: 'k8s/crashloop.md', title: 'KubePodCrashLooping', tags: 'kubernetes', headings: 'Find the pod', body: 'The pod restarts: crash loop.' },
      { id: 'db/restore.md', title: 'Restore Postgres', tags: 'postgres', headings: 'Restore', body: 'postgres postgres postgres' },
    ];
    const engineShaped: Query = { combineWith: 'OR', queries: [{ combineWith: 'OR', queries: ['postgres', 'falover'] }, { combineWith: 'AND', queries: ['replication', 'lag'], boostTerm: () => 0.5 }, { combineWith: 'OR', queries: ['failover'], boostTerm: () => 0.7 }] };
    const first = search(docs, engineShaped, {});
    expect(first.actual).toEqual(first.expected);
    expect(first.actual.map((result) => result.id)).toEqual(['db/failover.md', 'db/restore.md']);
    // A reused scorer must not carry the last query's documents or terms.
    const index = new MiniSearch<Doc>(OPTIONS);
    index.addAll(docs);
    const scorer = new FullTextScorer(index);
    scorer.score(engineShaped);
    expect(scorer.ranked(scorer.score('kube pod crash')).map((result) => [result.id, result.queryTerms.sort()])).toEqual([['k8s/crashloop.md', ['crash', 'kube', 'pod']]]);
  });

  it('lists tied documents of an AND in the order of its later part, as MiniSearch does', () => {
    // Each word is once in a title and once in a body: both documents score alike, and only the order tells them apart.
    const docs: Doc[] = [
      { id: 'x', title: 'postgres', tags: '', headings: '', body: 'failover' },
      { id: 'y', title: 'failover', tags: '', headings: '', body: 'postgres' },
    ];
    const { expected, actual } = search(docs, { combineWith: 'AND', queries: ['postgres', 'failover'] }, {});
    expect(actual).toEqual(expected);
    expect(actual.map((result) => result.id)).toEqual(['y', 'x']);
  });

  it('counts the terms of a query of more than 32 words', () => {
    const docs: Doc[] = [{ id: 'a', title: 'alpha', tags: '', headings: '', body: Array.from({ length: 40 }, (_, index) => `w${index}`).join(' ') }];
    const long = Array.from({ length: 40 }, (_, index) => `w${index}`).join(' ');
    const { expected, actual } = search(docs, long, {});
    expect(actual).toEqual(expected);
    expect(actual[0].queryTerms).toHaveLength(40);
  });

  it('refuses what it does not score rather than scoring it differently', () => {
    const index = new MiniSearch<Doc>(OPTIONS);
    const scorer = new FullTextScorer(index);
    expect(() => scorer.score('postgres', { fuzzy: 0.2 })).toThrow(/fuzzy/);
    expect(() => scorer.score('postgres', { prefix: true })).toThrow(/prefix/);
    expect(() => scorer.score({ combineWith: 'AND_NOT', queries: ['a', 'b'] })).toThrow(/AND_NOT/);
  });
});
