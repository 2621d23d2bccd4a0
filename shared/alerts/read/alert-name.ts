// A bare alert name pasted alone: `KubePodCrashLooping`, `ETCDHighNumberOfFailedGRPCRequests`,
// `etcdMembersDown`, `gitaly_latency_high`. An ordinary search word (`postgres`, `Postgres`,
// `HTTP`) or a phrase is not one: it stays a search.
import type { AlertsRead } from '../alert';

const MAX_NAME = 128;

/** The one alert named, or undefined when the text is not an alert name on its own. */
export function readAlertName(text: string): AlertsRead | undefined {
  const name = unquoted(text.trim());
  if (!isAlertName(name)) return undefined;
  return { alerts: [{ name, state: 'unknown', labels: { alertname: name }, annotations: {}, source: 'name' }], problems: [] };
}

/**
 * CamelCase (letters and digits, a capital after the first letter and a small letter somewhere:
 * `TargetDown`, `etcdMembersDown`, not `Watchdog` or `HTTP`), or snake_case (small letters and
 * digits in at least two parts: `gitaly_latency_high`, not `postgres`).
 */
export function isAlertName(name: string): boolean {
  if (!name || name.length > MAX_NAME) return false;
  let capitalsAfterFirst = 0;
  let smalls = 0;
  let underscores = 0;
  for (let index = 0; index < name.length; index += 1) {
    const char = name[index];
    if (char >= 'A' && char <= 'Z') capitalsAfterFirst += index > 0 ? 1 : 0;
    else if (char >= 'a' && char <= 'z') smalls += 1;
    else if (char === '_') underscores += 1;
    else if (char < '0' || char > '9') return false;
  }
  const first = name[0];
  const letterFirst = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
  if (!letterFirst) return false;
  if (underscores) return capitalsAfterFirst === 0 && first >= 'a' && !name.endsWith('_') && !name.includes('__');
  return capitalsAfterFirst > 0 && smalls > 0;
}

/** Without one pair of quotes or backticks around it, as a name is often copied. */
function unquoted(text: string): string {
  const first = text[0];
  return text.length > 1 && (first === '`' || first === '"' || first === "'") && text.endsWith(first) ? text.slice(1, -1) : text;
}
