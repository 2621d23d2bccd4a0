// Durations as teams write them in YAML: "15 minutes", "1 hour", "90s", "2h 30m", "daily".

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const NAMED: Record<string, number> = { hourly: UNIT_MS.h, daily: UNIT_MS.d, weekly: UNIT_MS.w };

/** Milliseconds, or undefined for what is not a duration ("next business day", ""). */
export function parseDuration(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const normalized = text.trim().toLowerCase();
  if (normalized in NAMED) return NAMED[normalized];
  if (normalized.length > 40) return undefined;
  let total = 0;
  let matched = false;
  // Pieces like "2 hours", "30m", "1h": a number and a unit word, nothing else.
  const rest = normalized.replace(/(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w)\b/g, (_, amount: string, unit: string) => {
    total += Number(amount) * UNIT_MS[unit[0]];
    matched = true;
    return '';
  });
  return matched && !rest.replace(/\band\b|,/g, '').trim() ? total : undefined;
}
