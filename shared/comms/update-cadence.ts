// When the next update is due: the severity's cadence from the last message sent (or from the
// declaration), put off by each snooze since by what it says.
import { parseDuration } from '../duration-text';

export interface UpdateDue {
  cadenceMs: number;
  dueAt: number;
  /** Negative when overdue. */
  remainingMs: number;
  overdue: boolean;
}

/**
 * A snooze moves the update due by its minutes: from when it was due, or from the moment of the
 * snooze when it was already overdue. A message sent afterwards starts the cadence again, so
 * snoozes before it no longer count.
 */
export function nextUpdateDue(updateEvery: string | undefined, lastSentAt: number, snoozes: readonly { at: number; minutes: number }[], now: number): UpdateDue | undefined {
  const cadenceMs = parseDuration(updateEvery);
  if (!cadenceMs) return undefined;
  let dueAt = lastSentAt + cadenceMs;
  for (const snooze of snoozes) if (snooze.at >= lastSentAt) dueAt = Math.max(dueAt, snooze.at) + snooze.minutes * 60_000;
  return { cadenceMs, dueAt, remainingMs: dueAt - now, overdue: now > dueAt };
}
