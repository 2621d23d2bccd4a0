import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { countFullText, FullTextCounter } from '../../../shared/search/full-text-index';
import { SpellingWords } from '../../../shared/search/spelling';
import { processTerm, tokenize } from '../../../shared/search/terms';

const FIELDS = ['title', 'headings', 'body'] as const;
type Doc = { id: string } & Record<(typeof FIELDS)[number], string>;
const OPTIONS = { idField: 'id', fields: [...FIELDS], storeFields: [], tokenize, processTerm };

/** What MiniSearch's own `addAll` makes: the counted index must be the same, figure for figure. */
function byMiniSearch(documents: Doc[]) {
  const index = new MiniSearch<Doc>(OPTIONS);
  index.addAll(documents);
  return index;
}

const counted = (documents: Doc[]) => MiniSearch.loadJS(countFullText(documents, { fields: FIELDS, tokenize, processTerm }), OPTIONS);

const words = fc.constantFrom('postgres', 'Postgres', 'POSTGRES', 'failover', 'KubePodCrashLooping', 'node_clock_skew', 'redis-replication-broken', '__proto__', 'constructor', 'toString', '0', '42', 'é', 'Straße', '-', '_', '—', 'psql', 'x');
const separators = fc.constantFrom(' ', '\n', ', ', '. ', '/', '\t', ' (', ') ', '`');
const text = fc.array(fc.tuple(fc.oneof(words, fc.string({ maxLength: 8 })), separators), { maxLength: 40 }).map((pairs) => pairs.flat().join(''));
const documents = fc.uniqueArray(fc.record({ id: fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom('__proto__', 'constructor')), title: text, headings: text, body: text }), { selector: (doc) => doc.id, maxLength: 12 });

describe('countFullText', () => {
  it('makes the index MiniSearch makes, term counts, field lengths and means included', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        expect(JSON.stringify(counted(docs))).toEqual(JSON.stringify(byMiniSearch(docs)));
      }),
      { numRuns: 400 },
    );
  });

  it('hands each field’s terms in the order the spelling index would read them from the text', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const fromTerms = new SpellingWords();
        const fromTexts = new SpellingWords();
        const counter = new FullTextCounter({ fields: FIELDS, tokenize, processTerm });
        for (const doc of docs) {
          counter.add(doc, (fieldId, terms) => fieldId < 2 && fromTerms.addTerms(terms));
          fromTexts.addText(doc.title);
          fromTexts.addText(doc.headings);
        }
        expect(fromTerms.index()).toEqual(fromTexts.index());
      }),
      { numRuns: 300 },
    );
  });

  it('answers a query as MiniSearch does', () => {
    const docs: Doc[] = [
      { id: 'db/failover.md', title: 'Postgres failover', headings: 'Promote the replica \n Check replication lag', body: 'Run psql and check pg_stat_replication. Failover only when the primary is gone.' },
      { id: 'k8s/crashloop.md', title: 'KubePodCrashLooping', headings: 'Find the pod', body: 'kubectl get pods; kubectl logs --previous. The pod restarts again and again.' },
      { id: 'db/restore.md', title: 'Restore Postgres from backup', headings: 'Stop writes \n Restore', body: 'Destructive: the primary is replaced. Postgres postgres postgres.' },
    ];
    for (const query of ['postgres', 'kube pod crash', 'replication lag', 'crashlooping', 'restore backup primary']) {
      expect(counted(docs).search(query)).toEqual(byMiniSearch(docs).search(query));
    }
    expect(counted(docs).search('postgres').map((hit) => hit.id)).toEqual(['db/restore.md', 'db/failover.md']);
  });

  it('takes numbered ids as the spelling index numbers its words', () => {
    const entries = ['postgres', 'failover', 'kubepodcrashlooping', 'postgres-replica'].map((word, id) => ({ id, word }));
    const layout = { fields: ['word'] as const, tokenize: (text: string) => [text], processTerm: (term: string) => term };
    const options = { ...layout, fields: ['word'], idField: 'id', storeFields: [] };
    const reference = new MiniSearch(options);
    reference.addAll(entries);
    expect(JSON.stringify(MiniSearch.loadJS(countFullText(entries, layout), options))).toEqual(JSON.stringify(reference));
  });

  it('refuses two documents under one id, as MiniSearch does', () => {
    const doc: Doc = { id: 'a.md', title: 'A', headings: '', body: '' };
    expect(() => countFullText([doc, doc], { fields: FIELDS, tokenize, processTerm })).toThrow(/duplicate ID a\.md/);
  });

  it('counts a large pathological field (one word repeated, a very long name) in one pass', () => {
    const body = `${'a'.repeat(100_000)} ${'KubePod'.repeat(5_000)} ${'word '.repeat(200_000)}`;
    const docs: Doc[] = [{ id: 'big.md', title: 'Big', headings: '', body }];
    expect(JSON.stringify(counted(docs))).toEqual(JSON.stringify(byMiniSearch(docs)));
  });
});
