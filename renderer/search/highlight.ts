export interface TextPart {
  text: string;
  match: boolean;
}

/** Splits `text` into plain and matching parts for every occurrence of any term (case-insensitive). */
export function highlightParts(text: string, terms: string[]): TextPart[] {
  const words = [...new Set(terms.map((term) => term.trim().toLowerCase()).filter((term) => term.length > 1))];
  if (!words.length) return [{ text, match: false }];
  const pattern = new RegExp(words.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'gi');
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: match[0], match: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
