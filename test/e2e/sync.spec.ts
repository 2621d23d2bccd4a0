import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FixtureRepo, gitAvailable, runbook } from '../support/git-fixtures';
import { startGitServer, type GitServer } from '../support/git-http-server';
import { expect, test } from './fixtures';
import { hostKind } from './host';
import { declareIncident, openRunbook, stepOutcomes } from './incident-helpers';

const results = (page: Page) => page.getByRole('listbox', { name: 'Results' }).getByRole('option');

test.describe('Git sync', () => {
  test.skip(!gitAvailable(), 'needs git installed: the test Git server is git http-backend');

  let root: string;
  let repo: FixtureRepo;
  let server: GitServer;

  test.beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'failsafe-e2e-git-'));
    repo = await FixtureRepo.create(root, 'team', {
      'streaming/kafka-consumer-lag.md': runbook('Kafka consumer lag', '\n```bash\nkafka-consumer-groups --describe --group billing\n```\n'),
    });
    server = await startGitServer({ root });
  });

  test.afterEach(async () => {
    await server.kill();
    await repo.remove();
    await rm(root, { recursive: true, force: true });
  });

  test('a runbook that exists only in the repo becomes searchable; with the server gone, sync says offline and search still works', async ({ launch, profile }) => {
    const { page } = await launch(profile);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Repository URL').fill(server.url('team'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText('Synced: 1 runbook added')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('library-source')).toContainText(`Git ${repo.head().slice(0, 8)}`);

    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially('kafka consumr lag');
    await expect(results(page).first()).toContainText('Kafka consumer lag');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kafka consumer lag');

    await server.kill();
    await page.keyboard.press('Control+Shift+S');
    await expect(page.getByRole('alert')).toContainText('The Git server did not answer', { timeout: 10_000 });
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Search runbooks' }).fill('kafka lag');
    await expect(results(page).first()).toContainText('Kafka consumer lag');
  });

  test('a sync in the middle of a run changes nothing under it, and the run says its runbook changed', async ({ launch, profile }) => {
    const steps = (second: string) => `---\ntitle: Restart the workers\n---\n# Restart the workers\n\n## Steps\n\n### Step 1: Drain the queue\n\`\`\`bash\nworkerctl drain\n\`\`\`\n\n### Step 2: ${second}\n\`\`\`bash\nworkerctl restart --all\n\`\`\`\n\n### Step 3: Watch the queue\n\`\`\`bash\nworkerctl stats\n\`\`\`\n`;
    await repo.commit({ 'ops/restart-workers.md': steps('Restart every worker') }, 'add the workers runbook');
    const { page } = await launch(profile);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Repository URL').fill(server.url('team'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText('Synced: 2 runbooks added')).toBeVisible({ timeout: 20_000 });

    await declareIncident(page, 'Jobs stuck');
    await openRunbook(page, 'restart workers', 'Restart the workers');
    await page.keyboard.press('r');
    await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 3: Drain the queue/ })).toBeVisible();
    await page.keyboard.press('d');
    await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 3: Restart every worker/ })).toBeVisible();
    await expect(page.getByTestId('runbook-changed')).toHaveCount(0);

    await repo.commit({ 'ops/restart-workers.md': steps('Restart only the stuck workers').replace('workerctl restart --all', 'workerctl restart --stuck') }, 'restart only the stuck ones');
    await page.keyboard.press('Control+Shift+S');
    await expect(page.getByText('Synced: 1 runbook updated')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('runbook-changed')).toContainText('This runbook has changed in the library since this run started.');
    await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 3: Restart every worker/ })).toBeVisible();
    await expect(page.locator('.run-step .code-block')).toContainText('workerctl restart --all');
    expect(await stepOutcomes(page)).toEqual(['done', 'in progress', 'to do']);
  });

  test('a local change to the roster and a local note survive a sync of a new library, marked local', async ({ launch, profile }) => {
    await repo.commit({ 'oncall.yml': 'people:\n  - { name: Ines Park, role: Primary on-call, phone: "+1 555 0400", escalation: 1 }\n' }, 'the team’s own roster');
    const { page } = await launch(profile);
    await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
    await page.keyboard.press('Control+5');
    await page.getByRole('button', { name: 'Add or change a person…' }).click();
    const form = page.getByRole('form', { name: 'Add or change a person' });
    await form.getByLabel('Name').fill('Gus Ferreira');
    await form.getByLabel('Role').fill('Primary on-call (this week)');
    await form.getByLabel('Phone').fill('+1 555 0200');
    await form.getByLabel('Why (required)').fill('covering for Ada this week');
    await form.getByRole('button', { name: 'Save on this machine' }).click();
    const gus = page.locator('#roster tbody tr', { hasText: 'Gus Ferreira' });
    await expect(gus.locator('.badge.local')).toHaveText('local');
    await expect(gus).toContainText('covering for Ada this week');
    // A note written on this machine, too.
    await page.keyboard.press('Control+7');
    await page.getByRole('button', { name: 'Write a note' }).click();
    const editor = page.getByRole('dialog', { name: 'Write a note for the next responder' });
    await editor.getByLabel('Title').fill('Ask Gus before restarting the queue');
    await editor.getByLabel('Note (Markdown)').fill('He knows which consumers are safe to stop.');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('article', { name: 'Ask Gus before restarting the queue' })).toBeVisible();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Repository URL').fill(server.url('team'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText(/^Synced:/)).toBeVisible({ timeout: 20_000 });
    await page.keyboard.press('Control+5');
    await expect(page.locator('#roster tbody tr', { hasText: 'Ines Park' })).toBeVisible();
    await expect(page.locator('#roster tbody tr', { hasText: 'Ada Quill' })).toHaveCount(0);
    await expect(gus.locator('.badge.local')).toHaveText('local');
    await expect(gus).toContainText('+1 555 0200');
    await page.keyboard.press('Control+7');
    await expect(page.getByRole('article', { name: 'Ask Gus before restarting the queue' })).toContainText('Local');
  });

  test('a wrong setting is refused with a reason, and the token never comes back to the page', async ({ launch, profile }) => {
    const { page } = await launch(profile);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Repository URL').fill('http://git.example.com/team.git');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toContainText('Plain http is accepted only for this machine');

    await page.getByLabel('Repository URL').fill(server.url('team'));
    await page.getByLabel(/Access token/).fill('tok-very-secret-123');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByLabel(/Access token \(one is stored/)).toHaveValue('');
    expect(await page.content()).not.toContain('tok-very-secret-123');
    expect(await page.evaluate(() => window.failsafe?.syncSettings().then((settings) => JSON.stringify(settings)))).not.toContain('tok-very-secret-123');
  });
});

test('when the desktop side fails, saving settings and starting a sync say so in plain words and change nothing', async ({ launch, profile }) => {
  test.skip(hostKind() === 'electron', 'breaking a channel needs the stand-in host; Electron’s main runs the same handlers and dispatch');
  const { page } = await launch(profile, undefined, { brokenChannels: ['sync:set-settings', 'sync:run'] });
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Repository URL').fill('https://git.example.com/team/runbooks.git');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/^The settings could not be saved: .*the desktop side stopped answering\. The previous settings are still in use\.$/)).toBeVisible();
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByRole('alert').filter({ hasText: 'Sync could not start' })).toHaveText(/^Sync could not start: .*the desktop side stopped answering\. The library is unchanged\.$/);
  await expect(page.getByTestId('library-source')).toContainText('Bundled library');
});
