// The `alerts:` front matter of a runbook: the alert names it answers (`alerts: [KubePodCrashLooping]`).
// Outside input: each name is checked (one line, no control characters, bounded) and the list capped.

/** More names than any runbook answers: the rest are dropped, and the parser says so. */
export const MAX_RUNBOOK_ALERTS = 50;
/** Longer than any alert name Prometheus or a pager writes. */
export const MAX_ALERT_NAME_LENGTH = 200;

export interface RunbookAlertNames {
  names: string[];
  /** What was dropped and why, in words, for the library's problems (warnings: the runbook is read). */
  problems: string[];
}

/** Reads `alerts:` as a list (`[A, B]`) or one name or a comma-separated line; never throws. */
export function readRunbookAlertNames(value: unknown): RunbookAlertNames {
  if (value === undefined || value === null) return { names: [], problems: [] };
  const given = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value];
  const names: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of given) {
    if (typeof item !== 'string') {
      problems.push('alerts: an entry is not a name (write each alert name as text)');
      continue;
    }
    const name = item.trim();
    if (!name) continue;
    const reason = badAlertName(name);
    if (reason) {
      problems.push(`alerts: “${name.slice(0, 60)}” ${reason}`);
      continue;
    }
    // The same alert written twice, in any case, is one.
    if (seen.has(name.toLowerCase())) continue;
    if (names.length === MAX_RUNBOOK_ALERTS) {
      problems.push(`alerts: more than ${MAX_RUNBOOK_ALERTS} names; the rest are left out`);
      break;
    }
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return { names, problems };
}

/** Why a name is not an alert name, or undefined. A linear scan of at most MAX_ALERT_NAME_LENGTH characters. */
function badAlertName(name: string): string | undefined {
  if (name.length > MAX_ALERT_NAME_LENGTH) return `is longer than ${MAX_ALERT_NAME_LENGTH} characters`;
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return 'holds a control character';
  }
  return undefined;
}
