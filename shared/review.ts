// When a runbook is due for review, from `last_reviewed` and `review_every`.

const PERIOD_DAYS: Record<string, number> = {
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  'half-yearly': 183,
  biannually: 183,
  yearly: 366,
  annually: 366,
};

function periodDays(every: string): number | undefined {
  const named = PERIOD_DAYS[every.trim().toLowerCase()];
  if (named) return named;
  const match = /^(\d+)\s*(d|day|days|w|week|weeks|m|month|months)$/i.exec(every.trim());
  if (!match) return undefined;
  const unit = match[2][0].toLowerCase();
  return Number(match[1]) * (unit === 'd' ? 1 : unit === 'w' ? 7 : 31);
}

/** True when the last review is older than the review period, or missing. Unknown periods count as quarterly. */
export function isReviewDue(lastReviewed: string | undefined, reviewEvery: string, now: Date): boolean {
  if (!lastReviewed) return true;
  const reviewed = Date.parse(lastReviewed);
  if (Number.isNaN(reviewed)) return true;
  const days = periodDays(reviewEvery) ?? PERIOD_DAYS.quarterly;
  return now.getTime() - reviewed > days * 24 * 60 * 60 * 1000;
}
