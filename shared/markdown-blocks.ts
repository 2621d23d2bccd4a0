// A small line scanner for the structure we need from Markdown (headings, fences, list items).
// Rendering is react-markdown's job; this only finds sections, steps and commands.

export interface Heading {
  level: number;
  text: string;
  line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;

/** Marks, for each line, whether it sits inside a fenced code block (fence lines included). */
export function fencedLines(lines: string[]): boolean[] {
  const inside: boolean[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const match = FENCE.exec(line);
    if (fence === null && match) {
      fence = match[1];
      inside.push(true);
    } else if (fence !== null) {
      inside.push(true);
      if (match && match[1][0] === fence[0] && match[1].length >= fence.length && line.trim() === match[1]) fence = null;
    } else {
      inside.push(false);
    }
  }
  return inside;
}

export function findHeadings(lines: string[]): Heading[] {
  const fenced = fencedLines(lines);
  const headings: Heading[] = [];
  lines.forEach((line, index) => {
    if (fenced[index]) return;
    const match = HEADING.exec(line);
    if (match) headings.push({ level: match[1].length, text: plainText(match[2]), line: index });
  });
  return headings;
}

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

/** Strips inline Markdown (emphasis, code, links) from a heading or list item. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ListItem {
  text: string;
  checked: boolean | null;
  ordered: boolean;
  /** The item's first line and its continuation lines, as Markdown. */
  markdown: string;
}

const ITEM = /^(\d+[.)]|[-*+])[ \t]+(\[[ xX]\][ \t]+)?(.*)$/;

/** Top-level list items (not nested ones) of a Markdown fragment, outside fences. */
export function topLevelListItems(markdown: string): ListItem[] {
  const lines = markdown.split(/\r?\n/);
  const fenced = fencedLines(lines);
  const items: ListItem[] = [];
  let current: { item: ListItem; lines: string[] } | null = null;
  const flush = () => {
    if (current) items.push({ ...current.item, markdown: current.lines.join('\n').trim() });
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
        },
        lines: [match[3]],
      };
    } else if (current && (line.startsWith(' ') || line.startsWith('\t') || fenced[index] || line.trim() === '')) {
      current.lines.push(line.replace(/^( {1,4}|\t)/, ''));
    } else if (line.trim() !== '') {
      flush();
    }
  });
  flush();
  return items;
}
