import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gitAvailable } from '../support/git-fixtures';
import { expect, test } from './fixtures';
import { serveRepositoryEachTest, syncFromSettings } from './sync-helpers';

// A repository laid out like GitLab's runbooks (test/fixtures/gitlab-rules: docs/<service>/ pages,
// Prometheus rule files whose alerts carry `runbook: docs/…` labels) synced from a real Git server:
// Library health lists the alert no runbook answers and the runbook label that points at no file.

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'gitlab-rules');
const FILES = ['docs/gitaly/README.md', 'docs/gitaly/gitaly-unavailable.md', 'docs/patroni/postgres-replication.md', 'rules/gitaly.yml', 'mimir-rules/gitlab-gprd/patroni.yml', 'services/service-catalog.yml', '.gitlab-ci.yml'];

async function gitlabRules(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const file of FILES) files[file] = await readFile(path.join(FIXTURES, file), 'utf8');
  return files;
}

test.describe('alert coverage of a synced repository', () => {
  test.skip(!gitAvailable(), 'needs git installed: the test Git server is git http-backend');

  const repository = serveRepositoryEachTest('gitlab-rules', gitlabRules);

  test('Library health lists the alert without a runbook and the runbook label that points at no file', async ({ launch, profile }) => {
    test.setTimeout(120_000);
    const { page } = await launch(profile);
    await syncFromSettings(page, repository.url());
    await expect(page.getByText(/Synced: 3 runbooks added/)).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Control+8');
    const without = page.getByRole('region', { name: 'Alerts without a runbook' });
    await expect(without.getByRole('heading')).toHaveText('Alerts without a runbook (1)');
    await expect(without.getByRole('listitem')).toContainText('PatroniLeaderElectionFlapping has no runbook');
    await expect(without.getByRole('listitem')).toContainText('mimir-rules/gitlab-gprd/patroni.yml');
    const dangling = page.getByRole('region', { name: 'Alert runbook links that point at no file' });
    await expect(dangling.getByRole('listitem')).toHaveText(['GitalyLatencyTooHigh: docs/gitaly/gitaly-latency.md points at no file (looked for docs/gitaly/gitaly-latency.md) rules/gitaly.yml']);
    await expect(page.getByRole('region', { name: 'Alert runbook links outside the library (not checked)' }).getByText('None.')).toBeVisible();
    // The YAML that holds no rules is no problem of the library.
    await expect(page.getByRole('region', { name: 'Problems reading the library' }).getByText('None.')).toBeVisible();
  });
});
