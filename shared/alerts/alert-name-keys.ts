// The keys an alert name and a runbook's names are compared by. Linear scans over bounded text:
// both sides are outside input (an alert pasted, a library file).

/** Longer names are cut: no alert or title that means anything is longer, and the work stays bounded. */
const MAX_NAME = 300;

/** Words that say nothing about which alert it is (`ETCDHighNumberOfFailedGRPCRequests` → no "of"). */
const FILLER = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'is', 'are', 'has', 'have', 'too', 'and', 'or', 'with', 'by', 'at', 'be', 'been', 'being']);

const isUpper = (code: number) => code >= 65 && code <= 90;
const isLower = (code: number) => code >= 97 && code <= 122;
const isDigit = (code: number) => code >= 48 && code <= 57;
/** Letters beyond ASCII count as lower-case letters: they join a word, never split one. */
const isWordChar = (code: number) => isUpper(code) || isLower(code) || isDigit(code) || code > 127;

/**
 * `kube-pod-crash-looping.md`, `KubePodCrashLooping`, `Kube pod crash looping`: the letters and
 * digits alone, lower-cased (`kubepodcrashlooping`). Equal compact names are a strong match.
 */
export function compactName(text: string): string {
  let out = '';
  const end = Math.min(text.length, MAX_NAME);
  for (let index = 0; index < end; index++) if (isWordChar(text.charCodeAt(index))) out += text[index];
  return out.toLowerCase();
}

/**
 * The words of an alert name, split at punctuation and at case changes: `ETCDHighNumberOfFailedGRPCRequests`
 * → etcd high number of failed grpc requests (an upper-case run ends before the capital that starts
 * the next word).
 */
export function alertNameWords(name: string): string[] {
  const words: string[] = [];
  const end = Math.min(name.length, MAX_NAME);
  let start = -1;
  for (let index = 0; index <= end; index++) {
    const code = index < end ? name.charCodeAt(index) : 32;
    if (!isWordChar(code)) {
      if (start >= 0) words.push(name.slice(start, index));
      start = -1;
      continue;
    }
    if (start < 0) {
      start = index;
      continue;
    }
    const previous = name.charCodeAt(index - 1);
    const next = index + 1 < end ? name.charCodeAt(index + 1) : 32;
    const lowerToUpper = isUpper(code) && !isUpper(previous) && !isDigit(previous);
    const endOfCapitals = isUpper(code) && isUpper(previous) && isLower(next);
    if (lowerToUpper || endOfCapitals) {
      words.push(name.slice(start, index));
      start = index;
    }
  }
  return words.map((word) => word.toLowerCase());
}

/** The words of a title or alias as written: split at spaces and punctuation only (`gRPC` stays one word). */
export function titleWords(title: string): string[] {
  const words: string[] = [];
  const end = Math.min(title.length, MAX_NAME);
  let start = -1;
  for (let index = 0; index <= end; index++) {
    const word = index < end && isWordChar(title.charCodeAt(index));
    if (word && start < 0) start = index;
    if (!word && start >= 0) {
      words.push(title.slice(start, index).toLowerCase());
      start = -1;
    }
  }
  return words;
}

/**
 * The words that matter, each once, in order of the alphabet: what a title and an alert name must
 * share exactly to match by words. Undefined under two such words: one word is too weak a match.
 * A plural `s` is dropped (`requests` is `request`).
 */
export function wordsKey(words: readonly string[]): string | undefined {
  const kept = new Set<string>();
  for (const word of words) {
    if (FILLER.has(word)) continue;
    kept.add(word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return kept.size >= 2 ? [...kept].sort().join(' ') : undefined;
}
