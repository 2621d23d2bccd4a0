import { matchedWordRanges } from '../../shared/search/word-ranges';

export interface TextPart {
  text: string;
  match: boolean;
}

/** Splits `text` into plain and matching parts: every whole word holding one of the terms. */
export function highlightParts(text: string, terms: string[]): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const { start, end } of matchedWordRanges(text, terms)) {
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    last = end;
  }
  if (last < text.length || !parts.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
