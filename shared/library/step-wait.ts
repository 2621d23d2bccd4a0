/**
 * How long a step asks the responder to watch or wait ("Watch for 15 minutes", "Monitor the error
 * rate for 30 minutes", "Wait 2 min"), in ms; undefined when it names no such time. A run shows the
 * time against it: a walkthrough marked "Watch for 15 minutes" done after one second, with nothing
 * on screen counting. Read from a title (outside content): only its start, with a bounded pattern.
 */
const WAIT = /\b(?:wait|watch|monitor|observe|soak)\b[^\n.;]{0,60}?\b(\d{1,3})\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?)\b/i;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000 };
const READ = 200;

export function stepWaitMs(title: string): number | undefined {
  const found = WAIT.exec(title.slice(0, READ));
  if (!found) return undefined;
  const amount = Number(found[1]);
  return amount > 0 ? amount * UNIT_MS[found[2][0].toLowerCase()] : undefined;
}
