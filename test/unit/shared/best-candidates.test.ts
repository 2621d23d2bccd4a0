import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BestCandidates, type Offered } from '../../../shared/search/best-candidates';

describe('BestCandidates', () => {
  it('keeps what a stable sort of everything offered, by score then rank, puts first', () => {
    // Few distinct scores and ranks, so ties are the rule.
    const offered = fc.array(fc.record({ score: fc.constantFrom(0, 0.5, 1, 2.25, 7), rank: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 3, maxLength: 3 }) }), { maxLength: 80 });
    fc.assert(
      fc.property(offered, fc.integer({ min: 1, max: 40 }), (entries, size) => {
        const list = new BestCandidates<never>(size);
        const all: Offered<never>[] = entries.map((entry, doc) => ({ doc, ...entry }));
        for (const entry of all) list.offer(entry);
        const byRank = (a: Offered<never>, b: Offered<never>) => b.score - a.score || a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2];
        // Equal in score and rank, the one offered first stays first, as a stable sort keeps it.
        expect(list.entries.map((entry) => entry.doc)).toEqual([...all].sort(byRank).slice(0, size).map((entry) => entry.doc));
      }),
      { numRuns: 500 },
    );
  });
});
