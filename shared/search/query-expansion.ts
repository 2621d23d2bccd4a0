import type { Query } from 'minisearch';
import { tokenize } from './terms';

/**
 * Symptom shorthand: words responders type at 3 a.m. and the words runbooks are written in. A query
 * word found in a group also searches the group's other entries (an entry of several words must
 * match all of them). Documented in the README; extend it with what your library needs.
 */
export const SYMPTOM_EQUIVALENTS: readonly (readonly string[])[] = [
  ['db', 'database'],
  ['pg', 'postgres', 'postgresql'],
  ['k8s', 'kubernetes', 'kubectl'],
  ['oom', 'out of memory', 'oomkilled', 'memory'],
  ['5xx', '500', '502', '503', '504', 'http errors'],
  ['cert', 'certificate', 'ssl', 'tls'],
  ['disk', 'filesystem', 'volume', 'storage'],
  ['full', 'space', 'no space left'],
  ['down', 'outage', 'unavailable', 'unreachable'],
  ['slow', 'latency', 'performance'],
  ['deploy', 'deployment', 'release'],
  ['rollback', 'roll back', 'revert'],
  ['restore', 'recovery', 'backup'],
  ['breach', 'compromise', 'security incident'],
];

const GROUPS = new Map<string, readonly string[]>();
for (const group of SYMPTOM_EQUIVALENTS) for (const entry of group) if (!entry.includes(' ')) GROUPS.set(entry, group);

/** An equivalent counts for less than the word typed, so a runbook saying what the responder said ranks first. */
const EQUIVALENT_WEIGHT = 0.6;
const weighted = () => EQUIVALENT_WEIGHT;

/** The query as typed, or (when a word has equivalents) the query OR each equivalent, weighted lower. */
export function expandQuery(text: string): Query {
  const alternatives: Query[] = [];
  for (const word of new Set(tokenize(text.toLowerCase()))) {
    for (const entry of GROUPS.get(word) ?? []) {
      if (entry === word) continue;
      alternatives.push({ combineWith: entry.includes(' ') ? 'AND' : 'OR', queries: entry.split(' '), boostTerm: weighted });
    }
  }
  return alternatives.length ? { combineWith: 'OR', queries: [text, ...alternatives] } : text;
}
