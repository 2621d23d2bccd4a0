// Alertmanager's two shapes: the webhook payload a receiver gets (`{ version: "4", status,
// alerts: [{ status, labels, annotations, startsAt, endsAt, fingerprint }], groupLabels,
// commonLabels, commonAnnotations, externalURL }`) and its API's list (`GET /api/v2/alerts`:
// `[{ labels, annotations, startsAt, endsAt, status: { state }, fingerprint }]`).
import type { AlertState } from '../alert';
import { textMap, type AlertsCollector } from './collect';
import { alertTime } from './times';

type Fields = Record<string, unknown>;

export const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A webhook payload: an object with an `alerts` list and one of the fields only a payload has. */
export function isWebhookPayload(value: unknown): value is Fields & { alerts: unknown[] } {
  return isRecord(value) && Array.isArray(value.alerts) && ('version' in value || 'groupLabels' in value || 'commonLabels' in value || 'receiver' in value);
}

/** One alert of either shape: the webhook's `status` is a word, the API's an object with `state`. */
export function readAlertmanagerAlert(item: unknown, collector: AlertsCollector): void {
  if (!isRecord(item) || !isRecord(item.labels)) return collector.problem('an entry that is not an alert was left out');
  collector.add({
    labels: textMap(item.labels, 'label', collector),
    annotations: textMap(item.annotations, 'annotation', collector),
    state: alertmanagerState(item.status),
    startsAt: alertTime(item.startsAt),
    endsAt: alertTime(item.endsAt),
  });
}

function alertmanagerState(status: unknown): AlertState {
  if (status === 'firing' || status === 'resolved') return status;
  // The API's states: `active`, or `suppressed` (silenced or inhibited) or `unprocessed`, which
  // are still firing; Alertmanager lists no resolved alert there.
  const state = isRecord(status) ? status.state : undefined;
  return state === 'active' || state === 'suppressed' || state === 'unprocessed' ? 'firing' : 'unknown';
}

/** An entry of the API's list (or a single alert pasted alone): labels and Alertmanager's fields. */
export function looksLikeAlertmanagerAlert(item: unknown): boolean {
  return isRecord(item) && isRecord(item.labels) && ('startsAt' in item || 'fingerprint' in item || 'generatorURL' in item || isRecord(item.status));
}
