// A small line scanner for the structure we need from Markdown (headings, fences, list items).
// Rendering is react-markdown's job; this only finds sections, steps and commands.
// Every scan here is linear: this runs over outside content (docs/architecture.md, "Hostile content").
import { plainText } from './plain-text';

export interface Heading {
  level: number;
  text: string;
  line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Marks, for each line, whether it sits inside a fenced code block (fence lines included). */
export function fencedLines(lines: string[]): boolean[] {
  const inside = new Array<boolean>(lines.length).fill(false);
  for (const fence of codeFences(lines)) inside.fill(true, fence.open, fence.close + 1);
  return inside;
}

/** A fenced code block: its opening and closing fence lines (`close` is the last line when it never closes) and its info word. */
export interface CodeFence {
  open: number;
  close: number;
  /** The first word after the opening fence, lower case (`bash`, `markdown`); '' when none. */
  info: string;
}

/** Every fenced code block of the lines, in order: one pass. */
export function codeFences(lines: string[]): CodeFence[] {
  const fences: CodeFence[] = [];
  let fence: string | null = null;
  let current: CodeFence | undefined;
  lines.forEach((line, index) => {
    const match = FENCE.exec(line);
    if (fence === null && match) {
      fence = match[1];
      const rest = line.slice(line.indexOf(fence) + fence.length).trim();
      const space = rest.search(/[\s{]/);
      current = { open: index, close: lines.length - 1, info: (space < 0 ? rest : rest.slice(0, space)).toLowerCase() };
      fences.push(current);
    } else if (fence !== null && match && match[1][0] === fence[0] && match[1].length >= fence.length && line.trim() === match[1]) {
      if (current) current.close = index;
      fence = null;
    }
  });
  return fences;
}

export function findHeadings(lines: string[], fenced: boolean[] = fencedLines(lines)): Heading[] {
  const headings: Heading[] = [];
  lines.forEach((line, index) => {
    if (fenced[index]) return;
    const heading = atxHeading(line);
    if (heading) headings.push({ level: heading.level, text: plainText(heading.text), line: index });
  });
  return headings;
}

const isBlank = (char: string | undefined) => char === ' ' || char === '\t';

/**
 * An ATX heading (`## Text ##`), read by a linear scan: the obvious regular expression backtracks
 * quadratically on a long line of ` #`.
 */
export function atxHeading(line: string): { level: number; text: string } | undefined {
  let start = 0;
  while (start < 3 && line[start] === ' ') start++;
  let level = 0;
  while (line[start + level] === '#') level++;
  if (level < 1 || level > 6 || !isBlank(line[start + level])) return undefined;
  const from = start + level + 1;
  let end = line.length;
  while (end > from && isBlank(line[end - 1])) end--;
  // A closing run of `#` counts only after a blank (`C#` keeps its `#`) or when it is all there is.
  let hashes = end;
  while (hashes > from && line[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === from || isBlank(line[hashes - 1]))) {
    end = hashes;
    while (end > from && isBlank(line[end - 1])) end--;
  }
  return { level, text: line.slice(from, end).trimStart() };
}

/**
 * The body without its leading `# Title` line, which the page shows apart. Given the title shown,
 * a heading that says something else stays: under `title: Pod crash looping`, `# KubePodCrashLooping`
 * is the alert's name, and the page is where a responder looks for it.
 */
export function withoutTitleLine(body: string, shownTitle?: string): string {
  const heading = titleHeading(body);
  if (heading === undefined || (shownTitle !== undefined && !sameWords(heading, shownTitle))) return body;
  const lines = body.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== '');
  return lines.slice(first + 1).join('\n');
}

/** The text of the body's leading `# Heading`, if its first non-blank line is one (reads only that line). */
export function titleHeading(body: string): string | undefined {
  let start = 0;
  while (start < body.length) {
    const end = body.indexOf('\n', start);
    const line = body.slice(start, end === -1 ? body.length : end);
    if (line.trim()) {
      const heading = atxHeading(line.endsWith('\r') ? line.slice(0, -1) : line);
      return heading?.level === 1 ? heading.text : undefined;
    }
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

const sameWords = (a: string, b: string) => plainText(a).toLowerCase() === plainText(b).toLowerCase();

/** The contents of every fenced code block, in order. */
export function codeBlocks(markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: string[] = [];
  let fence: string | null = null;
  let current: string[] = [];
  for (const line of lines) {
    const match = FENCE.exec(line);
    if (fence === null && match) {
      fence = match[1];
      current = [];
    } else if (fence !== null && match && match[1][0] === fence[0] && match[1].length >= fence.length && line.trim() === match[1]) {
      blocks.push(current.join('\n'));
      fence = null;
    } else if (fence !== null) {
      current.push(line);
    }
  }
  return blocks.map((block) => block.trim()).filter(Boolean);
}

/** Inline code spans that look like commands (contain a space or a slash), outside fences. */
export function inlineCommands(markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  const fenced = fencedLines(lines);
  const found: string[] = [];
  lines.forEach((line, index) => {
    if (fenced[index]) return;
    for (const match of line.matchAll(/`([^`\n]+)`/g)) {
      const code = match[1].trim();
      if (/[ /]/.test(code) && code.length > 3) found.push(code);
    }
  });
  return found;
}

export interface ListItem {
  text: string;
  checked: boolean | null;
  ordered: boolean;
  /** The item's first line and its continuation lines, as Markdown. */
  markdown: string;
  /** Where the item is in the fragment: its first line, and the line after its last non-blank one. */
  line: number;
  endLine: number;
}

const ITEM = /^(\d+[.)]|[-*+])[ \t]+(\[[ xX]\][ \t]+)?(.*)$/;

/** Top-level list items (not nested ones) of a Markdown fragment, outside fences. */
export function topLevelListItems(markdown: string): ListItem[] {
  const lines = markdown.split(/\r?\n/);
  const fenced = fencedLines(lines);
  const items: ListItem[] = [];
  let current: { item: ListItem; lines: string[] } | null = null;
  let lastContent = 0;
  const flush = () => {
    if (current) items.push({ ...current.item, markdown: current.lines.join('\n').trim(), endLine: lastContent + 1 });
    current = null;
  };
  lines.forEach((line, index) => {
    const match = fenced[index] ? null : ITEM.exec(line);
    if (match) {
      flush();
      const checkbox = match[2]?.trim();
      current = {
        item: {
          text: plainText(match[3]),
          checked: checkbox ? checkbox.toLowerCase() === '[x]' : null,
          ordered: /\d/.test(match[1]),
          markdown: '',
          line: index,
          endLine: index + 1,
        },
        lines: [match[3]],
      };
      lastContent = index;
    } else if (current && (line.startsWith(' ') || line.startsWith('\t') || fenced[index] || line.trim() === '')) {
      current.lines.push(line.replace(/^( {1,4}|\t)/, ''));
      if (line.trim() !== '') lastContent = index;
    } else if (line.trim() !== '') {
      flush();
    }
  });
  flush();
  return items;
}
