import { plainText } from '../library/markdown/plain-text';
import { matchedWordRanges } from './word-ranges';

const MAX_LINES = 2_000;
const MAX_LINE_CHARS = 4_000;

/**
 * The first line of `markdown` holding a whole word that matched, as plain text, cut to about
 * `width` characters around the match: what a result that matched only in its body shows.
 */
export function snippetOf(markdown: string, terms: string[], width = 140): string | undefined {
  const lines = markdown.split('\n', MAX_LINES);
  for (const raw of lines) {
    const line = plainText(raw.slice(0, MAX_LINE_CHARS).replace(/^\s*(?:[-*+>]|\d+[.)]|#{1,6})\s+/, ''));
    const [first] = matchedWordRanges(line, terms);
    if (!first) continue;
    if (line.length <= width) return line;
    const start = Math.max(0, Math.min(first.start - Math.floor(width / 3), line.length - width));
    return `${start > 0 ? '…' : ''}${line.slice(start, start + width).trim()}${start + width < line.length ? '…' : ''}`;
  }
  return undefined;
}
