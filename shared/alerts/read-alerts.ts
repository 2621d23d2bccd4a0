// The one door for pasted or dropped text: an alert in any form Failsafe knows, or undefined when
// the text is not an alert at all, so ordinary words typed or pasted in the palette stay a search.
import type { AlertsRead } from './alert';
import { ALERT_LIMITS } from './alert-limits';
import { readAlertName } from './read/alert-name';
import { readJsonAlerts } from './read/json-alerts';
import { parseJsonBounded } from './read/json-text';
import { readNotificationText } from './read/notification-text';

export function readAlerts(text: string): AlertsRead | undefined {
  const cut = text.length > ALERT_LIMITS.maxTextChars;
  const read = cut ? text.slice(0, ALERT_LIMITS.maxTextChars) : text;
  const found = readAny(read.trim());
  if (found && cut) found.problems.unshift(`only the first ${ALERT_LIMITS.maxTextChars / 1024 / 1024} MB of ${megabytes(text.length)} MB were read`);
  return found;
}

function readAny(text: string): AlertsRead | undefined {
  if (!text) return undefined;
  if (text[0] === '{' || text[0] === '[') {
    const json = parseJsonBounded(text, ALERT_LIMITS.maxJsonDepth);
    if (json.ok) return readJsonAlerts(json.value);
    // JSON we cannot read is an alert only when it says so: then the user hears why.
    if (text.includes('"alertname"')) return { alerts: [], problems: [json.reason] };
    // `[FIRING:2] …` starts with a bracket too.
  }
  return readNotificationText(text) ?? readAlertName(text);
}

const megabytes = (chars: number) => (chars / 1024 / 1024).toFixed(1);
