// Inline links found by a linear scan. A regular expression such as /\[([^\]]*)\]\([^)]*\)/ scans
// to the end of the text from every `[` that never closes, which is quadratic on a hostile file.

export interface InlineLink {
  /** Where the link starts (its `!` for an image) and ends, as string offsets. */
  start: number;
  end: number;
  text: string;
  href: string;
}

/**
 * `[text](href)` links, or only images (`![alt](src)`) when `imagesOnly`, in order, never
 * overlapping. For each position the next `]` and `)` are known in advance, so a bracket that
 * never closes costs one lookup, not a scan.
 */
export function inlineLinks(markdown: string, imagesOnly = false): InlineLink[] {
  // Most text has no link at all: one native search says so without building the tables.
  if (!markdown.includes('](')) return [];
  const length = markdown.length;
  const nextBracket = new Int32Array(length + 2).fill(length);
  const nextParen = new Int32Array(length + 2).fill(length);
  for (let index = length - 1; index >= 0; index--) {
    nextBracket[index] = markdown[index] === ']' ? index : nextBracket[index + 1];
    nextParen[index] = markdown[index] === ')' ? index : nextParen[index + 1];
  }
  const links: InlineLink[] = [];
  let index = 0;
  while (index < length) {
    const image = index > 0 && markdown[index - 1] === '!';
    if (markdown[index] !== '[' || (imagesOnly && !image)) {
      index++;
      continue;
    }
    const close = nextBracket[index + 1];
    const paren = close < length && markdown[close + 1] === '(' ? nextParen[close + 2] : length;
    if (paren >= length) {
      index++;
      continue;
    }
    links.push({ start: image ? index - 1 : index, end: paren + 1, text: markdown.slice(index + 1, close), href: markdown.slice(close + 2, paren).trim() });
    index = paren + 1;
  }
  return links;
}
