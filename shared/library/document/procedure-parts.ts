// The steps of one section's own body (the lines before its first sub-heading): its numbered
// list items, its checklist items and the numbered comments of its code blocks, in the order
// they stand, sorted by the bold labels above them (`**Steps**:`, `**Rollback Procedure**:`).
// Linear scans only: the body is outside content.
import { topLevelListItems, type CodeFence } from '../markdown/markdown-blocks';
import { firstSentence, sectionKind, type StepOutline } from '../markdown/runbook-sections';
import { numberedComment } from './numbered-comment';

export interface ProcedureParts {
  steps: StepOutline[];
  verification: string[];
}

/** A part of a body under a rollback label: a procedure of its own, named by the label. */
export interface LabelledParts extends ProcedureParts {
  label: string;
  line: number;
}

export interface BodyParts {
  main: ProcedureParts;
  rollbacks: LabelledParts[];
}

type Entry =
  | { kind: 'label'; line: number; text: string }
  | { kind: 'action' | 'check'; line: number; step: StepOutline; text: string };

/** Markdown fences whose content is a document of its own, read apart (procedures.ts). */
export const MARKDOWN_INFO = new Set(['markdown', 'md']);

/** The steps, checks and rollback parts of the body lines `from` to `to` (exclusive). */
export function procedureParts(lines: string[], fences: readonly CodeFence[], from: number, to: number): BodyParts {
  const entries: Entry[] = [];
  const items = topLevelListItems(lines.slice(from, to).join('\n'));
  const inItem: [number, number][] = items.map((item) => [from + item.line, from + item.endLine]);
  for (const item of items) {
    if (isLinkOnly(item.markdown)) continue;
    const step: StepOutline = { title: itemTitle(item.markdown, item.text), fromLine: from + item.line, toLine: from + item.endLine, listItem: true };
    if (item.ordered) entries.push({ kind: 'action', line: step.fromLine, step, text: item.text });
    else if (item.checked !== null) entries.push({ kind: 'check', line: step.fromLine, step, text: item.text });
  }
  // Fences are in order and apart: a label is looked for only in the gaps between them.
  const inRange: CodeFence[] = [];
  let item = 0;
  for (let index = firstFenceFrom(fences, from); index < fences.length && fences[index].open < to; index++) {
    const fence = fences[index];
    inRange.push(fence);
    while (item < inItem.length && inItem[item][1] <= fence.open) item++;
    const insideItem = item < inItem.length && inItem[item][0] <= fence.open;
    if (MARKDOWN_INFO.has(fence.info) || insideItem) continue;
    entries.push(...commentSteps(lines, fence));
  }
  item = 0;
  let fence = 0;
  for (let line = from; line < to; line++) {
    while (fence < inRange.length && inRange[fence].close < line) fence++;
    if (fence < inRange.length && inRange[fence].open <= line) continue;
    while (item < inItem.length && inItem[item][1] <= line) item++;
    if (item < inItem.length && inItem[item][0] <= line) continue;
    const label = boldLabel(lines[line]);
    if (label) entries.push({ kind: 'label', line, text: label });
  }
  entries.sort((a, b) => a.line - b.line);
  return assemble(entries);
}

/** Steps from the numbered comments of a code block (`# 1. Create backup`): each holds the lines up to the next. */
function commentSteps(lines: string[], fence: CodeFence): Entry[] {
  const found: { line: number; title: string }[] = [];
  for (let line = fence.open + 1; line < fence.close; line++) {
    const title = numberedComment(lines[line]);
    if (title !== undefined) found.push({ line, title: firstSentence(title) });
  }
  return found.map(({ line, title }, index) => {
    const step: StepOutline = {
      title,
      fromLine: line + 1,
      toLine: index + 1 < found.length ? found[index + 1].line : fence.close,
      listItem: false,
      code: { language: fence.info },
    };
    return { kind: 'action', line, step, text: title };
  });
}

type LabelKind = 'steps' | 'rollback' | 'verification' | 'skip';

/** What a bold label says about the lists under it. */
function labelKind(label: string): LabelKind {
  const kind = sectionKind(label);
  if (kind === 'rollback') return 'rollback';
  const lower = label.toLowerCase();
  if (kind === 'verification' || lower.startsWith('post-') || lower.startsWith('post ')) return 'verification';
  if (kind === 'prerequisites' || isNeverProcedure(label) || /^(symptoms?|when to|scenario|causes?|root cause|likely causes?|impact)\b/.test(lower)) return 'skip';
  return 'steps';
}

function assemble(entries: Entry[]): BodyParts {
  const main: ProcedureParts = { steps: [], verification: [] };
  const rollbacks: LabelledParts[] = [];
  let current: ProcedureParts = main;
  let kind: LabelKind = 'steps';
  const acted = new Set<ProcedureParts>();
  for (const entry of entries) {
    if (entry.kind === 'label') {
      kind = labelKind(entry.text);
      if (kind === 'rollback') {
        const part: LabelledParts = { label: entry.text, line: entry.line, steps: [], verification: [] };
        rollbacks.push(part);
        current = part;
      } else if (kind !== 'verification') {
        current = main;
      }
      continue;
    }
    if (kind === 'skip') continue;
    // A checklist after the steps, or anything under a Verification label, is what to check at the end.
    if (kind === 'verification' || (entry.kind === 'check' && acted.has(current))) current.verification.push(entry.text);
    else {
      current.steps.push(entry.step);
      if (entry.kind === 'action') acted.add(current);
    }
  }
  return { main, rollbacks: rollbacks.filter((part) => part.steps.length > 0) };
}

/** Sections that are never procedures, whatever lists they hold; nor are the sections under them. */
const NOT_PROCEDURES = /^(table of contents|contents|toc|overview|summary|introduction|about|background|purpose|references?|reference documents|resources|related|see also|links|further reading|change ?log|version history|revision history|history|contacts?|contact information|costs?|cost analysis|budget|files|glossary|appendix|next steps|success criteria|metrics|statistics|faq)\b/;

/** A heading or label that names a part that is never a procedure (a table of contents, references, next steps…). */
export function isNeverProcedure(heading: string): boolean {
  let at = 0;
  while (at < heading.length && !isAsciiLetter(heading[at])) at++;
  return NOT_PROCEDURES.test(heading.slice(at, at + 40).toLowerCase());
}

export function isAsciiLetter(char: string): boolean {
  const lower = char.toLowerCase();
  return lower >= 'a' && lower <= 'z';
}

/** A list item that opens in bold (`**Isolate** - take the hosts off`) is named by its bold words; any other by its first sentence. */
function itemTitle(markdown: string, text: string): string {
  if (markdown.startsWith('**')) {
    const close = markdown.indexOf('**', 2);
    const bold = close > 2 ? markdown.slice(2, close).trim() : '';
    const words = bold.endsWith(':') ? bold.slice(0, -1).trim() : bold;
    if (words && close < 120 && !words.includes('\n')) return words;
  }
  return firstSentence(text);
}

/** `**Steps**:` or `**Rollback Procedure:**` alone on its line: the label's words, else undefined. */
export function boldLabel(line: string): string | undefined {
  const text = line.trim();
  if (text.length < 6 || text.length > 120 || !text.startsWith('**') || !(text.endsWith('**:') || text.endsWith(':**'))) return undefined;
  const inner = text.slice(2, -3).trim();
  const words = inner.endsWith(':') ? inner.slice(0, -1).trim() : inner;
  return words && !words.includes('**') ? words : undefined;
}

/** A list item that is only a link (a table of contents, a list of references): never a step. */
function isLinkOnly(markdown: string): boolean {
  const text = markdown.trim();
  return text.startsWith('[') && text.endsWith(')') && !text.includes('\n') && text.indexOf('](') > 0 && text.indexOf('](') === text.lastIndexOf('](');
}

/** The index of the first fence opening at or after `line` (fences are in order): a binary search, so each section costs only its own fences. */
export function firstFenceFrom(fences: readonly CodeFence[], line: number): number {
  let low = 0;
  let high = fences.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (fences[middle].open < line) low = middle + 1;
    else high = middle;
  }
  return low;
}
