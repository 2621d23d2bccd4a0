// When a runbook is due for review, from `last_reviewed` and `review_every`, by the calendar:
// "quarterly" from 30 November is 28 February (29 in a leap year), not 92 days.

type Period = { months: number } | { days: number };

const NAMED: Record<string, Period> = {
  weekly: { days: 7 },
  fortnightly: { days: 14 },
  monthly: { months: 1 },
  quarterly: { months: 3 },
  'half-yearly': { months: 6 },
  biannually: { months: 6 },
  yearly: { months: 12 },
  annually: { months: 12 },
};

/** A review period, or undefined for what is not one. Unknown periods count as quarterly where used. */
export function reviewPeriod(every: string): Period | undefined {
  const text = every.trim().toLowerCase();
  if (NAMED[text]) return NAMED[text];
  const match = /^(\d{1,4})\s*(d|days?|w|weeks?|m|months?|y|years?)$/.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (!amount) return undefined;
  const unit = match[2][0];
  return unit === 'd' ? { days: amount } : unit === 'w' ? { days: amount * 7 } : unit === 'm' ? { months: amount } : { months: amount * 12 };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `November`, `Nov`, `Nov.`, `Sept`: the month's number, or 0. */
function monthNumber(word: string): number {
  const lower = word.toLowerCase().endsWith('.') ? word.toLowerCase().slice(0, -1) : word.toLowerCase();
  const index = lower.length >= 3 ? MONTHS.findIndex((month) => month === lower || month.slice(0, 3) === lower || (lower === 'sept' && month === 'september')) : -1;
  return index + 1;
}

/** `28`, `28th`, `1st`: a day number, or 0. */
function dayNumber(word: string): number {
  const match = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(word);
  return match ? Number(match[1]) : 0;
}

/** A date in words as teams write it in a document: `November 28, 2025`, `28 Nov 2025`, `Nov 28th 2025`. */
function dateInWords(text: string): [number, number, number] | undefined {
  if (text.length > 40) return undefined;
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length !== 3 || !/^\d{4}$/.test(words[2])) return undefined;
  const year = Number(words[2]);
  const monthFirst = monthNumber(words[0]);
  if (monthFirst && dayNumber(words[1])) return [year, monthFirst, dayNumber(words[1])];
  const monthSecond = monthNumber(words[1]);
  return monthSecond && dayNumber(words[0]) ? [year, monthSecond, dayNumber(words[0])] : undefined;
}

/**
 * A calendar date: `YYYY-MM-DD` (a YAML date too) or in words (`November 28, 2025`, `28 Nov 2025`),
 * or undefined when it is not one (2026-02-30, "last week").
 */
export function calendarDate(text: string | undefined): { year: number; month: number; day: number } | undefined {
  const trimmed = text?.trim() ?? '';
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(trimmed);
  const parts = match ? match.slice(1).map(Number) : dateInWords(trimmed);
  if (!parts) return undefined;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year, month, day } : undefined;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The date a review falls due: the period after the last review, the day clamped to the month's end. */
export function reviewDueOn(lastReviewed: string, every: string): string | undefined {
  const last = calendarDate(lastReviewed);
  if (!last) return undefined;
  const period = reviewPeriod(every) ?? NAMED.quarterly;
  if ('days' in period) return iso(new Date(Date.UTC(last.year, last.month - 1, last.day + period.days)));
  const monthIndex = last.month - 1 + period.months;
  const lastDay = new Date(Date.UTC(last.year, monthIndex + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(last.year, monthIndex, Math.min(last.day, lastDay))));
}

export type ReviewState =
  | { state: 'never'; text: string }
  | { state: 'malformed'; text: string }
  | { state: 'due'; dueOn: string; text: string }
  | { state: 'current'; dueOn: string; text: string };

/** Where a runbook stands, on `today` (YYYY-MM-DD), in words for the screen and the health list. */
export function reviewState(lastReviewed: string | undefined, every: string, today: string): ReviewState {
  if (!lastReviewed) return { state: 'never', text: 'never reviewed' };
  const dueOn = reviewDueOn(lastReviewed, every);
  if (!dueOn) return { state: 'malformed', text: `last_reviewed “${lastReviewed}” is not a date (write 2026-11-23 or November 23, 2026)` };
  const unknownPeriod = reviewPeriod(every) ? '' : ` (review_every “${every}” is not a period; quarterly used)`;
  return dueOn <= today ? { state: 'due', dueOn, text: `review due since ${dueOn}${unknownPeriod}` } : { state: 'current', dueOn, text: `next review by ${dueOn}${unknownPeriod}` };
}

/** True when a review is due, never happened, or its date cannot be read. */
export function isReviewDue(lastReviewed: string | undefined, reviewEvery: string, now: Date): boolean {
  return reviewState(lastReviewed, reviewEvery, now.toISOString().slice(0, 10)).state !== 'current';
}
