export interface WordRange {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Where the terms occur in `text`, case-insensitively, each widened to the whole word it sits in
 * (a match is never shown cut mid-word), merged and in order. Terms of one letter are ignored.
 */
export function matchedWordRanges(text: string, terms: string[]): WordRange[] {
  const lower = text.toLowerCase();
  const ranges: WordRange[] = [];
  for (const term of new Set(terms.map((each) => each.trim().toLowerCase()).filter((each) => each.length > 1))) {
    // The search goes on after the widened word, so a long word full of matches is walked once.
    let from = 0;
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, from)) {
      let start = at;
      let end = at + term.length;
      while (start > from && WORD_CHAR.test(text[start - 1])) start--;
      while (end < text.length && WORD_CHAR.test(text[end])) end++;
      ranges.push({ start, end });
      from = end;
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: WordRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
