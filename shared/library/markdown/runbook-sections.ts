import { fencedLines, findHeadings, topLevelListItems } from './markdown-blocks';
import { plainText } from './plain-text';
import type { RunbookStep } from '../../model';

export type SectionKind =
  | 'purpose'
  | 'prerequisites'
  | 'steps'
  | 'verification'
  | 'rollback'
  | 'troubleshooting'
  | 'related'
  | 'changelog'
  | 'other';

export interface Section {
  heading: string;
  kind: SectionKind;
  level: number;
  /** Markdown under the heading, up to the next heading of the same or a higher level. */
  content: string;
  /** The body lines of that content: from the line after the heading to `to` (exclusive). */
  from: number;
  to: number;
}

export interface RunbookStructure {
  title?: string;
  /** Markdown before the first section. */
  intro: string;
  /** The body's lines, with the title's line blanked (so line numbers stay those of the body). */
  lines: string[];
  introEnd: number;
  sections: Section[];
}

const KINDS: [SectionKind, RegExp][] = [
  ['purpose', /^(purpose|overview|meaning|summary|description|about|when to use)\b/],
  ['prerequisites', /^(prerequisites?|requirements|before you (start|begin))\b/],
  ['steps', /^(steps|procedure|instructions|runbook steps|how to)\b/],
  ['verification', /^(verification|verify|validation|checks?)\b/],
  ['rollback', /^(rollback|roll back|undo|back out)\b/],
  ['troubleshooting', /^(troubleshooting|(common|known) (issues|problems))\b/],
  ['related', /^(related|see also|references|related procedures|related runbooks)\b/],
  ['changelog', /^(changelog|change log|history|revision history|last updated)\b/],
];

export function sectionKind(heading: string): SectionKind {
  const normalized = heading
    .toLowerCase()
    .replace(/^[^a-z]+/, '')
    .trim();
  return KINDS.find(([, pattern]) => pattern.test(normalized))?.[0] ?? 'other';
}

/** Splits a runbook body into its title, intro and top-level sections. */
export function splitSections(body: string): RunbookStructure {
  const lines = body.split(/\r?\n/);
  const headings = findHeadings(lines);
  const titleHeading = headings.find((heading) => heading.level === 1);
  const rest = headings.filter((heading) => heading !== titleHeading);
  const level = lowestLevel(rest);
  const tops = rest.filter((heading) => heading.level === level);
  const introEnd = tops.length ? tops[0].line : lines.length;
  const sections = tops.map((heading, index) => {
    const end = index + 1 < tops.length ? tops[index + 1].line : lines.length;
    return {
      heading: heading.text,
      kind: sectionKind(heading.text),
      level,
      content: lines.slice(heading.line + 1, end).join('\n').trim(),
      from: heading.line + 1,
      to: end,
    };
  });
  const withoutTitle = titleHeading ? lines.map((line, index) => (index === titleHeading.line ? '' : line)) : lines;
  return {
    title: titleHeading?.text,
    intro: withoutTitle.slice(0, introEnd).join('\n').trim(),
    lines: withoutTitle,
    introEnd,
    sections,
  };
}

/** A step before it is numbered. */
export type StepOutline = Omit<RunbookStep, 'index'>;

/** Guided-mode steps: sub-headings or a numbered list of a Steps section, else the foreign sections. */
export function extractSteps(structure: RunbookStructure): RunbookStep[] {
  const { lines } = structure;
  const stepSections = structure.sections.filter((section) => section.kind === 'steps');
  if (stepSections.length) return numbered(stepSections.flatMap((section) => stepsOfSection(lines, section.from, section.to)));
  const foreign = structure.sections.filter((section) => section.kind === 'other');
  if (foreign.length) return numbered(foreign.map((section) => ({ title: section.heading, fromLine: section.from, toLine: section.to, listItem: false })));
  return numbered(stepsFromList(lines, 0, structure.introEnd));
}

/** The outermost heading level present; a loop, since spreading 100,000 headings into Math.min overflows. */
function lowestLevel(headings: { level: number }[]): number {
  return headings.reduce((lowest, heading) => Math.min(lowest, heading.level), headings.length ? 6 : 0);
}

/** The steps of a Steps section (body lines `from` to `to`): its sub-headings, else its numbered list. */
export function stepsOfSection(lines: string[], from: number, to: number): StepOutline[] {
  const headings = findHeadings(lines.slice(from, to));
  if (headings.length) {
    const level = lowestLevel(headings);
    const tops = headings.filter((heading) => heading.level === level);
    return tops.map((heading, index) => ({
      title: heading.text.replace(/^step\s*\d+\s*[:.)-]\s*/i, '').trim() || heading.text,
      fromLine: from + heading.line + 1,
      toLine: index + 1 < tops.length ? from + tops[index + 1].line : to,
      listItem: false,
    }));
  }
  return stepsFromList(lines, from, to);
}

function stepsFromList(lines: string[], from: number, to: number): StepOutline[] {
  const items = topLevelListItems(lines.slice(from, to).join('\n')).filter((item) => item.ordered);
  return items.map((item) => ({ title: firstSentence(item.text), fromLine: from + item.line, toLine: from + item.endLine, listItem: true }));
}

/** Numbers steps from 1 and makes their titles plain text. */
export function numbered(steps: StepOutline[]): RunbookStep[] {
  return steps.map((step, index) => ({ ...step, index: index + 1, title: plainText(step.title) }));
}

/** A list item's title: up to an early colon, at most 100 characters. */
export function firstSentence(text: string): string {
  const colon = text.indexOf(':');
  const cut = colon > 8 && colon < 80 ? text.slice(0, colon) : text;
  return cut.length > 100 ? `${cut.slice(0, 97)}...` : cut;
}

/** What the run shows a responder when a step fails: the Troubleshooting entry for it, or the whole section. */
export interface TroubleshootingHelp {
  /** The section's heading as the runbook writes it ("Troubleshooting", "Known issues"…). */
  heading: string;
  /** Markdown: the entry that shares the most words with the step, or the whole section when none does. */
  markdown: string;
  /** Whether an entry matched; when false, `markdown` is the whole section. */
  matched: boolean;
  /** The whole section, to offer beside a matched entry. */
  section: string;
  entries: number;
}

/**
 * The Troubleshooting (or "Common issues", "Known issues") help for a step, by the words it shares
 * with `clues` (the step's title, its commands, what the responder said failed). Undefined when the
 * runbook has no such section. Every scan is linear: the body is outside content.
 */
export function troubleshootingFor(body: string, clues: string[]): TroubleshootingHelp | undefined {
  const sections = splitSections(body).sections.filter((section) => section.kind === 'troubleshooting' && section.content);
  if (!sections.length) return undefined;
  const section = sections.map((found) => found.content).join('\n\n');
  const entries = sections.flatMap((found) => troubleshootingEntries(found.content));
  const wanted = significantWords(clues.join(' '));
  let best: { entry: string; score: number } | undefined;
  for (const entry of entries) {
    let score = 0;
    for (const word of significantWords(entry)) if (wanted.has(word)) score++;
    if (score > 0 && (!best || score > best.score)) best = { entry, score };
  }
  return {
    heading: sections[0].heading,
    markdown: best?.entry ?? section,
    matched: !!best,
    section,
    entries: entries.length,
  };
}

/**
 * The entries of a Troubleshooting section: its sub-headings, else its list items, else its
 * paragraphs, where a line opening in bold (`**Workflow failed.** …`) starts an entry of its own
 * even without a blank line before it. Fenced code stays whole inside its entry.
 */
export function troubleshootingEntries(content: string): string[] {
  const lines = content.split(/\r?\n/);
  const headings = findHeadings(lines);
  if (headings.length) {
    const level = headings.reduce((lowest, heading) => Math.min(lowest, heading.level), 6);
    const starts = headings.filter((heading) => heading.level === level).map((heading) => heading.line);
    return blocksFrom(lines, starts[0] > 0 ? [0, ...starts] : starts);
  }
  const items = topLevelListItems(content);
  if (items.length) return blocksFrom(lines, items.map((item) => item.line));
  const fenced = fencedLines(lines);
  const starts: number[] = [];
  let previousBlank = true;
  lines.forEach((line, index) => {
    const blank = line.trim() === '';
    if (!fenced[index] && !blank && (previousBlank || line.trimStart().startsWith('**'))) starts.push(index);
    if (!fenced[index]) previousBlank = blank;
  });
  return blocksFrom(lines, starts);
}

/** The lines from each start up to the next, trimmed; empty blocks dropped. */
function blocksFrom(lines: string[], starts: number[]): string[] {
  return starts
    .map((start, index) => lines.slice(start, starts[index + 1] ?? lines.length).join('\n').trim())
    .filter((block) => block !== '');
}

/** Words too common in runbooks to say two texts are about the same thing. */
const COMMON_WORDS = new Set(
  'the and for with not are was were you your this that then than from into out its has have had but can cannot all any one two see use run get set via when what why how who check step'.split(' '),
);

/** The words of a text that say what it is about: lower case, three letters or more, a plural's `s` dropped. */
function significantWords(text: string): Set<string> {
  const words = new Set<string>();
  let word = '';
  const flush = () => {
    if (word.length >= 3 && !COMMON_WORDS.has(word)) words.add(word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
    word = '';
  };
  for (const char of text.toLowerCase()) {
    if ((char >= 'a' && char <= 'z') || (char >= '0' && char <= '9') || char > '\u00bf') word += char;
    else flush();
  }
  flush();
  return words;
}
