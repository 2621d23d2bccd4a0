// A hybrid logical clock: the wall clock, with a counter for events in the same millisecond and for
// a clock that runs behind. Each new event's clock is past every clock its writer has seen in the
// record, so an act done after reading another's act sorts after it on every machine, whatever the
// machines' wall clocks say. Written as fixed-width text, so clocks compare as strings.

/** A writer: one machine and profile (file names are made of it, so it is a plain slug). */
export const WRITER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const CLOCK_TEXT = /^(\d{15}):(\d{6})$/;
const MAX_COUNT = 999_999;

export interface HybridTime {
  wall: number;
  count: number;
}

export function clockText({ wall, count }: HybridTime): string {
  return `${String(wall).padStart(15, '0')}:${String(count).padStart(6, '0')}`;
}

export function readClock(text: string): HybridTime | undefined {
  const match = CLOCK_TEXT.exec(text);
  return match ? { wall: Number(match[1]), count: Number(match[2]) } : undefined;
}

export const isClockText = (value: unknown): value is string => typeof value === 'string' && CLOCK_TEXT.test(value);

/** The clock of the next event: the wall clock when it is ahead of every clock seen, else one tick past the latest seen. */
export function tickClock(latest: string | undefined, now: number): string {
  const seen = latest === undefined ? undefined : readClock(latest);
  const wall = Math.max(0, Math.floor(Number.isFinite(now) ? now : 0));
  if (!seen || wall > seen.wall) return clockText({ wall, count: 0 });
  if (seen.count < MAX_COUNT) return clockText({ wall: seen.wall, count: seen.count + 1 });
  return clockText({ wall: seen.wall + 1, count: 0 });
}

/** The later of two clocks (either may be absent). */
export function laterClock(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? b : a;
}
