import { codeBlocks, findHeadings, plainText, topLevelListItems } from './markdown-blocks';
import type { RunbookStep } from './model';

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
}

export interface RunbookStructure {
  title?: string;
  /** Markdown before the first section. */
  intro: string;
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
    };
  });
  return {
    title: titleHeading?.text,
    intro: lines.slice(0, introEnd).filter((_, index) => index !== titleHeading?.line).join('\n').trim(),
    sections,
  };
}

/** Guided-mode steps: sub-headings or a numbered list of a Steps section, else the foreign sections. */
export function extractSteps(structure: RunbookStructure): RunbookStep[] {
  const stepSections = structure.sections.filter((section) => section.kind === 'steps');
  if (stepSections.length) return stepSections.flatMap((section) => stepsOfSection(section.content));
  const foreign = structure.sections.filter((section) => section.kind === 'other' || section.kind === 'rollback');
  if (foreign.some((section) => section.kind === 'other')) {
    return numbered(foreign.filter((section) => section.kind === 'other').map((section) => ({ title: section.heading, body: section.content })));
  }
  return stepsFromList(structure.intro);
}

/** The outermost heading level present; a loop, since spreading 100,000 headings into Math.min overflows. */
function lowestLevel(headings: { level: number }[]): number {
  return headings.reduce((lowest, heading) => Math.min(lowest, heading.level), headings.length ? 6 : 0);
}

function stepsOfSection(content: string): RunbookStep[] {
  const lines = content.split(/\r?\n/);
  const headings = findHeadings(lines);
  if (headings.length) {
    const level = lowestLevel(headings);
    const tops = headings.filter((heading) => heading.level === level);
    return numbered(
      tops.map((heading, index) => ({
        title: heading.text.replace(/^step\s*\d+\s*[:.)-]\s*/i, '').trim() || heading.text,
        body: lines.slice(heading.line + 1, index + 1 < tops.length ? tops[index + 1].line : lines.length).join('\n').trim(),
      })),
    );
  }
  return stepsFromList(content);
}

function stepsFromList(content: string): RunbookStep[] {
  const items = topLevelListItems(content).filter((item) => item.ordered);
  return numbered(items.map((item) => ({ title: firstSentence(item.text), body: item.markdown })));
}

function numbered(steps: { title: string; body: string }[]): RunbookStep[] {
  return steps.map((step, index) => ({ index: index + 1, title: plainText(step.title), body: step.body, commands: codeBlocks(step.body) }));
}

function firstSentence(text: string): string {
  const colon = text.indexOf(':');
  const cut = colon > 8 && colon < 80 ? text.slice(0, colon) : text;
  return cut.length > 100 ? `${cut.slice(0, 97)}...` : cut;
}
