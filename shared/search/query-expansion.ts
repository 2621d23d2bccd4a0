import type { Query } from 'minisearch';
import { processTerm, tokenize } from './terms';

/**
 * Symptom shorthand: words responders type at 3 a.m. and the words runbooks are written in. A query
 * word found in a group also searches the group's other entries (an entry of several words must
 * match all of them). Documented in the README; extend it with what your library needs. Grown from
 * real phrasing: the seeds' section titles and the alert runbooks of public repositories.
 */
export const SYMPTOM_EQUIVALENTS: readonly (readonly string[])[] = [
  ['db', 'database', 'postgres', 'mysql'],
  ['pg', 'postgres', 'postgresql'],
  ['k8s', 'kubernetes', 'kubectl', 'kube'],
  ['pod', 'pods', 'container'],
  ['crash', 'crashing', 'crashed', 'crashloop', 'restarting'],
  ['oom', 'out of memory', 'oomkilled', 'memory'],
  ['5xx', '500', '500s', '502', '503', '504', '5xxs', 'http errors', 'error rate'],
  ['errors', 'error rate', 'exceptions'],
  ['cert', 'certificate', 'ssl', 'tls', 'expired', 'expiry'],
  ['disk', 'filesystem', 'volume', 'storage'],
  ['full', 'space', 'no space left', 'out of space'],
  ['down', 'outage', 'unavailable', 'unreachable', 'failure'],
  ['connect', 'connection', 'connections', 'connectivity', 'unreachable', 'refused', 'timeout'],
  ['cant', 'cannot', 'unable', 'failing'],
  ['slow', 'latency', 'performance', 'response times', 'timeouts'],
  ['lag', 'lagging', 'replication lag', 'behind', 'replica'],
  ['hacked', 'breach', 'compromise', 'compromised', 'intrusion', 'security incident', 'attacker'],
  ['leaked', 'exposed', 'breach', 'secret rotation'],
  ['login', 'log in', 'auth', 'authentication', 'sso', 'sign in'],
  ['logged', 'logout', 'logouts', 'session', 'sessions', 'signed out'],
  ['deploy', 'deployment', 'release'],
  ['rollback', 'roll back', 'revert'],
  ['restore', 'recovery', 'backup'],
  ['cpu', 'load', 'saturation'],
  ['queue', 'backlog', 'workers', 'celery'],
  ['dns', 'resolve', 'resolution', 'nxdomain'],
];

/**
 * Words whose equivalents mean something else beside certain other words: "full" is a full disk,
 * unless the query says what else is full ("redis memory full", "connection pool full", "queue
 * full"); then it is not read as disk space (the other word brings its own equivalents).
 */
const NOT_BESIDE: ReadonlyMap<string, ReadonlySet<string>> = new Map([['full', new Set(['memory', 'ram', 'heap', 'cache', 'queue', 'pool', 'connections', 'connection', 'inbox'])]]);

const GROUPS = new Map<string, (readonly string[])[]>();
for (const group of SYMPTOM_EQUIVALENTS) {
  for (const entry of group) if (!entry.includes(' ')) GROUPS.set(entry, [...(GROUPS.get(entry) ?? []), group]);
}

/** Words that say nothing about which runbook is meant: they do not count when weighing how much of a query a runbook answers. */
export const STOP_WORDS: ReadonlySet<string> = new Set(['a', 'after', 'an', 'and', 'are', 'at', 'be', 'by', 'for', 'from', 'got', 'in', 'is', 'it', 'my', 'of', 'on', 'or', 'our', 'out', 'the', 'to', 'we', 'with']);

/** Every word of every equivalent of `word` (`db` gives `database`, `postgres`, `mysql`). */
export function equivalentsOf(word: string): string[] {
  return (GROUPS.get(word) ?? []).flatMap((group) => group.flatMap((entry) => entry.split(' ')));
}

/** An equivalent counts for less than the word typed, so a runbook saying what the responder said ranks first. */
const EQUIVALENT_WEIGHT = 0.6;
/** Two typed words joined (`crash loop` as `crashloop`) are nearly what was typed. */
const JOINED_WEIGHT = 0.9;
/** Queries longer than this many words get no joins: a pasted paragraph is searched as typed. */
const MAX_JOINED_WORDS = 8;

/** The words of a query as the index holds them (lower case, compound names split too). */
export function queryWords(text: string): string[] {
  const words = new Set<string>();
  for (const token of tokenize(text)) {
    const processed = processTerm(token);
    for (const word of Array.isArray(processed) ? processed : [processed]) words.add(word);
  }
  return [...words];
}

/**
 * What a query also searches, each weighted below the words typed: the symptom equivalents of its
 * words, and neighbouring words joined, since a compound name is indexed whole and in pairs
 * (`kube pod` finds `kubepod…`, `crash loop` finds `CrashLoopBackOff`).
 */
export function queryAlternatives(text: string): Query[] {
  const typed = tokenize(text.toLowerCase());
  const alternatives: Query[] = [];
  const added = new Set<string>();
  const add = (entry: string, weight: number) => {
    if (added.has(entry)) return;
    added.add(entry);
    alternatives.push({ combineWith: entry.includes(' ') ? 'AND' : 'OR', queries: entry.split(' '), boostTerm: () => weight });
  };
  const words = new Set(typed);
  const besideOther = (word: string) => [...(NOT_BESIDE.get(word) ?? [])].some((other) => words.has(other));
  for (const word of words) {
    if (besideOther(word)) continue;
    for (const group of GROUPS.get(word) ?? []) for (const entry of group) if (!words.has(entry)) add(entry, EQUIVALENT_WEIGHT);
  }
  if (typed.length <= MAX_JOINED_WORDS) for (let at = 1; at < typed.length; at++) add(typed[at - 1] + typed[at], JOINED_WEIGHT);
  return alternatives;
}

/** The query as typed OR each alternative (weighted lower). */
export function expandQuery(text: string): Query {
  const alternatives = queryAlternatives(text);
  return alternatives.length ? { combineWith: 'OR', queries: [text, ...alternatives] } : text;
}
