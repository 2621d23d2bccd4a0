import { tokenize } from './terms';

// A responder who types a symptom wants to find out what is wrong, not to restore last night's
// backup over the database: procedures that destroy or replace data rank below the diagnostic ones
// unless the query itself names the action.

/** Words that name an action which destroys, replaces or moves data. */
const DESTRUCTIVE = new Set([
  'restore', 'restoring', 'restoration', 'drop', 'failover', 'delete', 'deleting', 'wipe', 'truncate', 'purge', 'destroy',
  'recovery', 'recover', 'switchover', 'promote', 'reinitialize', 'reinit', 'rebuild', 'reset', 'dr',
]);

/** Words of a title that say the document is about finding out (an outage, a symptom), whatever it does later. */
const DIAGNOSTIC = new Set([
  'outage', 'incident', 'troubleshooting', 'troubleshoot', 'investigation', 'investigate', 'diagnose', 'diagnosis', 'slow', 'high',
  'down', 'unavailable', 'issues', 'errors', 'error', 'crash', 'failure', 'health', 'check', 'checks', 'monitoring', 'lag', 'latency',
]);

const words = (text: string) => tokenize(text.toLowerCase());

/** The query's words (typos corrected) name a destructive action itself (`restore db`, `failover postgres`). */
export function namesDestructiveAction(queryWords: string[]): boolean {
  return queryWords.some((word) => DESTRUCTIVE.has(word));
}

/** A title or heading that names a destructive action and nothing diagnostic: `Restore single tenant`, not `PostgreSQL outage and failover`. */
export function isDestructive(title: string): boolean {
  const all = words(title);
  return all.some((word) => DESTRUCTIVE.has(word)) && !all.some((word) => DIAGNOSTIC.has(word));
}
