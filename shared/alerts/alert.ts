// An alert as Failsafe reads it, whatever it came as: an Alertmanager webhook payload or its API's
// list, a Prometheus alert, a notification line (`[FIRING:2] KubePodCrashLooping (namespace=…)`),
// a PagerDuty or Opsgenie e-mail or SMS body, a `failsafe://alert?…` link, or a bare alert name.
// Everything in it is outside input: label values reach a command only marked and quoted.

export type AlertState = 'firing' | 'resolved' | 'pending' | 'unknown';

/** Where the alert was read from, for the words on screen ("from an Alertmanager payload"). */
export type AlertSource = 'alertmanager' | 'prometheus' | 'notification' | 'email' | 'link' | 'name';

export interface Alert {
  /** The alert's name (`alertname`), as written. */
  name: string;
  state: AlertState;
  /** Every label as given, `alertname` included. */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** When it started firing (ms since the epoch), when the source says. */
  startsAt?: number;
  /** When it resolved (ms since the epoch), when the source says. */
  endsAt?: number;
  source: AlertSource;
}

/** What a pasted text or dropped file held: its alerts, and what could not be read, in words. */
export interface AlertsRead {
  alerts: Alert[];
  problems: string[];
}

/** The alert's one-line summary: its `summary` annotation, else `description` or `message`. */
export function alertSummary(alert: Alert): string | undefined {
  const { summary, description, message } = alert.annotations;
  return summary || description || message || undefined;
}

/** The link to its runbook the alert carries: a `runbook_url` or `runbook` annotation, else such a label. */
export function alertRunbookLink(alert: Alert): string | undefined {
  const { annotations, labels } = alert;
  return annotations.runbook_url || annotations.runbook || labels.runbook_url || labels.runbook || undefined;
}

/** The same alert read twice (pasted again, or added to an incident already holding it): its name, labels and start. */
export function alertKey(alert: Alert): string {
  const labels = Object.entries(alert.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([alert.name, labels, alert.startsAt ?? null]);
}
