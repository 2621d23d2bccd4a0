// How fresh the roster is, so nobody trusts a stale phone number blindly.
import type { LibrarySource } from '../model';

export const ROSTER_AMBER_DAYS = 14;
export const ROSTER_RED_DAYS = 30;

export interface RosterAge {
  days: number;
  level: 'fresh' | 'amber' | 'red';
  /** "from the library of 12 Nov 2026, 11 days old", or where a bundled roster comes from */
  text: string;
}

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The roster's age: the commit it was synced from, or the build of the bundled library. A bundled
 * roster is never "fresh": the app was built with it, nobody on the team confirmed it since, and
 * its build date read "today" to a responder who then trusted a number from it.
 */
export function rosterAge(source: LibrarySource, now: number): RosterAge {
  const from = Date.parse(source.kind === 'git' ? source.committedAt : source.builtAt);
  if (Number.isNaN(from)) return { days: Number.POSITIVE_INFINITY, level: 'red', text: 'of unknown age' };
  const days = Math.max(0, Math.floor((now - from) / DAY));
  const date = new Date(from);
  const when = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const level = days > ROSTER_RED_DAYS ? 'red' : days > ROSTER_AMBER_DAYS || source.kind === 'bundled' ? 'amber' : 'fresh';
  if (source.kind === 'bundled') return { days, level, text: `bundled with the app (built ${when}), not synced from the team’s repository` };
  const age = days === 0 ? 'today' : days === 1 ? '1 day old' : `${days} days old`;
  return { days, level, text: `from the library of ${when}, ${age}` };
}
