import { sectionOutline, type OutlineSection } from '../library/markdown/section-outline';
import { isDestructive, namesDestructiveAction } from './destructive';
import { queryWords, STOP_WORDS } from './query-expansion';
import type { SectionHit } from './search-engine';
import { snippetOf } from './snippet';
import { processTerm, tokenize } from './terms';

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

function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of tokenize(text.slice(0, MAX_SECTION_CHARS))) {
    const processed = processTerm(token);
    for (const word of Array.isArray(processed) ? processed : [processed]) words.add(word);
  }
  return words;
}

/** A word typed counts fully; an equivalent or a correction the index matched, half. */
type Weights = Map<string, number>;
const scoreOf = (words: Set<string>, weights: Weights) => {
  let score = 0;
  for (const [term, weight] of weights) if (words.has(term)) score += weight;
  return score;
};

/** The line of a section holding the most of the matched words, as the snippet shows it. */
function bestLine(own: string, weights: Weights): string | undefined {
  let best: { line: string; score: number } | undefined;
  for (const line of own.slice(0, MAX_SECTION_CHARS).split('\n')) {
    const score = scoreOf(wordsOf(line), weights);
    if (score > 0 && (!best || score > best.score)) best = { line, score };
  }
  return best && snippetOf(best.line, [...weights.keys()]);
}

/**
 * The best matching section of `body` for a query and the words the index matched (lower case),
 * and up to two more that matched nearly as well. A section is named only when its headings match
 * the query better than the runbook's title does (or the title not at all): a one-procedure
 * runbook found by its name is shown as the runbook.
 */
export function matchSections(query: string, title: string, body: string, terms: string[]): SectionMatches {
  const typed = queryWords(query);
  const weights: Weights = new Map(typed.filter((word) => !STOP_WORDS.has(word)).map((word) => [word, 1]));
  for (const term of terms.map((each) => each.toLowerCase())) if (!weights.has(term) && !STOP_WORDS.has(term)) weights.set(term, 0.5);
  const outline = sectionOutline(body);
  if (!outline.length || !weights.size) return { moreSections: [] };
  const destructiveAsked = namesDestructiveAction(typed);
  const lines = body.split(/\r?\n/);
  const titleWords = wordsOf(title);
  const titleScore = scoreOf(titleWords, weights);
  const scored = outline.map((section, index) => {
    const own = lines.slice(section.from, outline[index + 1]?.line ?? lines.length).join('\n');
    const heading = OWN_HEADING * scoreOf(wordsOf(section.heading), weights) + PARENT_HEADING * scoreOf(wordsOf(section.parents.join(' ')), weights);
    let score = heading + TEXT * scoreOf(wordsOf(own), weights);
    if (!destructiveAsked && isDestructive(section.heading)) score *= DESTRUCTIVE_WEIGHT;
    return { section, own, heading: heading / OWN_HEADING, score };
  });
  // The title holds none of the words typed (an "Operations Runbook"), or a section's headings hold more of
  // them, or the title leaves words unanswered that a section answers well.
  const titleAnswers = typed.some((word) => titleWords.has(word));
  const titleAnswersAll = typed.every((word) => STOP_WORDS.has(word) || titleWords.has(word));
  const named = (each: { heading: number; score: number }) => !titleAnswers || each.heading > titleScore || (!titleAnswersAll && each.score >= 2 * titleScore);
  const ranked = scored.filter((each) => each.score >= MIN_SECTION_SCORE && named(each)).sort((a, b) => b.score - a.score || a.section.line - b.section.line);
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
    moreSections: rest
      .filter((each) => each.score >= MORE_SHARE * best.score)
      .slice(0, MAX_MORE)
      .map(hitOf),
  };
}
