// Prometheus's own alerts (`GET /api/v1/alerts`: `{ status: "success", data: { alerts: [{ labels,
// annotations, state, activeAt, value }] } }`, or the list alone): firing or pending, from
// `activeAt`; Prometheus has no end time.
import type { AlertState } from '../alert';
import { isRecord } from './alertmanager';
import { textMap, type AlertsCollector } from './collect';
import { alertTime } from './times';

/** The API's answer: `data.alerts` is the list. */
export function prometheusAlertList(value: unknown): unknown[] | undefined {
  if (!isRecord(value) || !isRecord(value.data)) return undefined;
  return Array.isArray(value.data.alerts) ? value.data.alerts : undefined;
}

/** An entry with labels and Prometheus's `state` word or `activeAt`. */
export function looksLikePrometheusAlert(item: unknown): boolean {
  return isRecord(item) && isRecord(item.labels) && ('activeAt' in item || typeof item.state === 'string');
}

export function readPrometheusAlert(item: unknown, collector: AlertsCollector): void {
  if (!isRecord(item) || !isRecord(item.labels)) return collector.problem('an entry that is not an alert was left out');
  collector.add({
    labels: textMap(item.labels, 'label', collector),
    annotations: textMap(item.annotations, 'annotation', collector),
    state: prometheusState(item.state),
    startsAt: alertTime(item.activeAt),
  });
}

function prometheusState(state: unknown): AlertState {
  if (state === 'firing' || state === 'pending') return state;
  return state === 'inactive' ? 'resolved' : 'unknown';
}
