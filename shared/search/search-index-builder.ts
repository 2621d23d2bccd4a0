import type { AsPlainObject } from 'minisearch';
import type { Runbook } from '../model';
import { FullTextCounter } from './full-text-index';
import { fullTextOf, summaryOf, type FullTextDocument, type RunbookSummary } from './search-documents';
import { SpellingWords } from './spelling';
import { SYMPTOM_EQUIVALENTS } from './query-expansion';
import { processTerm, tokenize } from './terms';

export type FullTextField = Exclude<keyof FullTextDocument, 'id'>;
/** The fields a runbook is named by, searched first. */
export const NAME_FIELDS: FullTextField[] = ['title', 'aliases', 'tags', 'names'];
/** Its text, searched when the names do not answer every word. */
export const TEXT_FIELDS: FullTextField[] = ['headings', 'stepTitles', 'commands', 'body'];
/** The spelling index takes its words from the first fields: the names and the headings. */
const SPELLING_FIELDS = NAME_FIELDS.length + 1;

/** A library's search index as built, before it is loaded to search or serialized to store. */
export interface BuiltIndex {
  /** The full-text index in MiniSearch's plain form (see FullTextCounter). */
  fullText: AsPlainObject;
  /** The spelling index's text (see Spelling). */
  spelling: string;
  summaries: RunbookSummary[];
}

/**
 * Builds a library's search index one runbook at a time, in the library's order: a sync counts the
 * runbooks of a large library while the rest of it is still being parsed (electron/count-worker).
 */
export class SearchIndexBuilder {
  private readonly fullText = new FullTextCounter({ fields: [...NAME_FIELDS, ...TEXT_FIELDS], tokenize, processTerm });
  /** The words of the spelling index: those of the names and headings of every runbook. */
  private readonly spelling = new SpellingWords();
  private readonly summaries: RunbookSummary[] = [];

  add(runbook: Runbook): void {
    const document = fullTextOf(runbook);
    this.fullText.add(document, (fieldId, terms) => {
      if (fieldId < SPELLING_FIELDS) this.spelling.addTerms(terms);
    });
    this.summaries.push(summaryOf(runbook));
  }

  finish(): BuiltIndex {
    // The symptom table's words too, after the library's own: a typo of a word responders type
    // (`conection`) is corrected even where no title or heading holds it, only a runbook's text.
    for (const entry of SYMPTOM_EQUIVALENTS.flat()) this.spelling.addText(entry);
    return { fullText: this.fullText.result(), spelling: this.spelling.index(), summaries: this.summaries };
  }
}

/** The index of `runbooks`, built. */
export function buildIndex(runbooks: Runbook[]): BuiltIndex {
  const builder = new SearchIndexBuilder();
  for (const runbook of runbooks) builder.add(runbook);
  return builder.finish();
}
