// Which JSON shape holds alerts: an Alertmanager webhook payload, Prometheus's `/api/v1/alerts`
// answer, Alertmanager's v1 answer (`{ status, data: [alerts] }`), its v2 alert groups, a list of
// either's alerts, or one alert alone. Any other JSON is not an alert (undefined): it stays what
// the user typed.
import type { AlertsRead } from '../alert';
import { isRecord, isWebhookPayload, looksLikeAlertmanagerAlert, readAlertmanagerAlert } from './alertmanager';
import { AlertsCollector } from './collect';
import { looksLikePrometheusAlert, prometheusAlertList, readPrometheusAlert } from './prometheus';

export function readJsonAlerts(value: unknown): AlertsRead | undefined {
  if (isWebhookPayload(value)) {
    const read = readEach(value.alerts, 'alertmanager');
    // Alertmanager's `max_alerts` cuts a payload and says how many it left out.
    const truncated = value.truncatedAlerts;
    if (typeof truncated === 'number' && truncated > 0) read.problems.push(`Alertmanager left ${truncated} more alerts out of this payload`);
    return read;
  }
  const prometheus = prometheusAlertList(value);
  if (prometheus) return readEach(prometheus, 'prometheus');
  const list = Array.isArray(value) ? ungrouped(value) : isRecord(value) && Array.isArray(value.data) ? value.data : [value];
  const first = list.find((item) => looksLikeAlertmanagerAlert(item) || looksLikePrometheusAlert(item));
  if (first === undefined) return undefined;
  return readEach(list, looksLikeAlertmanagerAlert(first) ? 'alertmanager' : 'prometheus');
}

function readEach(list: readonly unknown[], source: 'alertmanager' | 'prometheus'): AlertsRead {
  const collector = new AlertsCollector(source);
  const read = source === 'alertmanager' ? readAlertmanagerAlert : readPrometheusAlert;
  for (const item of list) {
    if (collector.full) collector.passOver();
    else read(item, collector);
  }
  return collector.result();
}

/** `GET /api/v2/alerts/groups` lists groups, each with its `alerts`: their alerts, in order. */
function ungrouped(list: unknown[]): unknown[] {
  if (!list.some((item) => isRecord(item) && Array.isArray(item.alerts))) return list;
  return list.flatMap((item) => (isRecord(item) && Array.isArray(item.alerts) ? (item.alerts as unknown[]) : []));
}
