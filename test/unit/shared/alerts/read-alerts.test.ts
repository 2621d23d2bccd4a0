import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Alert, AlertsRead } from '../../../../shared/alerts/alert';
import { alertRunbookLink } from '../../../../shared/alerts/alert';
import { readAlerts } from '../../../../shared/alerts/read-alerts';

// Pasted text as a responder has it at 3 a.m.: payloads, API answers, notification lines, e-mails
// and pages (fixtures under test/fixtures/alerts, shaped like the real ones), and the words that
// must stay a search.

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/alerts/${name}`, import.meta.url), 'utf8');

function read(text: string): AlertsRead {
  const found = readAlerts(text);
  if (!found) throw new Error(`not read as an alert: ${text.slice(0, 80)}`);
  return found;
}

const byName = (alerts: Alert[], name: string) => {
  const alert = alerts.find((each) => each.name === name);
  if (!alert) throw new Error(`no ${name} in ${alerts.map((each) => each.name).join(', ')}`);
  return alert;
};

describe('Alertmanager and Prometheus JSON', () => {
  it('reads a webhook payload of three alerts with their states, labels, runbook links and times', () => {
    const { alerts, problems } = read(fixture('alertmanager-webhook.json'));
    expect(problems).toEqual([]);
    expect(alerts.map((alert) => [alert.name, alert.state, alert.source])).toEqual([
      ['KubePodCrashLooping', 'firing', 'alertmanager'],
      ['KubeDeploymentReplicasMismatch', 'firing', 'alertmanager'],
      ['etcdMembersDown', 'resolved', 'alertmanager'],
    ]);
    const crashing = byName(alerts, 'KubePodCrashLooping');
    expect(crashing.labels).toMatchObject({ namespace: 'payments', pod: 'api-7f9c6d5b8-x2kqp', container: 'api' });
    expect(alertRunbookLink(crashing)).toBe('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping');
    expect(crashing.startsAt).toBe(Date.UTC(2026, 11, 1, 2, 47, 30, 512));
    // Go's zero time is how Alertmanager writes "not ended".
    expect(crashing.endsAt).toBeUndefined();
    const etcd = byName(alerts, 'etcdMembersDown');
    expect(etcd.endsAt).toBe(Date.UTC(2026, 11, 1, 1, 40, 15));
    expect(alertRunbookLink(etcd)).toBe('https://github.com/openshift/runbooks/blob/master/alerts/cluster-etcd-operator/etcdMembersDown.md');
  });

  it("reads the API's alert list: active and silenced alerts are both firing", () => {
    const { alerts } = read(fixture('alertmanager-api-v2.json'));
    expect(alerts.map((alert) => [alert.name, alert.state])).toEqual([
      ['HAProxyDown', 'firing'],
      ['KubeAPIErrorBudgetBurn', 'firing'],
    ]);
    expect(byName(alerts, 'HAProxyDown').labels.pod).toBe('router-default-5d8c7f9b6-qv2lm');
    expect(byName(alerts, 'HAProxyDown').startsAt).toBe(Date.UTC(2026, 11, 1, 3, 1, 12, 118));
  });

  it("reads Prometheus's alerts: pending stays pending, activeAt with nanoseconds and an offset is the start, a runbook label is the link", () => {
    const { alerts } = read(fixture('prometheus-api-alerts.json'));
    const gitaly = byName(alerts, 'gitaly_latency_high');
    expect(gitaly).toMatchObject({ state: 'firing', source: 'prometheus', startsAt: Date.UTC(2026, 11, 1, 1, 58, 41, 606) });
    expect(alertRunbookLink(gitaly)).toBe('docs/gitaly/gitaly-unavailable.md');
    expect(byName(alerts, 'PatroniReplicationLag').state).toBe('pending');
    // The bare list, as `jq .data.alerts` gives it, reads the same.
    const list = JSON.stringify((JSON.parse(fixture('prometheus-api-alerts.json')) as { data: { alerts: unknown[] } }).data.alerts);
    expect(read(list).alerts).toEqual(alerts);
  });

  it('says when Alertmanager cut the payload', () => {
    const payload = { ...(JSON.parse(fixture('alertmanager-webhook.json')) as object), truncatedAlerts: 12 };
    expect(read(JSON.stringify(payload)).problems).toEqual(['Alertmanager left 12 more alerts out of this payload']);
  });

  it("reads the API's alert groups", () => {
    const alerts = JSON.parse(fixture('alertmanager-api-v2.json')) as unknown[];
    const groups = [{ labels: { namespace: 'openshift-ingress' }, receiver: { name: 'platform' }, alerts: [alerts[0]] }, { labels: {}, receiver: { name: 'platform' }, alerts: [alerts[1]] }];
    expect(read(JSON.stringify(groups)).alerts.map((alert) => alert.name)).toEqual(['HAProxyDown', 'KubeAPIErrorBudgetBurn']);
  });

  it('reads one alert pasted alone', () => {
    const payload = JSON.parse(fixture('alertmanager-webhook.json')) as { alerts: unknown[] };
    expect(read(JSON.stringify(payload.alerts[1])).alerts.map((alert) => alert.name)).toEqual(['KubeDeploymentReplicasMismatch']);
  });

  it('says what it left out: an alert without a name, an invalid payload that names an alert', () => {
    const payload = { version: '4', status: 'firing', alerts: [{ status: 'firing', labels: { namespace: 'payments' } }, { status: 'firing', labels: { alertname: 'TargetDown' } }] };
    const { alerts, problems } = read(JSON.stringify(payload));
    expect(alerts.map((alert) => alert.name)).toEqual(['TargetDown']);
    expect(problems).toEqual(['an alert without an alertname label was left out']);
    const cut = fixture('alertmanager-webhook.json').slice(0, 400);
    expect(read(cut)).toMatchObject({ alerts: [], problems: [expect.stringContaining('JSON could not be read')] });
  });
});

describe('notification text, e-mails and pages', () => {
  it('reads notification lines, one alert per line, labels from name=value pairs', () => {
    const { alerts, problems } = read(fixture('notification-lines.txt'));
    expect(problems).toEqual(['KubePodCrashLooping: the notification groups 2 alerts and gives only the labels they share']);
    expect(alerts.map((alert) => [alert.name, alert.state, alert.source])).toEqual([
      ['KubePodCrashLooping', 'firing', 'notification'],
      ['KubeDeploymentReplicasMismatch', 'firing', 'notification'],
      ['etcdMembersDown', 'resolved', 'notification'],
    ]);
    expect(alerts[0].labels).toEqual({ alertname: 'KubePodCrashLooping', namespace: 'payments', pod: 'api-7f9c', severity: 'critical' });
  });

  it("reads the default e-mail: each alert's own labels and annotations, not only the subject's", () => {
    const { alerts } = read(fixture('alertmanager-email.txt'));
    expect(alerts.map((alert) => [alert.name, alert.labels.pod, alert.state, alert.source])).toEqual([
      ['KubePodCrashLooping', 'api-7f9c6d5b8-x2kqp', 'firing', 'email'],
      ['KubePodCrashLooping', 'worker-55d8b9c7f4-m4t2z', 'firing', 'email'],
    ]);
    expect(alertRunbookLink(alerts[0])).toBe('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping');
  });

  it('reads a PagerDuty e-mail, an Opsgenie e-mail and a PagerDuty SMS', () => {
    const pagerDuty = read(fixture('pagerduty-email.txt')).alerts;
    expect(pagerDuty).toHaveLength(1);
    expect(pagerDuty[0]).toMatchObject({ name: 'KubePodCrashLooping', state: 'firing', source: 'email', labels: { namespace: 'payments', pod: 'api-7f9c6d5b8-x2kqp' } });
    const opsgenie = read(fixture('opsgenie-email.txt')).alerts;
    expect(opsgenie.map((alert) => [alert.name, alert.state, alert.labels.pod, alert.annotations.summary])).toEqual([['HAProxyDown', 'firing', 'router-default-5d8c7f9b6-qv2lm', 'HAProxy is down']]);
    const sms = read(fixture('sms.txt')).alerts;
    expect(sms.map((alert) => [alert.name, alert.labels.fqdn, alert.labels.severity])).toEqual([['gitaly_latency_high', 'file-23-stor-gprd', 's2']]);
  });

  it('reads a Slack message with its details bullets', () => {
    const { alerts } = read(fixture('slack-message.txt'));
    expect(alerts.map((alert) => [alert.name, alert.state, alert.labels.deployment, alert.labels.namespace])).toEqual([['KubeDeploymentReplicasMismatch', 'firing', 'api', 'payments']]);
  });

  it("reads the default subject, whose parentheses hold values without names, and Opsgenie's tags", () => {
    expect(read('[FIRING:3] KubePodCrashLooping payments (api critical)').alerts[0]).toMatchObject({ name: 'KubePodCrashLooping', labels: { alertname: 'KubePodCrashLooping' } });
    const tagged = read('Alert: [FIRING:1] HAProxyDown (critical)\nTags: alertname=HAProxyDown, namespace=openshift-ingress').alerts;
    expect(tagged[0].labels).toEqual({ alertname: 'HAProxyDown', namespace: 'openshift-ingress' });
  });

  it('keeps the `Name: value` lines right under a subject as its annotations, up to a blank line', () => {
    const pasted = '[FIRING:1] APIGatewayHighErrorRate (service=gateway severity=critical)\nSummary: 5xx ratio above 5% (currently 23.4%)\nDashboard: https://grafana.example/d/gw\n\nTeam: payments';
    expect(read(pasted).alerts).toMatchObject([
      { name: 'APIGatewayHighErrorRate', labels: { service: 'gateway', severity: 'critical' }, annotations: { summary: '5xx ratio above 5% (currently 23.4%)', dashboard: 'https://grafana.example/d/gw' } },
    ]);
    expect(read(pasted).alerts[0].annotations).not.toHaveProperty('team');
  });

  it('reads the marks teams write in other ways: RESOLVED with a count, a Slack title, quoted pairs with commas', () => {
    expect(read('[RESOLVED:3] TargetDown (job=node)').alerts[0]).toMatchObject({ name: 'TargetDown', state: 'resolved', labels: { job: 'node' } });
    expect(read('FIRING[2] KubePodCrashLooping - Team payments').alerts[0]).toMatchObject({ name: 'KubePodCrashLooping', state: 'firing' });
    expect(read('[FIRING:1] KubeJobFailed for kube-state-metrics (job_name="backup nightly", namespace="ops")').alerts[0].labels).toEqual({
      alertname: 'KubeJobFailed',
      job_name: 'backup nightly',
      namespace: 'ops',
    });
  });

  it("reads Grafana's and Slack's label lists under a Labels heading", () => {
    const grafana = '**Firing**\n\nValue: B=97\nLabels:\n - alertname = DiskAlmostFull\n - instance = db-3:9100\nAnnotations:\n - summary = Disk almost full\nSource: http://grafana/alerting/grafana/abc/view\n';
    expect(read(grafana).alerts).toMatchObject([{ name: 'DiskAlmostFull', state: 'firing', labels: { instance: 'db-3:9100' }, annotations: { summary: 'Disk almost full' } }]);
    const slack = '*Alert*: Disk almost full\n*Labels*:\n    - *alertname*: `DiskAlmostFull`\n    - *instance*: `db-3:9100`\n';
    expect(read(slack).alerts[0].labels).toEqual({ alertname: 'DiskAlmostFull', instance: 'db-3:9100' });
  });

  it('takes a page PagerDuty resolved as resolved', () => {
    expect(read('[Resolved] #48213 [FIRING:1] KubePodCrashLooping (namespace=payments)').alerts[0].state).toBe('resolved');
  });

  it('reads a subject line only once when an e-mail repeats it', () => {
    const text = 'Subject: [FIRING:1] TargetDown (job=node)\n\n[FIRING:1] TargetDown (job=node)\n';
    expect(read(text).alerts).toHaveLength(1);
  });
});

describe('annotations as written', () => {
  it('keeps marks that belong to the text, and takes off those that wrap a whole value', () => {
    const text = ['[FIRING:1] KubePodCrashLooping', 'Labels', '- alertname = KubePodCrashLooping', '- *pod:* `api-1`', 'Annotations', '- summary = ends with **bold**', '- description = `a` and `b`'].join('\n');
    const [alert] = readAlerts(text)!.alerts;
    expect(alert.labels.pod).toBe('api-1');
    expect(alert.annotations.summary).toBe('ends with **bold**');
    expect(alert.annotations.description).toBe('`a` and `b`');
  });
});

describe('a bare alert name, and what is not an alert', () => {
  it.each(['KubePodCrashLooping', 'ETCDHighNumberOfFailedGRPCRequests', 'etcdMembersDown', 'gitaly_latency_high', ' `TargetDown` \n'])('reads %j as an alert name', (text) => {
    const { alerts } = read(text);
    expect(alerts).toEqual([{ name: text.trim().replaceAll('`', ''), state: 'unknown', labels: { alertname: text.trim().replaceAll('`', '') }, annotations: {}, source: 'name' }]);
  });

  it.each(['postgres', 'Postgres', 'Watchdog', 'HTTP', 'restart the api', 'disk full on db-3', 'KubePodCrashLooping payments', 'kube-pod', '{"level": 1}', '[1, 2, 3]', '[draft] rollback plan', '', '   '])(
    'leaves %j as a search',
    (text) => expect(readAlerts(text)).toBeUndefined(),
  );
});
