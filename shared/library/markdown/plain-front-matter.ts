/**
 * Front matter as most runbooks write it, read without the YAML parser: one `key: value` line per
 * key, where each value is a plain word-like string, a date, a quoted string without escapes, or a
 * flow list of plain words (`tags: [db, failover]`). `yaml` took about 0.15 ms a file, most of a
 * first sync's front matter time at thousands of runbooks; this linear scan takes a fraction.
 *
 * It reads only what it is sure YAML reads the same way (test/unit/shared/plain-front-matter.test.ts
 * holds it to `yaml` on generated and pathological text): anything else (comments, nesting, block
 * scalars, escapes, anchors, booleans, numbers, null, a repeated key) returns undefined, and the
 * caller parses the text with `yaml` as before.
 */
export function readPlainFrontMatter(text: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // `\r\n` ends a line; a lone `\r` does not, to YAML, and is left to it.
    const lineEnd = end < text.length && end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
    if (lineEnd > start && !readLine(text, start, lineEnd, data)) return undefined;
    start = end + 1;
  }
  return data;
}

const CR = 13;
const MAX_KEY = 128;
const SPACE = 32;
/** Words YAML's core schema reads as booleans or null, not strings. */
const NOT_STRINGS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);

/** One `key: value` line into `data`; false when the line is anything else. */
function readLine(text: string, start: number, end: number, data: Record<string, unknown>): boolean {
  let at = start;
  if (!isLetter(text.charCodeAt(at))) return false;
  while (at < end && isKeyChar(text.charCodeAt(at))) at++;
  // YAML refuses an implicit key over 1024 characters; no real key comes near this.
  if (at - start > MAX_KEY) return false;
  if (text.charCodeAt(at) !== 58 /* : */ || text.charCodeAt(at + 1) !== SPACE) return false;
  const key = text.slice(start, at);
  // `True: x` is the key true to YAML, written "true".
  if (NOT_STRINGS.has(key) || Object.prototype.hasOwnProperty.call(data, key)) return false;
  let from = at + 2;
  while (from < end && text.charCodeAt(from) === SPACE) from++;
  let to = end;
  while (to > from && text.charCodeAt(to - 1) === SPACE) to--;
  if (from === to) return false;
  const value = readValue(text, from, to);
  if (value === undefined) return false;
  data[key] = value;
  return true;
}

function readValue(text: string, from: number, to: number): unknown {
  const first = text.charCodeAt(from);
  if (first === 91 /* [ */) return readFlowList(text, from + 1, to);
  if (first === 39 /* ' */ || first === 34 /* " */) return readQuoted(text, from, to, first);
  if (isDigit(first)) return isDate(text, from, to) ? text.slice(from, to) : undefined;
  return readWords(text, from, to, false);
}

/** A plain scalar that starts with a letter and holds only characters with no meaning to YAML there. */
function readWords(text: string, from: number, to: number, inList: boolean): string | undefined {
  if (from >= to || !isLetter(text.charCodeAt(from))) return undefined;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (!isWordChar(code) || (inList && code === 44 /* , */)) return undefined;
  }
  const words = text.slice(from, to);
  return NOT_STRINGS.has(words) ? undefined : words;
}

/** `[a, b c, d]`: plain words separated by commas; `[]` is an empty list. */
function readFlowList(text: string, from: number, to: number): string[] | undefined {
  if (text.charCodeAt(to - 1) !== 93 /* ] */) return undefined;
  const close = to - 1;
  const items: string[] = [];
  let itemStart = from;
  for (let at = from; at <= close; at++) {
    if (at < close && text.charCodeAt(at) !== 44 /* , */) continue;
    let a = itemStart;
    let b = at;
    while (a < b && text.charCodeAt(a) === SPACE) a++;
    while (b > a && text.charCodeAt(b - 1) === SPACE) b--;
    if (a === b && at === close && items.length === 0 && itemStart === from) return items;
    const item = readWords(text, a, b, true);
    if (item === undefined) return undefined;
    items.push(item);
    itemStart = at + 1;
  }
  return items;
}

/** `'…'` or `"…"` with no quote, backslash or other special character inside. */
function readQuoted(text: string, from: number, to: number, quote: number): string | undefined {
  if (to - from < 2 || text.charCodeAt(to - 1) !== quote) return undefined;
  for (let at = from + 1; at < to - 1; at++) {
    const code = text.charCodeAt(at);
    if (code === quote || code === 92 /* \ */ || !(isWordChar(code) || code === 58 /* : */ || code === 35 /* # */)) return undefined;
  }
  return text.slice(from + 1, to - 1);
}

/** `2025-11-04`: YAML 1.2's core schema keeps it a string. */
function isDate(text: string, from: number, to: number): boolean {
  if (to - from !== 10) return false;
  for (let at = 0; at < 10; at++) {
    const code = text.charCodeAt(from + at);
    if (at === 4 || at === 7 ? code !== 45 /* - */ : !isDigit(code)) return false;
  }
  return true;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isKeyChar = (code: number) => isLetter(code) || isDigit(code) || code === 95 /* _ */ || code === 45; /* - */

/**
 * Letters, digits, spaces, a few punctuation marks that mean nothing inside a plain scalar, and
 * characters past Latin-1's controls (not the byte order mark, line separators or surrogates).
 */
function isWordChar(code: number): boolean {
  if (isLetter(code) || isDigit(code) || code === SPACE) return true;
  if (code >= 0xa0) return code !== 0xfeff && code !== 0x2028 && code !== 0x2029 && (code < 0xd800 || code > 0xdfff) && code < 0xfffe;
  // - _ . / ( ) ' + , @ & !
  return code === 45 || code === 95 || code === 46 || code === 47 || code === 40 || code === 41 || code === 39 || code === 43 || code === 44 || code === 64 || code === 38 || code === 33;
}
