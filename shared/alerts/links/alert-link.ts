// `failsafe://alert?alertname=KubePodCrashLooping&namespace=payments&pod=api-7f9c`: an alert handed
// to the app as a link (by a chat bot, a dashboard, a notification's button). Every parameter is a
// label; the values are outside input, kept as given and never run.
import type { AlertsRead } from '../alert';
import { MAX_LINK_LENGTH } from './link-paths';

const FAILSAFE_ALERT = 'failsafe://alert';
/** Prometheus's label names. */
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const MAX_LABELS = 64;
const MAX_LABEL_VALUE = 1024;

/** The alert a `failsafe://alert?…` link describes, or undefined when the link is not one. */
export function alertFromLink(url: string): AlertsRead | undefined {
  const link = url.trim();
  const head = link.slice(0, FAILSAFE_ALERT.length + 1).toLowerCase();
  if (head !== `${FAILSAFE_ALERT}?` && head !== `${FAILSAFE_ALERT}/` && head !== FAILSAFE_ALERT) return undefined;
  if (link.length > MAX_LINK_LENGTH) return { alerts: [], problems: [`The alert link is longer than ${MAX_LINK_LENGTH} characters.`] };
  const query = link.indexOf('?');
  const hash = link.indexOf('#');
  const text = query < 0 ? '' : link.slice(query + 1, hash > query ? hash : undefined);
  const problems: string[] = [];
  const labels = new Map<string, string>();
  // URLSearchParams decodes without throwing: a broken escape reads as U+FFFD, a `+` as a space.
  for (const [name, value] of new URLSearchParams(text)) {
    if (!LABEL_NAME.test(name)) {
      problems.push(`A label name of the link is not valid: ${JSON.stringify(name.slice(0, 60))}.`);
    } else if (value.length > MAX_LABEL_VALUE) {
      problems.push(`The label ${name} is longer than ${MAX_LABEL_VALUE} characters; it was left out.`);
    } else if (labels.has(name)) {
      problems.push(`The label ${name} is given twice; the first value is kept.`);
    } else if (labels.size >= MAX_LABELS) {
      problems.push(`The link has more than ${MAX_LABELS} labels; the rest were left out.`);
      break;
    } else labels.set(name, value);
  }
  const name = labels.get('alertname');
  if (!name) return { alerts: [], problems: [...problems, 'The alert link names no alert (alertname=…).'] };
  // Object.fromEntries defines own properties: a label named __proto__ stays a label.
  return { alerts: [{ name, state: 'unknown', labels: Object.fromEntries(labels), annotations: {}, source: 'link' }], problems };
}
