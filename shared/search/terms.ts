// How text becomes search terms, the same for the index and for queries.

/** Splits on spaces and punctuation but keeps `_` and `-` inside a word, so `kube_pod-crash` stays whole too. */
const SEPARATORS = /[\n\r\p{Z}!-,./:-@[-^`{-~\p{Pi}\p{Pf}\p{Ps}\p{Pe}\p{Po}]+/u;

export function tokenize(text: string): string[] {
  return text.split(SEPARATORS).filter(Boolean);
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
