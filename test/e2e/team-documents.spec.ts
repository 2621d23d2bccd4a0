import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { readLibraryFolder } from '../../electron/library-loader';
import { parseLibrary } from '../../shared/library/library-parser';
import { expect, test } from './fixtures';
import { E2E_BUILD, RENDERER } from './host';
import { declareIncident } from './incident-helpers';

// Documents as teams write them, beside the bundled library: two "Operations Runbook"s told apart,
// metadata read from bold lines, text decoded twice repaired, an empty README listed, an alert's
// name kept under another title, and a `<commit-hash>` in a command asked as a parameter.

const TEAM_DOCS = 'test/fixtures/team-docs';
const ALERT = `---
title: Pod restarting again and again
type: incident-response
---
# KubePodRestartStorm

## Meaning

A pod's containers keep restarting.
`;
const ROLLBACK = `# Roll back the checkout service

## Steps

1. Revert the bad commit:
   \`\`\`bash
   git revert <commit-hash>
   \`\`\`
2. Watch the error rate fall.
`;
const TEAM_RENDERER = path.join(E2E_BUILD, 'renderer-team-documents');
const results = (page: Page) => page.getByRole('listbox', { name: 'Results' }).getByRole('option');

/** Ctrl+K once the library list is there, and the query typed. */
async function search(page: Page, query: string) {
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially(query);
}

test.beforeAll(async () => {
  await rm(TEAM_RENDERER, { recursive: true, force: true });
  await mkdir(E2E_BUILD, { recursive: true });
  await cp(RENDERER, TEAM_RENDERER, { recursive: true });
  const { files, problems } = await readLibraryFolder('runbooks');
  for (const team of ['paydesk', 'stockroom']) {
    for (const name of await readdir(path.join(TEAM_DOCS, team))) files.push({ path: `${team}/${name}`, text: await readFile(path.join(TEAM_DOCS, team, name), 'utf8') });
  }
  files.push({ path: 'paydesk/README.md', text: '' }, { path: 'alerts/kube-pod-restart-storm.md', text: ALERT }, { path: 'deployment/checkout-rollback.md', text: ROLLBACK });
  const snapshot = parseLibrary(files, { kind: 'bundled', builtAt: new Date().toISOString() }, problems);
  await writeFile(path.join(TEAM_RENDERER, 'library.json'), JSON.stringify(snapshot));
  await writeFile(path.join(TEAM_RENDERER, 'library-meta.json'), JSON.stringify({ version: snapshot.version, source: snapshot.source }));
  // The index of the bundled library does not know the added documents: the app builds its own.
  await rm(path.join(TEAM_RENDERER, 'search-index.json'));
});

test('two documents of one title are told apart, and each shows the metadata its first lines state', async ({ launch, profile }) => {
  const { page } = await launch(profile, TEAM_RENDERER);
  await search(page, 'operations runbook');
  const both = results(page).filter({ hasText: 'Operations Runbook' });
  await expect(both).toHaveCount(2);
  await expect(both.filter({ hasText: 'paydesk/OPERATIONS_RUNBOOK' })).toHaveCount(1);
  await expect(both.filter({ hasText: 'stockroom/OPERATIONS_RUNBOOK' })).toHaveCount(1);

  await page.keyboard.press('Escape');
  await page.evaluate(() => (window.location.hash = '#/runbook/stockroom/OPERATIONS_RUNBOOK'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Operations Runbook');
  const header = page.locator('.runbook-header');
  await expect(header.locator('.title-place')).toHaveText('stockroom/OPERATIONS_RUNBOOK');
  await expect(header.getByRole('definition').filter({ hasText: 'Stockroom Operations' })).toBeVisible();
  // Decoded twice in the file, repaired on the page.
  await expect(header.getByRole('definition').filter({ hasText: '✅ Current' })).toBeVisible();
  await expect(page.locator('.runbook')).not.toContainText('âœ…');

  await page.keyboard.press('Control+8');
  const withoutOwner = page.getByRole('region', { name: 'Without an owner' });
  await expect(withoutOwner).toBeVisible();
  await expect(withoutOwner).not.toContainText('Operations Runbook');
  const problems = page.getByRole('region', { name: 'Problems reading the library' });
  await expect(problems.getByRole('listitem').filter({ hasText: 'paydesk/README.md' })).toContainText('skipped: the file is empty');
  await expect(problems.getByRole('listitem').filter({ hasText: 'stockroom/OPERATIONS_RUNBOOK.md' })).toContainText('note: text was decoded twice');
  // The repaired file is listed as a note but not counted: the empty README is the one problem.
  await expect(page.getByRole('navigation', { name: 'Places' }).locator('a[href="#/health"] .place-label')).toHaveText('Library health (1 problem)');
});

test('an alert name kept as the H1 under another title is on the page and found by search', async ({ launch, profile }) => {
  const { page } = await launch(profile, TEAM_RENDERER);
  await search(page, 'KubePodRestartStorm');
  await expect(results(page).first()).toContainText('Pod restarting again and again');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Pod restarting again and again' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'KubePodRestartStorm' })).toBeVisible();
});

test('a <commit-hash> in a command is asked when the run starts and filled into the command', async ({ launch, profile }) => {
  const { page } = await launch(profile, TEAM_RENDERER);
  await declareIncident(page, 'Checkout failing after the deploy');
  await page.evaluate(() => (window.location.hash = '#/runbook/deployment/checkout-rollback'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roll back the checkout service');
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: /Run “Roll back the checkout service”/ });
  const field = dialog.getByLabel('Commit hash');
  await expect(field).toBeFocused();
  await expect(dialog).toContainText('<commit-hash>');
  await page.keyboard.type('4f2a9c1');
  await page.keyboard.press('Enter');
  const step = page.getByRole('region', { name: 'Step 1' });
  await expect(step.locator('pre')).toContainText('git revert 4f2a9c1');
});

test('Copy on the page copies a command as written and names the placeholders still to replace', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile, TEAM_RENDERER);
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/runbook/deployment/checkout-rollback'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Roll back the checkout service');
  const block = page.locator('.code-block').filter({ hasText: 'git revert' });
  await block.getByRole('button', { name: 'Copy' }).click();
  await expect.poll(readClipboard).toBe('git revert <commit-hash>');
  await expect(block.getByRole('button')).toHaveText('Copied with placeholders to replace: <commit-hash>');
});
