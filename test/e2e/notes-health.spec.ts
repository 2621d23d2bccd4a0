import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { parseLibrary } from '../../shared/library/library-parser';
import { expect, test } from './fixtures';
import { chromiumPath, savedFilesFolder } from './host';

test('a local warning on a runbook step: on the runbook above the library’s notes, in a run on that step, after a relaunch, exported as a notes/ file', async ({ launch, profile }) => {
  const first = await launch(profile);
  const { page } = first;
  await page.evaluate(() => (window.location.hash = '#/runbook/incident-response/database-outage'));
  await page.getByRole('button', { name: 'Write a note' }).click();
  const editor = page.getByRole('dialog', { name: 'Write a note for the next responder' });
  await editor.getByLabel('Kind').selectOption('warning');
  await editor.getByLabel('Title').fill('db-2 lags after a vacuum');
  await editor.getByLabel('Note (Markdown)').fill('Promote **db-3** if db-2 shows more than 10 MB of lag.');
  await editor.getByLabel('Tags').fill('postgres, failover');
  await editor.getByLabel(/^Step of/).selectOption('4');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  const notes = page.getByRole('complementary').getByRole('region', { name: 'Admin notes' }).getByRole('article');
  await expect(notes.first()).toHaveAccessibleName('db-2 lags after a vacuum');
  await expect(notes.first()).toContainText('Local');
  await expect(notes.first()).toContainText('step 4');
  expect(await notes.count()).toBeGreaterThan(1);

  // In a run, on its step.
  await page.keyboard.press('i');
  await page.keyboard.type('Primary down');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Current incident' })).toContainText('Primary down');
  await page.evaluate(() => (window.location.hash = '#/runbook/incident-response/database-outage'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('PostgreSQL outage and Patroni failover');
  await page.keyboard.press('r');
  await expect(page.getByRole('dialog').getByLabel('Database host')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
  const stepNotes = page.getByRole('region', { name: 'Team notes on this step' });
  await expect(stepNotes).toHaveCount(0);
  for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 4 of/ })).toBeVisible();
  await expect(stepNotes).toContainText('db-2 lags after a vacuum');

  // Relaunched, still there.
  await first.close();
  const { page: again } = await launch(profile);
  await again.evaluate(() => (window.location.hash = '#/runbook/incident-response/database-outage'));
  const card = again.getByRole('article', { name: 'db-2 lags after a vacuum' });
  await expect(card).toBeVisible();

  // Exported for the team: the file parses back into the same note.
  await card.getByRole('button', { name: 'Save as a notes/ file' }).click();
  await expect(card.getByRole('status')).toContainText('Saved to');
  const folder = savedFilesFolder(profile);
  const name = (await readdir(folder)).find((file) => file.endsWith('.md'))!;
  expect(name).toBe('db-2-lags-after-a-vacuum.md');
  const text = await readFile(path.join(folder, name), 'utf8');
  expect(text).toBe('---\ntitle: db-2 lags after a vacuum\nkind: warning\ntags:\n  - postgres\n  - failover\nrunbooks:\n  - incident-response/database-outage\nstep: 4\n---\nPromote **db-3** if db-2 shows more than 10 MB of lag.\n');
  const parsed = parseLibrary([{ path: `notes/${name}`, text }], { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' });
  expect(parsed.notes[0]).toMatchObject({ title: 'db-2 lags after a vacuum', kind: 'warning', tags: ['postgres', 'failover'], runbooks: ['incident-response/database-outage'], step: 4 });

  // Marked helpful, deleted and restored, found by search.
  await card.getByRole('button', { name: 'Mark helpful' }).click();
  await expect(card.getByRole('button', { name: 'Helpful ✓' })).toBeVisible();
  await again.keyboard.press('Control+K');
  await again.getByRole('combobox', { name: 'Search runbooks' }).fill('vacuum lag');
  await expect(again.getByRole('group', { name: 'Admin notes' })).toContainText('db-2 lags after a vacuum');
  await again.keyboard.press('Escape');
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(card).toBeHidden();
  await again.keyboard.press('Control+7');
  await again.getByRole('region', { name: 'Recently deleted' }).getByRole('button', { name: 'Restore' }).click();
  await expect(again.getByRole('article', { name: 'db-2 lags after a vacuum' })).toBeVisible();
});

/** The README's own examples, a typo and a symptom in shorthand: the old offline matcher found nothing for either. */
const OFFLINE_QUERIES = ['postgers failover', 'db down'];

test('the offline copy opens in a fresh browser with every request blocked, finds what the palette finds (same first three), opens by keyboard, and makes no request', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  // What the app's palette lists first for each query.
  const inApp: Record<string, string[]> = {};
  for (const query of OFFLINE_QUERIES) {
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: 'Search runbooks' }).fill(query);
    await expect(page.getByRole('listbox', { name: 'Results' })).toHaveAttribute('aria-busy', 'false');
    inApp[query] = (await page.locator('[role=group]:is([aria-label="Runbooks"], [aria-label="Weaker matches"]) [role=option] .hit-title').allTextContents()).slice(0, 3);
    expect(inApp[query].length, `the palette finds something for “${query}”`).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  }
  await page.keyboard.press('Control+8');
  await page.getByRole('button', { name: 'Save an offline copy (HTML)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible({ timeout: 30_000 });
  const folder = savedFilesFolder(profile);
  const name = (await readdir(folder)).find((file) => file.endsWith('.html'))!;
  const file = path.join(folder, name);
  const html = await readFile(file, 'utf8');
  expect(html).toContain("default-src 'none'");

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const context = await browser.newContext({ offline: true });
    const requests: string[] = [];
    const problems: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith('file://')) requests.push(request.url());
    });
    await context.route((url) => !url.href.startsWith('file://'), (route) => route.abort());
    const offline = await context.newPage();
    // A script the policy refused, or one that failed, would leave search dead: both are reported here.
    offline.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    offline.on('pageerror', (error) => problems.push(error.message));
    await offline.goto(`file://${file}`);
    await expect(offline.locator('html')).toHaveAttribute('data-ready', 'true');
    await expect(offline.locator('header.banner')).toContainText(/exported \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · bundled library, version \w+ · roster bundled with the app \(built /);
    const search = offline.getByLabel('Search the offline copy');
    const results = offline.getByRole('list', { name: 'Results' });
    const runbookTitles = results.locator('a[href^="#/runbook/"] .title');
    for (const query of OFFLINE_QUERIES) {
      await search.fill(query);
      await expect(runbookTitles.first()).toBeVisible();
      expect((await runbookTitles.allTextContents()).slice(0, 3), `the copy's first three for “${query}”`).toEqual(inApp[query]);
    }

    // Keyboard: `/` from the page, the second result by arrows, Enter opens it and hides the list.
    await offline.keyboard.press('Escape');
    await offline.locator('nav.index').click();
    await offline.keyboard.press('/');
    await expect(search).toBeFocused();
    await offline.keyboard.type('patroni failovr');
    await expect(runbookTitles.first()).toHaveText('PostgreSQL outage and Patroni failover');
    const second = (await runbookTitles.nth(1).textContent()) ?? '';
    await offline.keyboard.press('ArrowDown');
    await offline.keyboard.press('ArrowDown');
    await offline.keyboard.press('Enter');
    const article = offline.locator('article.doc:not([hidden])');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(second);
    await expect(article.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(results).toBeHidden();

    // Enter in the search box opens the first result; the page's command and Copy button are there.
    await offline.keyboard.press('/');
    await expect(results).toBeVisible();
    await offline.keyboard.press('Enter');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText('PostgreSQL outage and Patroni failover');
    await expect(article).toContainText('patronictl -c /etc/patroni/patroni.yml list');
    const copy = article.locator('.copy-button').first();
    await copy.click();
    // The file's browser may refuse the clipboard: either way the button answers.
    await expect(copy).toHaveText(/^(Copied|Select and copy)$/);
    // The app's section links: the page opens at that heading, marked.
    await offline.evaluate(() => (window.location.hash = '#/runbook/incident-response/database-outage?section=prerequisites'));
    await expect(article.locator('.section-shown')).toHaveText('Prerequisites');
    await expect(article.locator('.section-shown')).toBeFocused();
    await expect(article.locator('.section-shown')).toBeInViewport();
    await offline.evaluate(() => (window.location.hash = '#/oncall'));
    await expect(offline.locator('article.doc:not([hidden])')).toContainText('Ada Quill');
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('a runbook prints without the app around it, and the quick reference fits on a few pages', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.evaluate(() => (window.location.hash = '#/runbook/incident-response/database-outage'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('PostgreSQL outage and Patroni failover');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Step 8: Tell people' })).toBeVisible();
  const runbookPdf = await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => (window.location.hash = '#/quick-reference'));
  await expect(page.locator('.qr-runbook').first()).toBeVisible();
  const quick = await page.pdf({ format: 'A4' });
  const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages(runbookPdf)).toBeGreaterThan(0);
  expect(pages(quick)).toBeGreaterThan(0);
  expect(pages(quick)).toBeLessThanOrEqual(4);
});
