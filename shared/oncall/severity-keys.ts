// Which digit key picks which severity level. Teams number their levels (P0..P4, SEV1..SEV4, S1..):
// at 3 a.m. "1" means the level called 1, never "the first row", so a level's own number wins and
// position is only the fallback for levels named without one.
import type { SeverityLevel } from '../model';

/** How many characters of a level's id or name are looked at: bounded work on library text. */
const SCAN_LIMIT = 64;

/** The first run of digits in `text` (P0 → 0, SEV-2 → 2), or undefined when there is none. */
function numberIn(text: string): number | undefined {
  const end = Math.min(text.length, SCAN_LIMIT);
  let value: number | undefined;
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) value = (value ?? 0) * 10 + (code - 48);
    else if (value !== undefined) break;
  }
  return value;
}

/** The digits the texts carry, when every one carries a different single digit; otherwise undefined. */
function ownDigits(texts: readonly string[]): string[] | undefined {
  const digits = texts.map((text) => numberIn(text));
  if (digits.some((digit) => digit === undefined || digit > 9)) return undefined;
  if (new Set(digits).size !== digits.length) return undefined;
  return digits.map(String);
}

/**
 * The key of each level, in the levels' order: the number its id carries (else the number its
 * name carries), when those numbers tell every level apart; otherwise its position, 1 to 9.
 * Undefined for a level past the ninth with no number of its own.
 */
export function severityKeys(levels: readonly Pick<SeverityLevel, 'id' | 'name'>[]): (string | undefined)[] {
  if (levels.length === 0) return [];
  const own = ownDigits(levels.map((level) => level.id)) ?? ownDigits(levels.map((level) => level.name));
  return own ?? levels.map((_, index) => (index < 9 ? String(index + 1) : undefined));
}
