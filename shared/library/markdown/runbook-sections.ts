import { findHeadings, topLevelListItems } from './markdown-blocks';
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
  ['troubleshooting', /^(troubleshooting|common (issues|problems))\b/],
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

type StepOutline = Omit<RunbookStep, 'index'>;

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

function stepsOfSection(lines: string[], from: number, to: number): StepOutline[] {
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

function numbered(steps: StepOutline[]): RunbookStep[] {
  return steps.map((step, index) => ({ ...step, index: index + 1, title: plainText(step.title) }));
}

function firstSentence(text: string): string {
  const colon = text.indexOf(':');
  const cut = colon > 8 && colon < 80 ? text.slice(0, colon) : text;
  return cut.length > 100 ? `${cut.slice(0, 97)}...` : cut;
}
