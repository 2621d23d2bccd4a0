// How text becomes search terms, the same for the index and for queries.

/**
 * Splits on spaces and punctuation but keeps `_` and `-` inside a word, so `kube_pod-crash` stays
 * whole too: the words between runs of `[\n\r\p{Z}!-,./:-@[-^`{-~\p{Pi}\p{Pf}\p{Ps}\p{Pe}\p{Po}]`
 * (test/unit/shared/terms.test.ts holds it to that split). A scan with a table for ASCII: the
 * regular expression's split was a quarter of the index's count (5 million words at 5,000 runbooks).
 */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    let width = 1;
    let separator: boolean;
    if (code < 128) separator = ASCII_SEPARATOR[code] === 1;
    else if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      separator = isOtherSeparator(text.codePointAt(at) as number);
    } else separator = isOtherSeparator(code);
    if (separator) {
      if (start >= 0) words.push(text.slice(start, at));
      start = -1;
    } else if (start < 0) start = at;
    at += width - 1;
  }
  if (start >= 0) words.push(text.slice(start));
  return words;
}

/** 1 for the ASCII separators: line ends, space, and the punctuation and symbols other than `-` and `_`. */
const ASCII_SEPARATOR = new Uint8Array(128);
for (const [from, to] of [[10, 10], [13, 13], [32, 44], [46, 47], [58, 64], [91, 94], [96, 96], [123, 126]]) ASCII_SEPARATOR.fill(1, from, to + 1);

/** The other separators: spaces and the punctuation classes above, asked of the regular expression once per character met. */
const OTHER_SEPARATOR = /^[\p{Z}\p{Pi}\p{Pf}\p{Ps}\p{Pe}\p{Po}]$/u;
const otherSeparators = new Map<number, boolean>();
function isOtherSeparator(codePoint: number): boolean {
  let known = otherSeparators.get(codePoint);
  if (known === undefined) {
    known = OTHER_SEPARATOR.test(String.fromCodePoint(codePoint));
    // Bounded: a hostile text of every code point must not grow this without end.
    if (otherSeparators.size < 4096) otherSeparators.set(codePoint, known);
  }
  return known;
}

/** `KubeDeploymentReplicasMismatch`, `node_clock_skew`, `redis-replication-broken`: split at case changes, `_` and `-`. */
const WORD_BOUNDARY = /(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|[_-]+/u;

/** Identifiers longer than this are not split: no real alert or file name is, and splitting costs time. */
const MAX_SPLIT_LENGTH = 200;

/**
 * A term, lower-cased, and, when it is a compound name, each of its words and each pair of
 * neighbouring words joined: an alert named `KubePodCrashLooping` is found by `kube pod crash
 * looping`, by `kubepod crashlooping`, by `crashloop` (from `CrashLoopBackOff`), and by its whole
 * name with a typo.
 */
export function processTerm(term: string): string | string[] {
  const whole = term.toLowerCase();
  // Most words are plain lower-case prose: no split to look for (this runs for every word indexed).
  if (whole === term && !term.includes('_') && !term.includes('-')) return whole;
  if (term.length > MAX_SPLIT_LENGTH) return whole;
  const words = term.split(WORD_BOUNDARY).filter(Boolean).map((word) => word.toLowerCase());
  if (words.length < 2) return whole.replace(/^[_-]+|[_-]+$/g, '') || whole;
  const pairs = words.slice(1).map((word, index) => words[index] + word);
  return [...new Set([whole, ...words, ...pairs])];
}
