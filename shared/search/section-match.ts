import { sectionOutline, type OutlineSection } from '../library/markdown/section-outline';
import { isDestructive, namesDestructiveAction } from './destructive';
import { queryWords, STOP_WORDS } from './query-expansion';
import type { SearchHit, SectionHit } from './search-engine';
import { snippetOf } from './snippet';

// Which section of a found runbook the match is in. The index ranks runbooks; this reads the body
// of the few hits shown (the caller has them) and scores each section by the matched words in its
// heading, the headings above it and its own lines, so a long "Operations Runbook" opens at its
// "Roll Back Deployment" and not at its top.

/** A section's own text is read up to this many characters: enough for any procedure, bounded for a hostile file. */
const MAX_SECTION_CHARS = 40_000;
const OWN_HEADING = 3;
const PARENT_HEADING = 1;
const TEXT = 1;
/** A section is named when it scores more than the runbook's title does; further ones when at least this share of the best. */
const MORE_SHARE = 0.6;
const MAX_MORE = 2;
/** Less than this (one word typed in the text and one equivalent, say) names no section. */
const MIN_SECTION_SCORE = 2;

/** A destructive section's score when the query names no destructive action, as for whole runbooks. */
const DESTRUCTIVE_WEIGHT = 0.4;

export interface SectionMatches {
  /** The section the hit is named by, when one outscores the title. */
  section?: SectionHit;
  moreSections: SectionHit[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;

/**
 * Whether `term` (lower case) occurs in `text` as a word or as a word of a compound name
 * (`loop` in `CrashLoopBackOff`, `disk` in `node_disk`): each occurrence found by indexOf is
 * checked at its two ends, so a section is read once per term and nothing is split or allocated.
 */
function holds(text: string, lower: string, term: string): boolean {
  for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
    const end = at + term.length;
    const startsWord = at === 0 || !LETTER_OR_DIGIT.test(text[at - 1]) || UPPER.test(text[at]);
    const endsWord = end === text.length || !LETTER_OR_DIGIT.test(text[end]) || UPPER.test(text[end]);
    if (startsWord && endsWord) return true;
  }
  return false;
}

/** A word typed counts fully; an equivalent or a correction the index matched, half. */
type Weights = Map<string, number>;
function scoreOf(text: string, weights: Weights): number {
  const bounded = text.slice(0, MAX_SECTION_CHARS);
  const lower = bounded.toLowerCase();
  let score = 0;
  for (const [term, weight] of weights) if (holds(bounded, lower, term)) score += weight;
  return score;
}

/** The line of a section holding the most of the matched words, as the snippet shows it. */
function bestLine(own: string, weights: Weights): string | undefined {
  let best: { line: string; score: number } | undefined;
  for (const line of own.slice(0, MAX_SECTION_CHARS).split('\n')) {
    const score = scoreOf(line, weights);
    if (score > 0 && (!best || score > best.score)) best = { line, score };
  }
  return best && snippetOf(best.line, [...weights.keys()]);
}

/** How far a runbook's title answers a query: some of the words typed, and all of them. */
interface TitleAnswer {
  some: boolean;
  all: boolean;
}

function titleAnswer(typed: string[], title: string, terms: string[], aliases: readonly string[] = []): TitleAnswer {
  // Its aliases and the alerts it answers name a runbook as its title does: `KubePodCrashLooping` typed is the runbook, not a section of it.
  const names = [title, ...aliases].map((name) => [name, name.toLowerCase()] as const);
  const inTitle = (word: string) => names.some(([name, lower]) => holds(name, lower, word));
  // A typed word the index matched only as a correction (`failoevr`) counts as answered by a title
  // holding a corrected word; the matched words that are not typed ones are those corrections and equivalents.
  const matched = new Set(terms.map((term) => term.toLowerCase()));
  const standIn = [...matched].some((term) => !typed.includes(term) && inTitle(term));
  const answered = (word: string) => inTitle(word) || (!matched.has(word) && standIn);
  const meaningful = typed.filter((word) => !STOP_WORDS.has(word));
  return { some: meaningful.some(answered), all: meaningful.every(answered) };
}

/**
 * Whether a hit's title answers every word of the query (typos corrected): then the hit is the
 * runbook, no section of it is named, and its body need not even be read.
 */
export function titleAnswersQuery(query: string, title: string, terms: string[], aliases: readonly string[] = []): boolean {
  return titleAnswer(queryWords(query), title, terms, aliases).all;
}

/**
 * The best matching section of `body` for a query and the words the index matched (lower case),
 * and up to two more that matched nearly as well. A section is named only when the title leaves
 * words of the query unanswered: when it answers none (an "Operations Runbook"), the best section;
 * when some, a section answering clearly more (twice the title's score). A one-procedure runbook
 * found by its name is shown as the runbook.
 */
export function matchSections(query: string, title: string, body: string, terms: string[], aliases: readonly string[] = []): SectionMatches {
  const typed = queryWords(query);
  const weights: Weights = new Map(typed.filter((word) => !STOP_WORDS.has(word)).map((word) => [word, 1]));
  for (const term of terms.map((each) => each.toLowerCase())) if (!weights.has(term) && !STOP_WORDS.has(term)) weights.set(term, 0.5);
  const answer = titleAnswer(typed, title, terms, aliases);
  if (answer.all || !weights.size) return { moreSections: [] };
  const outline = sectionOutline(body);
  if (!outline.length) return { moreSections: [] };
  const destructiveAsked = namesDestructiveAction(typed);
  const titleScore = scoreOf(title, weights);
  const lines = body.split(/\r?\n/);
  const ranked = outline
    .map((section, index) => {
      const heading = scoreOf(section.heading, weights) + (PARENT_HEADING / OWN_HEADING) * scoreOf(section.parents.join(' '), weights);
      const own = lines.slice(section.from, outline[index + 1]?.line ?? lines.length).join('\n');
      let score = OWN_HEADING * heading + TEXT * scoreOf(own, weights);
      if (!destructiveAsked && isDestructive(section.heading)) score *= DESTRUCTIVE_WEIGHT;
      return { section, own, heading, score };
    })
    .filter((each) => each.score >= MIN_SECTION_SCORE && (!answer.some || each.heading > titleScore || each.score >= 2 * titleScore))
    .sort((a, b) => b.score - a.score || a.section.line - b.section.line);
  const [best, ...rest] = ranked;
  if (!best) return { moreSections: [] };
  const hitOf = ({ section, own }: { section: OutlineSection; own: string }): SectionHit => ({
    slug: section.slug,
    heading: section.heading,
    parents: section.parents,
    snippet: bestLine(own, weights) ?? section.heading,
  });
  return {
    section: hitOf(best),
    // Further sections only for a file whose title says nothing of the query (an "Operations Runbook"
    // of many procedures): a runbook named for the problem lists no more of its own steps.
    moreSections: rest
      .filter((each) => !answer.some && each.score >= MORE_SHARE * best.score)
      .slice(0, MAX_MORE)
      .map(hitOf),
  };
}

/** The app reads bodies for this many of the best hits per search, to name their section or show their line. */
export const SECTIONS_PER_SEARCH = 12;

/** The hits whose body is needed: among the first, those needing a snippet or whose title leaves words of the query unanswered. */
export function hitsNeedingBodies(query: string, hits: SearchHit[]): SearchHit[] {
  return hits.slice(0, SECTIONS_PER_SEARCH).filter((hit) => hit.needsSnippet || !titleAnswersQuery(query, hit.summary.title, hit.terms, namesOf(hit)));
}

/** Names the section a hit matched in (and further ones), with the matching line as its snippet, read from its body. */
export function fillFromBody(query: string, hit: SearchHit, body: string): void {
  const { section, moreSections } = matchSections(query, hit.summary.title, body, hit.terms, namesOf(hit));
  hit.section = section;
  hit.moreSections = moreSections;
  if (section) hit.snippet = section.snippet;
  else if (hit.needsSnippet) hit.snippet = snippetOf(body, hit.terms);
}

/** What else names a hit's runbook besides its title. */
function namesOf(hit: SearchHit): readonly string[] {
  return hit.summary.alerts?.length ? [...hit.summary.aliases, ...hit.summary.alerts] : hit.summary.aliases;
}
