import MiniSearch, { type Options as MiniSearchOptions } from 'minisearch';
import { processTerm, tokenize } from './terms';

// Typo correction against the words runbooks are named by (titles, aliases, tags, file names,
// headings), apart from the full text: each word is one entry here, so a fuzzy lookup walks the
// vocabulary once and touches no list of documents. Fuzzy matching inside the full-text index cost
// most of a query's time at 10,000 runbooks, since a common word's misspelling matched thousands.

interface WordEntry {
  id: number;
  word: string;
}

const OPTIONS: MiniSearchOptions<WordEntry> = {
  idField: 'id',
  fields: ['word'],
  storeFields: [],
  // Each entry is one word already processed: no splitting again.
  tokenize: (text) => [text],
  processTerm: (term) => term,
  searchOptions: {
    // Generous (two letters swapped in `rdeis` are two edits): the lookup is cheap, and a corrected word counts for less.
    fuzzy: (term) => (term.length > 3 ? 0.34 : false),
    maxFuzzy: 2,
    combineWith: 'OR',
  },
};

/** Corrections kept for each word of a query: the closest few. */
const PER_WORD = 3;
/** A prefix is looked up only for the word being typed, when it has this many letters. */
const MIN_PREFIX = 3;

export class Spelling {
  private constructor(private readonly words: MiniSearch<WordEntry>) {}

  static build(texts: Iterable<string>): string {
    const vocabulary = new Set<string>();
    for (const text of texts) {
      for (const token of tokenize(text)) {
        const processed = processTerm(token);
        for (const word of Array.isArray(processed) ? processed : [processed]) if (word.length > 1) vocabulary.add(word);
      }
    }
    const index = new MiniSearch(OPTIONS);
    index.addAll([...vocabulary].map((word, id) => ({ id, word })));
    return JSON.stringify(index);
  }

  static load(json: string): Spelling {
    return new Spelling(MiniSearch.loadJSON(json, OPTIONS));
  }

  private known(word: string): boolean {
    return this.words.search(word, { fuzzy: false, prefix: false }).length > 0;
  }

  /** Indexed words a query's words may have meant (a typo away, or completing the last word), none of the words as typed. */
  corrections(words: string[]): string[] {
    const found = new Set<string>();
    words.forEach((word, index) => {
      // A word typed whole (`billing`) is not also completed (`billingapi`, `billingdns`…).
      const prefix = index === words.length - 1 && word.length >= MIN_PREFIX && !this.known(word);
      const results = this.words.search(word, { prefix });
      let kept = 0;
      for (const result of results) {
        for (const term of result.terms) {
          if (term === word || words.includes(term) || found.has(term)) continue;
          found.add(term);
          kept++;
        }
        if (kept >= PER_WORD) break;
      }
    });
    return [...found];
  }
}
