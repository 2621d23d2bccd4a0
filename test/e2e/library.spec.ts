import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { splitFrontMatter } from '../../shared/library/front-matter';
import { BROKEN_LIBRARY_RENDERER, hostKind, RENDERER, savedFilesFolder } from './host';
import type { Page } from '@playwright/test';
import { expect, storedImport, test } from './fixtures';

/** How many runbooks the build bundled, as its library file holds them. */
const bundledCount = async () => (JSON.parse(await readFile(path.join(RENDERER, 'library.json'), 'utf8')) as { runbooks: unknown[] }).runbooks.length;

/** Ctrl+K, a query typed key by key, Enter: the runbook it opens has this title. */
async function openBySearch(page: Page, query: string, title: string) {
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially(query);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

const results = (page: Page) => page.getByRole('listbox', { name: 'Results' }).getByRole('option');

test('cold start with no network shows the bundled library', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'PostgreSQL outage and Patroni failover' })).toBeVisible();
  await expect(page.getByText(/^\d+ runbooks$/).first()).toHaveText(`${await bundledCount()} runbooks`);
  await expect(page.getByTestId('network-state')).toHaveText('Offline');
  await expect(page.getByTestId('library-source')).toContainText('Bundled library, built');
  await expect(page.getByRole('complementary', { name: 'Pinned notes' })).toContainText('Never share database credentials');
  // app:info answered through window.failsafe, the typed bridge of shared/ipc-contract.
  await expect(page.getByRole('contentinfo')).toContainText(hostKind() === 'electron' ? '(desktop)' : 'Failsafe 0.0.0-e2e (test host)');
});

test('Ctrl+K, a typo query and Enter open the right runbook', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  await page.keyboard.press('Control+K');
  const input = page.getByRole('combobox', { name: 'Search runbooks' });
  await expect(input).toBeFocused();
  await input.pressSequentially('postgers failover');
  const first = results(page).first();
  await expect(first).toContainText('PostgreSQL outage and Patroni failover');
  await expect(first.locator('mark').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('PostgreSQL outage and Patroni failover');
  await expect(page.getByRole('complementary').getByRole('heading', { name: 'Admin notes' })).toBeVisible();
});

test('arrows choose among results and / opens the palette', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  await page.keyboard.press('/');
  await page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially('rollbak deploy');
  // The list says when it answers what was typed; until then, results of a shorter query may show.
  await expect(page.getByRole('listbox', { name: 'Results' })).toHaveAttribute('aria-busy', 'false');
  await expect(results(page).first()).toBeVisible();
  const second = await results(page).nth(1).locator('.hit-title').innerText();
  await page.keyboard.press('ArrowDown');
  await expect(results(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(second);
});

test('the copy button puts the exact command on the clipboard', async ({ launch, profile }) => {
  const app = await launch(profile);
  await app.page.getByRole('link', { name: 'SSL/TLS certificate renewal' }).click();
  const block = app.page.locator('.code-block', { hasText: 'certbot renew' });
  await block.getByRole('button', { name: 'Copy' }).click();
  await expect(block.getByRole('button')).toHaveText('Copied');
  expect(await app.readClipboard()).toBe('sudo certbot renew --cert-name api.example.com');
});

test('a relaunch with the same profile shows the same library without importing again', async ({ launch, profile }) => {
  const first = await launch(profile);
  await expect(first.page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  const imported = await storedImport(first.page);
  expect(imported?.importCount).toBe(1);
  await first.close();

  const second = await launch(profile);
  await expect(second.page.getByRole('link', { name: 'PostgreSQL outage and Patroni failover' })).toBeVisible();
  expect(await storedImport(second.page)).toEqual(imported);
  if (hostKind() === 'chromium') {
    // The stand-in host sees every file request: the snapshot itself was not even fetched.
    expect(second.requestedPaths).toContain('/library-meta.json');
    expect(second.requestedPaths).not.toContain('/library.json');
  }
  await second.page.keyboard.press('Control+K');
  await second.page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially('patroni swichover');
  await expect(results(second.page).first()).toContainText('Planned Patroni switchover');
});

test('the library health screen lists a broken file while the rest works', async ({ launch, profile }) => {
  const { page } = await launch(profile, BROKEN_LIBRARY_RENDERER);
  await expect(page.getByRole('link', { name: 'Disk full on a database host' })).toBeVisible();
  await page.getByRole('link', { name: /Library health \(1 problem\)/ }).click();
  const row = page.getByRole('region', { name: 'Problems reading the library' }).getByRole('listitem').filter({ hasText: 'broken-front-matter.md' });
  await expect(row).toContainText('incident-response/broken-front-matter.md');
  await expect(row).toContainText('front matter is not valid YAML');
  await openBySearch(page, 'disk ful', 'Disk full on a database host');
});

test('a runbook nested thousands of levels deep shows what it can and says why; the app keeps working', async ({ launch, profile }) => {
  const { page } = await launch(profile, BROKEN_LIBRARY_RENDERER);
  await page.getByRole('link', { name: 'Nested beyond reason' }).click();
  await expect(page.getByText('This part repeats or nests Markdown marks beyond what Failsafe renders')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Steps' })).toBeVisible();
  await expect(page.getByText('Page the on-call lead.')).toBeVisible();
  await openBySearch(page, 'disk ful', 'Disk full on a database host');
});

test('relative links open the linked runbook, a folder README included, scrolled to the section', async ({ launch, profile }) => {
  const { page } = await launch(profile, BROKEN_LIBRARY_RENDERER);
  await page.getByRole('link', { name: 'Disk full on a database host' }).click();
  await page.getByRole('link', { name: 'Redis memory pressure' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redis cache');
  await expect(page).toHaveURL(/#\/runbook\/services\/redis\?section=memory-pressure$/);
  await expect(page.getByRole('heading', { name: 'Memory pressure' })).toBeInViewport();
  await page.goBack();
  await page.getByRole('link', { name: 'Redis runbook' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redis cache');
  await expect(page.getByRole('heading', { name: 'Step 1: Check shard 1' })).toBeInViewport();
});

test('storage that cannot be opened gives a clear screen, not a blank window', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  // As in a locked-down profile or a private window where IndexedDB is refused.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
  });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Storage is not available');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('filters narrow the library and the search results', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  const library = page.getByRole('region', { name: 'Runbook library' });
  await library.getByLabel('Priority').selectOption('critical');
  await expect(library.getByText(/^\d+ runbooks$/)).not.toHaveText(`${await bundledCount()} runbooks`);
  await expect(library.locator('.badge.priority-critical')).toHaveCount(await library.getByRole('listitem').count());
  await library.getByLabel('Tag').selectOption('patroni');
  await expect(library.getByRole('listitem')).toHaveText([/PostgreSQL outage and Patroni failover/]);

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Search runbooks' });
  await palette.getByLabel('Type').selectOption('maintenance');
  await palette.getByRole('combobox', { name: 'Search runbooks' }).fill('patroni');
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first()).toContainText('Planned Patroni switchover');
});

test('Save a copy writes the runbook’s Markdown, word for word, where the save dialog says', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.getByRole('link', { name: 'Disk full on a host' }).click();
  await page.getByRole('button', { name: 'Save a copy' }).click();
  const saved = path.join(savedFilesFolder(profile), 'disk-full.md');
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toHaveText(`Saved to ${saved}.`);
  const source = splitFrontMatter(await readFile('runbooks/troubleshooting/disk-full.md', 'utf8'));
  expect(source.ok && (await readFile(saved, 'utf8'))).toBe(source.ok && source.body);
});

test('the stand-in host refuses an IPC payload of the wrong shape with a clear error, through the dispatch Electron’s main uses', async ({ launch, profile }) => {
  test.skip(hostKind() === 'electron', 'the renderer cannot reach ipcRenderer directly in Electron; the unit tests drive the same dispatch');
  const { page } = await launch(profile);
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  const refused = await page.evaluate(() =>
    (window as unknown as { __failsafeInvoke(channel: string, payload: unknown): Promise<unknown> }).__failsafeInvoke('sync:run', { haveCommit: 42 }).then(
      () => 'accepted',
      (error: Error) => error.message,
    ),
  );
  expect(refused).toContain('IPC refused: sync:run takes { haveCommit?: commit id }');
});
