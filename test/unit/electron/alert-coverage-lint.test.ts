import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLibraryFolder } from '../../../electron/library-loader';
import { formatLintReport, parseSiteBase } from '../../../electron/lint-report';
import { DEFAULT_LIMITS } from '../../../shared/limits';

const source = { kind: 'bundled', builtAt: '2026-12-01T00:00:00Z' } as const;
const today = '2026-12-01';
const healthLines = (text: string, check: string) => text.split('\n').filter((line) => line.startsWith(`health: ${check}:`));

describe('lint reports alert coverage on a library laid out like GitLab’s runbooks', () => {
  it('counts a covered alert once, lists an alert with no runbook and a runbook label pointing at a missing file', async () => {
    const snapshot = await loadLibraryFolder('test/fixtures/gitlab-rules', source);
    // The service catalogue and the hidden CI file are YAML without rules: neither read nor reported.
    expect(snapshot.problems).toEqual([]);
    expect(new Set(snapshot.alertRules?.map((rule) => rule.path))).toEqual(new Set(['rules/gitaly.yml', 'mimir-rules/gitlab-gprd/patroni.yml']));
    const report = formatLintReport(snapshot, today);
    expect(healthLines(report.text, 'Alerts without a runbook')).toEqual([
      'health: Alerts without a runbook: mimir-rules/gitlab-gprd/patroni.yml: PatroniLeaderElectionFlapping has no runbook; looked for: alerts: naming it, a runbook named like PatroniLeaderElectionFlapping (a file, title or alias “patroni leader election flapping”)',
    ]);
    expect(healthLines(report.text, 'Alert runbook links that point at no file')).toEqual([
      'health: Alert runbook links that point at no file: rules/gitaly.yml: GitalyLatencyTooHigh: docs/gitaly/gitaly-latency.md points at no file (looked for docs/gitaly/gitaly-latency.md)',
    ]);
    // GitalyServiceDown (its label names a file that is there) and PostgresReplicationStopped (alerts:) are covered.
    expect(report.text).not.toContain('GitalyServiceDown');
    expect(report.text).not.toContain('PostgresReplicationStopped');
    expect(report.text).toContain('5 alerting rules: 1 alert without a runbook, 1 runbook link to no file, 0 links outside the library not checked');
    expect(report.errors).toBe(0);
    expect(formatLintReport(snapshot, today, true).errors).toBe(2);
  });

  it('lists a published site’s links as not checked, and checks them given --site-base', async () => {
    const snapshot = await loadLibraryFolder('test/fixtures/prometheus-rule', source);
    const without = formatLintReport(snapshot, today, true);
    // KubePodCrashLooping's runbook is found by its name; KubeNodeNotReady's link cannot be followed.
    expect(healthLines(without.text, 'Alert runbook links outside the library (not checked)')).toEqual([
      'health: Alert runbook links outside the library (not checked): manifests/kubernetes-rules.yaml: KubeNodeNotReady: https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubenodenotready is outside the library',
    ]);
    expect(without.text).toContain('1 link outside the library not checked (give --site-base URL=folder');
    const base = parseSiteBase('https://runbooks.prometheus-operator.dev/runbooks/=content/runbooks');
    if (!base) throw new Error('site base refused');
    const withBase = formatLintReport(snapshot, today, true, [base]);
    expect(healthLines(withBase.text, 'Alert runbook links outside the library (not checked)')).toEqual([]);
    expect(healthLines(withBase.text, 'Alert runbook links that point at no file')).toEqual([
      'health: Alert runbook links that point at no file: manifests/kubernetes-rules.yaml: KubeNodeNotReady: https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubenodenotready points at no file (looked for content/runbooks/kubernetes/kubenodenotready.md)',
    ]);
    expect(healthLines(withBase.text, 'Alerts without a runbook').map((line) => line.split(': ')[3])).toEqual(['Watchdog has no runbook; looked for']);
    // Links it could not check do not fail --strict; the one to no file does.
    expect(withBase.errors - without.errors).toBe(1);
  });

  it('refuses a --site-base that is not URL=folder', () => {
    expect(parseSiteBase('content/runbooks')).toBeUndefined();
    expect(parseSiteBase('ftp://x/=y')).toBeUndefined();
    expect(parseSiteBase('https://a.dev/runbooks=docs')).toEqual({ url: 'https://a.dev/runbooks', folder: 'docs' });
  });

  it('runs from the command line with --site-base', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('npx', ['tsx', 'electron/lint-library-cli.ts', 'test/fixtures/prometheus-rule', '--site-base', 'https://runbooks.prometheus-operator.dev/runbooks/=content/runbooks']);
    expect(stdout).toContain('3 alerting rules: 1 alert without a runbook, 1 runbook link to no file, 0 links outside the library not checked');
  }, 60_000);
});

describe('YAML in a library folder', () => {
  let root: string | undefined;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('skips a YAML file over the size limit with a word, never as an error, and reads the runbooks', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'failsafe-rules-'));
    await mkdir(path.join(root, 'rules'));
    await writeFile(path.join(root, 'rules', 'huge.yml'), `groups:\n#${'x'.repeat(DEFAULT_LIMITS.maxFileBytes)}\n`);
    await writeFile(path.join(root, 'rules', 'ok.yml'), 'groups: [{name: g, rules: [{alert: DiskFull}]}]\n');
    await writeFile(path.join(root, 'disk-full.md'), '# Disk full\n');
    const snapshot = await loadLibraryFolder(root, source);
    expect(snapshot.problems.map((problem) => [problem.path, problem.level])).toEqual([['rules/huge.yml', 'skipped']]);
    expect(snapshot.alertRules?.map((rule) => rule.alert)).toEqual(['DiskFull']);
    expect(formatLintReport(snapshot, today).text).toContain('1 alerting rule: 0 alerts without a runbook');
  });
});
