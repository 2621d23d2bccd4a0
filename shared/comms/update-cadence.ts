// When the next update is due: what the last message sent promised ("Next update in 30 minutes"),
// else the severity's cadence from it (or from the declaration), put off by each snooze since by
// what it says.
import { parseDuration } from '../duration-text';

export interface UpdateDue {
  cadenceMs: number;
  dueAt: number;
  /** Negative when overdue. */
  remainingMs: number;
  overdue: boolean;
  /** The due time is the one the last message gave, not the cadence's. */
  promised: boolean;
}

/**
 * A snooze moves the update due by its minutes: from when it was due, or from the moment of the
 * snooze when it was already overdue. A message sent afterwards starts the cadence again, so
 * snoozes before it no longer count. `promisedAt`: when that message said the next update would
 * come (promisedUpdateAt); the people told expect it then, whatever the cadence.
 */
export function nextUpdateDue(updateEvery: string | undefined, lastSentAt: number, snoozes: readonly { at: number; minutes: number }[], now: number, promisedAt?: number): UpdateDue | undefined {
  const cadenceMs = parseDuration(updateEvery);
  if (!cadenceMs && promisedAt === undefined) return undefined;
  let dueAt = promisedAt ?? lastSentAt + cadenceMs!;
  for (const snooze of snoozes) if (snooze.at >= lastSentAt) dueAt = Math.max(dueAt, snooze.at) + snooze.minutes * 60_000;
  return { cadenceMs: cadenceMs ?? dueAt - lastSentAt, dueAt, remainingMs: dueAt - now, overdue: now > dueAt, promised: promisedAt !== undefined };
}

/** Where a line promises the next update, as messages word it: the time given comes after. */
const PROMISE = /\b(?:next update|further update|another update|an update|will update|update you)/i;
/** "in 30 minutes", "within the next 1 hour and 30 minutes", "in ~45m": the time a promise gives from when it was sent. */
const IN_TIME = /\b(?:in|within)\s+(?:the\s+next\s+)?(?:~\s*|about\s+|approximately\s+)?((?:\d{1,4}(?:\.\d{1,2})?\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|m)\b[\s,]*(?:and\s+)?)+)/i;
/** "within the next hour", "in half an hour": the same in words. */
const IN_WORDS = /\b(?:in|within)\s+(?:about\s+)?(half an hour|an hour|one hour|the next hour)\b/i;
const WORD_MS: Record<string, number> = { 'half an hour': 1_800_000, 'an hour': 3_600_000, 'one hour': 3_600_000, 'the next hour': 3_600_000 };
/** "by 03:30 UTC", "Next update: 14:00 UTC": a time of day in UTC (a local time is the reader's guess, not ours). */
const AT_TIME = /(?:\b(?:by|at|around|before)\s+|:\s*)([01]?\d|2[0-3]):([0-5]\d)\s*(?:UTC|GMT|Z)\b/i;
/** A longer line is not a status message's: it is not read (and no pattern runs long on it). */
const MAX_LINE = 400;

/** A promise read from a message: a time from when it was sent (as the message words it), or a time of day in UTC. */
type Promised = { said: string; ms: number } | { hour: number; minute: number };

/** The first promise of a next update in `text`, reading only what follows the promise on its line. */
function readPromise(text: string): Promised | undefined {
  for (const line of text.split('\n')) {
    const promise = line.length > MAX_LINE ? null : PROMISE.exec(line);
    if (!promise) continue;
    // Only what follows the promise: "Started 02:10 UTC. Next update by 03:00 UTC" gives 03:00.
    const after = line.slice(promise.index);
    const said = IN_TIME.exec(after)?.[1].replace(/[\s,]+$/, '').replace(/\s+and$/i, '');
    const ms = said ? parseDuration(said) : undefined;
    if (said && ms) return { said, ms };
    const inWords = IN_WORDS.exec(after)?.[1].toLowerCase();
    if (inWords) return { said: inWords === 'the next hour' ? 'an hour' : inWords, ms: WORD_MS[inWords] };
    const at = AT_TIME.exec(after);
    if (at) return { hour: Number(at[1]), minute: Number(at[2]) };
  }
  return undefined;
}

/**
 * How long a message said the next update would take, as it said it ("30 minutes", "an hour"):
 * the next message offers the same. Undefined for a time of day ("by 03:30 UTC") or none.
 */
export function promisedInterval(text: string): string | undefined {
  const promised = readPromise(text);
  return promised && 'said' in promised ? promised.said : undefined;
}

/**
 * When a message sent at `sentAt` said the next update would come: "Next update in 30 minutes",
 * "We will update you by 03:30 UTC". Undefined when it names no time (the cadence then holds).
 */
export function promisedUpdateAt(text: string, sentAt: number): number | undefined {
  const promised = readPromise(text);
  if (!promised) return undefined;
  if ('ms' in promised) return sentAt + promised.ms;
  const day = new Date(sentAt);
  const time = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), promised.hour, promised.minute);
  // The next such time after the message: "by 00:30 UTC" sent at 23:50 means tomorrow's.
  return time > sentAt ? time : time + 86_400_000;
}
