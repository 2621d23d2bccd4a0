import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../shared/alerts/alert';
import { describeEvent } from '../../../../shared/incident/event-description';
import { exportIncidentMarkdown, type ExportContext } from '../../../../shared/incident/incident-export';
import { eventProblem } from '../../../../shared/incident/journal';
import { T0, TestRecord, testRunbook } from '../../../support/incident-record';

// An incident declared from an alert keeps the alert as it was read: its labels and annotations
// reach the timeline and the export word for word, and a journal line claiming to be one is checked.

const context: ExportContext = { appVersion: '0.1.0 (desktop)', timeZone: 'UTC', library: { version: 'v1' }, changedRuns: new Set() };

const crashLooping: Alert = {
  name: 'KubePodCrashLooping',
  state: 'firing',
  labels: { alertname: 'KubePodCrashLooping', namespace: 'payments', pod: 'api-7f9c`$(id)`', severity: 'critical' },
  annotations: { summary: 'Pod is crash looping.', description: 'Pod payments/api-7f9c is restarting\n2.1 times / 10 minutes. <b>check</b>' },
  startsAt: T0 - 600_000,
  source: 'alertmanager',
};

function declaredFrom(alert: Alert) {
  return new TestRecord().add({ type: 'incident-declared', title: 'Pod is crash looping.', severity: 'P1' }, { type: 'alert-received', alert }, { type: 'milestone-set', milestone: 'detected', time: alert.startsAt! });
}

describe('an alert in the incident record', () => {
  it('is kept in the state in the order received', () => {
    const record = declaredFrom(crashLooping).wait(60_000).add({ type: 'alert-received', alert: { ...crashLooping, name: 'KubeDeploymentReplicasMismatch' } });
    expect(record.current.alerts.map(({ alert }) => alert.name)).toEqual(['KubePodCrashLooping', 'KubeDeploymentReplicasMismatch']);
    expect(record.current.milestones.detected).toBe(T0 - 600_000);
  });

  it('is refused without a name', () => {
    const record = declaredFrom(crashLooping);
    expect(record.refusal({ type: 'alert-received', alert: { ...crashLooping, name: '  ' } })).toMatch(/needs a name/);
  });

  it('reads as one timeline line naming its labels', () => {
    const record = declaredFrom(crashLooping);
    const line = describeEvent(record.events[1], record.current, 'UTC');
    expect(line).toContain('Alert KubePodCrashLooping (firing since 2026-11-23 02:04:05 UTC');
    expect(line).toContain(': namespace=payments, pod=api-7f9c`$(id)`, severity=critical');
  });

  it('is exported with every label and annotation as it was read', () => {
    const record = declaredFrom(crashLooping);
    const markdown = exportIncidentMarkdown(record.current, record.events, context);
    expect(markdown).toContain('## Alerts');
    expect(markdown).toContain('### KubePodCrashLooping: firing');
    expect(markdown).toContain('- Firing since: 2026-11-23 02:04:05 UTC');
    const html = micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
    // The pod label's backticks and $( ) stay inside its code span; the description's lines and its <b> stay as written.
    expect(html).toContain('<code>pod=api-7f9c`$(id)`</code>');
    expect(markdown).toContain('  Pod payments/api-7f9c is restarting\n  2.1 times / 10 minutes. <b>check</b>');
    expect(html).not.toContain('<b>check</b>');
  });

  it('names the label a run parameter came from, in the state, the timeline and the journal check', () => {
    const record = declaredFrom(crashLooping).add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'param-set', runId: 'run-1', name: 'namespace', value: 'payments', fromLabel: 'namespace' });
    expect(record.current.runs[0].params.namespace).toEqual({ value: 'payments', secret: false, fromLabel: 'namespace' });
    const set = record.events.at(-1)!;
    expect(describeEvent(set, record.current, 'UTC')).toContain("parameter namespace = payments (from the alert's label namespace)");
    expect(eventProblem(JSON.parse(JSON.stringify(set)))).toBeUndefined();
    expect(eventProblem({ ...set, fromLabel: 3 })).toMatch(/fromLabel is not a string/);
    // Changed by hand later, the value is no longer the alert's.
    record.add({ type: 'param-set', runId: 'run-1', name: 'namespace', value: 'staging' });
    expect(record.current.runs[0].params.namespace.fromLabel).toBeUndefined();
  });

  it('is checked when read back from a journal line', () => {
    const [, received] = declaredFrom(crashLooping).events;
    expect(eventProblem(JSON.parse(JSON.stringify(received)))).toBeUndefined();
    expect(eventProblem({ ...received, alert: { ...crashLooping, labels: { pod: 3 } } })).toMatch(/labels is not text|not text/);
    expect(eventProblem({ ...received, alert: 'KubePodCrashLooping' })).toMatch(/alert is not a object/);
  });
});
