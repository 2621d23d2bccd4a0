// Prometheus adds the target it scraped as labels (`job`, `service`, `endpoint`). For
// an alert on kube-state-metrics' or an exporter's metrics, that target is the exporter, not the
// workload the alert is about: a KubePodCrashLooping alert carries `service="kube-state-metrics"`
// beside `container="checkout-api"`. Filled into a runbook's `service` parameter, it put
// `rollout undo deploy/kube-state-metrics` on the page (a walk).

/**
 * The labels naming the scraped target. Not `instance`: a node exporter runs on the host it
 * measures, so its `instance` is that host, what a disk-full alert is about.
 */
const TARGET_LABELS = new Set(['job', 'service', 'endpoint']);

/** Names of exporters, as their Services and jobs are named (`kube-prometheus-stack-kube-state-metrics`, `node-exporter:9100`). */
const EXPORTER = /(^|[-_.])(kube-state-metrics|kubelet|cadvisor)(:\d+)?$|exporter(:\d+)?$/i;

/** The exporter a target label names, when it names one: then its value is not what the alert is about. */
export function exporterNamed(label: string, value: string): boolean {
  return TARGET_LABELS.has(label) && EXPORTER.test(value);
}
