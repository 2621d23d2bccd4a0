import MiniSearch, { type Options as MiniSearchOptions } from 'minisearch';
import { countFullText } from './full-text-index';
import { STOP_WORDS } from './query-expansion';
import { processTerm, tokenize } from './terms';

// Typo correction against the words runbooks are named by (titles, aliases, tags, file names,
// headings), apart from the full text: each word is one entry here, so a fuzzy lookup walks the
// vocabulary once and touches no list of documents. Fuzzy matching inside the full-text index cost
// most of a query's time at 10,000 runbooks, since a common word's misspelling matched thousands.

interface WordEntry {
  id: number;
  word: string;
}

/** Each entry is one word already processed: no splitting again. */
const LAYOUT = { fields: ['word'] as const, tokenize: (text: string) => [text], processTerm: (term: string) => term };

const OPTIONS: MiniSearchOptions<WordEntry> = {
  ...LAYOUT,
  fields: [...LAYOUT.fields],
  idField: 'id',
  storeFields: [],
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
/** From this length, two letters changed are still read as a typo (`kuberentes` for `kubernetes`). */
const LONG_WORD = 9;

/**
 * Whether `meant` is a typo's likely intent: one letter added, dropped, changed, or two neighbours
 * swapped (`rdeis`, `postgers`); in a long word, two edits of any kind. Two letters changed in a
 * shorter word is another word: `session` is not a misspelt `version`.
 */
export function plausibleTypo(typed: string, meant: string): boolean {
  return typoDistance(typed, meant) <= (Math.min(typed.length, meant.length) >= LONG_WORD ? 2 : 1);
}

/** Edits between two words, a swap of neighbours counting one (optimal string alignment); stops counting past 2. */
function typoDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The words a spelling index holds, gathered text by text: from the texts themselves, or from the
 * terms the full-text index already made of them (SearchIndexBuilder), which are the same words in
 * the same order without tokenizing every name and heading a second time.
 */
export class SpellingWords {
  private readonly vocabulary = new Set<string>();

  addText(text: string): void {
    for (const token of tokenize(text)) {
      const processed = processTerm(token);
      this.addTerms(Array.isArray(processed) ? processed : [processed]);
    }
  }

  /** Terms already tokenized and processed, in the order they occur (stop words aside: `swich` is never corrected to `with`). */
  addTerms(terms: Iterable<string>): void {
    for (const word of terms) if (word.length > 1 && !STOP_WORDS.has(word)) this.vocabulary.add(word);
  }

  /** The spelling index's text (Spelling.load reads it). */
  index(): string {
    const entries = [...this.vocabulary].map((word, id) => ({ id, word }));
    return JSON.stringify(countFullText(entries, LAYOUT));
  }
}

export class Spelling {
  private constructor(private readonly words: MiniSearch<WordEntry>) {}

  static load(json: string): Spelling {
    return new Spelling(MiniSearch.loadJSON(json, OPTIONS));
  }

  private known(word: string): boolean {
    return this.words.search(word, { fuzzy: false, prefix: false }).length > 0;
  }

  /** For each word of a query, the indexed words it may have meant (a typo away, or completing the last word), not the word itself. */
  corrections(words: string[]): Map<string, string[]> {
    const found = new Map<string, string[]>();
    words.forEach((word, index) => {
      // A word typed whole (`billing`) is not also completed (`billingapi`, `billingdns`…).
      const prefix = index === words.length - 1 && word.length >= MIN_PREFIX && !this.known(word);
      const kept: string[] = [];
      for (const result of this.words.search(word, { prefix })) {
        for (const term of result.terms) if (term !== word && !words.includes(term) && !kept.includes(term) && (plausibleTypo(word, term) || (prefix && term.startsWith(word)))) kept.push(term);
        if (kept.length >= PER_WORD) break;
      }
      if (kept.length) found.set(word, kept.slice(0, PER_WORD));
    });
    return found;
  }
}
