// Times as an incident record shows them: UTC, and the responder's local time with its zone and
// offset. Only Intl's numeric parts are used, so the text is the same in every engine.

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function utcParts(time: number): Parts {
  const date = new Date(time);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneParts(time: number, timeZone: string): Parts {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(time))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

const dateText = (parts: Parts) => `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
const clockText = (parts: Parts) => `${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;

/** The zone's offset from UTC at that moment: `UTC+01:00`. */
export function utcOffset(time: number, timeZone: string): string {
  const local = zoneParts(time, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const minutes = Math.round((asUtc - Math.floor(time / 1000) * 1000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  return `UTC${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** `2026-11-23 02:14:05 UTC` */
export function formatUtc(time: number): string {
  const parts = utcParts(time);
  return `${dateText(parts)} ${clockText(parts)} UTC`;
}

/** `03:14:05`, or `2026-11-24 03:14:05` when the local date is not the UTC date. */
function formatLocal(time: number, timeZone: string): string {
  const local = zoneParts(time, timeZone);
  return dateText(local) === dateText(utcParts(time)) ? clockText(local) : `${dateText(local)} ${clockText(local)}`;
}

/** `2026-11-23 02:14:05 UTC (03:14:05 local)` */
export function formatClock(time: number, timeZone: string): string {
  return `${formatUtc(time)} (${formatLocal(time, timeZone)} local)`;
}

/** `1h 02m 05s`, `12m 05s`, `45s` */
/**
 * The time from `from` to `to` (ms since the epoch) as the two read printed to the second:
 * 08:26:14.9 to 08:30:08.1 is 3m 54s, as a reader counts it from the printed times, not the
 * 3m 53.2s between them (an export said "3m 53s" beside those two times).
 */
export function printedSpanMs(from: number, to: number): number {
  return (Math.floor(to / 1000) - Math.floor(from / 1000)) * 1000;
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours) return `${hours}h ${pad(minutes)}m ${pad(seconds)}s`;
  if (minutes) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

/**
 * A corrected time the responder typed, read as UTC: `2026-11-23 02:10`, `2026-11-23 02:10:30`, or
 * `02:10` on the reference moment's UTC day. Undefined for anything else (a 25th hour, 30 February).
 */
export function parseUtcInput(text: string, reference: number): number | undefined {
  const full = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*(?:UTC|Z)?\s*$/i.exec(text);
  const clock = full ? undefined : /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:UTC|Z)?\s*$/i.exec(text);
  if (!full && !clock) return undefined;
  const day = new Date(reference);
  const [year, month, date, hour, minute, second] = full
    ? full.slice(1).map((part) => Number(part ?? 0))
    : [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), ...clock!.slice(1).map((part) => Number(part ?? 0))];
  const time = Date.UTC(year, month - 1, date, hour, minute, second);
  const parsed = new Date(time);
  return parsed.getUTCMonth() + 1 === month && parsed.getUTCDate() === date && hour < 24 && minute < 60 && second < 60 ? time : undefined;
}
