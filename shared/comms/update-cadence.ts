// When the next update is due: the severity's cadence from the last message sent (or from the
// declaration), pushed back by a snooze.
import { parseDuration } from '../duration-text';

export interface UpdateDue {
  cadenceMs: number;
  dueAt: number;
  /** Negative when overdue. */
  remainingMs: number;
  overdue: boolean;
}

export function nextUpdateDue(updateEvery: string | undefined, lastSentAt: number, snoozedUntil: number | undefined, now: number): UpdateDue | undefined {
  const cadenceMs = parseDuration(updateEvery);
  if (!cadenceMs) return undefined;
  const dueAt = Math.max(lastSentAt + cadenceMs, snoozedUntil ?? 0);
  return { cadenceMs, dueAt, remainingMs: dueAt - now, overdue: now > dueAt };
}
