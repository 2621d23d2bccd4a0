// What every reader shares: the alerts it keeps (at most ALERT_LIMITS.maxAlerts), their labels and
// annotations within the caps, and its problems said once each with a count, so 10,000 bad labels
// make one line, not 10,000.
import { ALERT_LIMITS } from '../alert-limits';
import type { Alert, AlertSource, AlertState, AlertsRead } from '../alert';

/** Distinct problems said; a flood of different ones is counted after these. */
const MAX_PROBLEMS = 20;

export interface AlertParts {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  state: AlertState;
  startsAt?: number;
  endsAt?: number;
}

export class AlertsCollector {
  private readonly alerts: Alert[] = [];
  private readonly problems = new Map<string, number>();
  private seen = 0;
  private otherProblems = 0;

  constructor(private readonly source: AlertSource) {}

  get full(): boolean {
    return this.alerts.length >= ALERT_LIMITS.maxAlerts;
  }

  get count(): number {
    return this.seen;
  }

  problem(reason: string): void {
    const count = this.problems.get(reason);
    if (count === undefined && this.problems.size >= MAX_PROBLEMS) this.otherProblems += 1;
    else this.problems.set(reason, (count ?? 0) + 1);
  }

  /** Counts an alert not read because the collector is full. */
  passOver(): void {
    this.seen += 1;
  }

  /** Keeps an alert named by its `alertname` label; one without is left out and said. */
  add(parts: AlertParts): void {
    this.seen += 1;
    const name = Object.hasOwn(parts.labels, 'alertname') ? parts.labels.alertname.trim() : '';
    if (!name) return this.problem('an alert without an alertname label was left out');
    if (this.full) return;
    const { labels, annotations = {}, state, startsAt, endsAt } = parts;
    this.alerts.push({ name, state, labels, annotations, startsAt, endsAt, source: this.source });
  }

  result(): AlertsRead {
    const left = this.seen - this.alerts.length - (this.problems.get('an alert without an alertname label was left out') ?? 0);
    const problems = [...this.problems].map(([reason, count]) => (count > 1 ? `${reason} (${count} times)` : reason));
    if (this.otherProblems) problems.push(`and ${this.otherProblems} more problems`);
    if (left > 0) problems.push(`only the first ${ALERT_LIMITS.maxAlerts} alerts were read; ${left} more were left out`);
    return { alerts: this.alerts, problems };
  }
}

/**
 * A label or annotation map from JSON: string values (numbers and booleans as written), names and
 * values within the caps. Built with Object.fromEntries, so a `__proto__` label is a label.
 */
export function textMap(value: unknown, kind: 'label' | 'annotation', collector: AlertsCollector): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return capped(Object.entries(value as Record<string, unknown>), kind, collector);
}

/** The same caps over pairs read from text. */
export function capped(pairs: readonly (readonly [string, unknown])[], kind: 'label' | 'annotation', collector: AlertsCollector): Record<string, string> {
  const kept: [string, string][] = [];
  const maxValue = kind === 'label' ? ALERT_LIMITS.maxLabelValueChars : ALERT_LIMITS.maxAnnotationChars;
  for (const [name, raw] of pairs) {
    const value = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
    if (value === undefined) continue;
    if (!name || name.length > ALERT_LIMITS.maxLabelNameChars) {
      collector.problem(`a ${kind} with ${name ? `a name longer than ${ALERT_LIMITS.maxLabelNameChars} characters` : 'no name'} was left out`);
    } else if (value.length > maxValue) {
      collector.problem(`the ${kind} "${name}" was left out: its value is longer than ${maxValue} characters`);
    } else if (kept.length >= ALERT_LIMITS.maxLabels) {
      collector.problem(`an alert has more than ${ALERT_LIMITS.maxLabels} ${kind}s; the first ${ALERT_LIMITS.maxLabels} were kept`);
      break;
    } else kept.push([name, value]);
  }
  return Object.fromEntries(kept);
}
