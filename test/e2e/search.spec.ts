import type { Page } from '@playwright/test';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { lookAt } from './look-at';
import { E2E_BUILD, RENDERER } from './host';
import { buildSearchIndex } from '../../shared/search/search-engine';
import { sectionOutline } from '../../shared/library/markdown/section-outline';
import type { LibrarySnapshot } from '../../shared/model';
import { responderLibrary, responderQueries } from '../support/responder-library';

/** The app with the library the responder queries are written against (bundled runbooks, team documents, public shapes). */
const RESPONDER_RENDERER = path.join(E2E_BUILD, 'renderer-responder-library');
let responder: LibrarySnapshot;

test.beforeAll(async () => {
  responder = await responderLibrary();
  await rm(RESPONDER_RENDERER, { recursive: true, force: true });
  await mkdir(E2E_BUILD, { recursive: true });
  await cp(RENDERER, RESPONDER_RENDERER, { recursive: true });
  await writeFile(path.join(RESPONDER_RENDERER, 'library.json'), JSON.stringify(responder));
  await writeFile(path.join(RESPONDER_RENDERER, 'library-meta.json'), JSON.stringify({ version: responder.version, source: responder.source }));
  await writeFile(path.join(RESPONDER_RENDERER, 'search-index.json'), JSON.stringify(buildSearchIndex(responder.version, responder.runbooks)));
});

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search runbooks' });
const input = (page: Page) => page.getByRole('combobox', { name: 'Search runbooks' });

async function openPalette(page: Page) {
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  await page.keyboard.press('Control+K');
  await expect(input(page)).toBeFocused();
}

test('a hit found only in a command shows the matching line, with whole words highlighted', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await openPalette(page);
  await input(page).pressSequentially('journalctl');
  const hit = palette(page).getByRole('option', { name: /Disk full on a host/ });
  await expect(hit.locator('.hit-snippet')).toHaveText('sudo journalctl --vacuum-size=500M');
  await expect(hit.locator('.hit-snippet mark')).toHaveText('journalctl');
});

test('an alert’s notification typed out, not pasted, is offered first as the alert: Enter opens it, its runbook named', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await openPalette(page);
  // Typed whole, this line searched for its words and Enter opened the outage runbook at its failover step.
  await input(page).pressSequentially('[FIRING:1] PostgresqlDown (instance=db-primary:9187 severity=critical)');
  const first = palette(page).getByRole('listbox', { name: 'Results' }).getByRole('option').first();
  await expect(first).toContainText('From the alert PostgresqlDown: its runbook, with the alert’s labels filled in');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'From an alert' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Alerts' }).getByRole('article').first()).toContainText('PostgreSQL outage and Patroni failover');
  // A bare alert name stays a search, whose first hit is the runbook naming it.
  await page.keyboard.press('Control+K');
  await input(page).fill('PostgresqlReplicationLag');
  await expect(palette(page).getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('PostgreSQL replication lag');
});

test('admin notes are found in their own group and open from the palette', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await openPalette(page);
  await input(page).pressSequentially('pgbouncer pools');
  const notes = palette(page).getByRole('group', { name: 'Admin notes' });
  const note = notes.getByRole('option', { name: /Database connection pooling with PgBouncer/ });
  await expect(note).toContainText('Best practice');
  await note.click();
  await expect(page.getByRole('heading', { name: 'Database connection pooling with PgBouncer' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Runbooks this note is about' }).getByRole('link', { name: 'PostgreSQL outage and Patroni failover' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('PostgreSQL outage and Patroni failover');
});

test('the palette keeps focus inside while open, Esc closes it and focus returns where it was', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  const trigger = page.getByRole('button', { name: /Search runbooks/ });
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(input(page)).toBeFocused();
  for (let press = 0; press < 6; press++) {
    await page.keyboard.press(press % 2 ? 'Shift+Tab' : 'Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(trigger).toBeFocused();
});

test('the shortcut label says Ctrl K here', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  const expected = process.platform === 'darwin' ? '⌘K' : 'Ctrl K';
  await expect(page.getByRole('button', { name: /Search runbooks/ }).locator('kbd')).toHaveText(expected);
});

/** Types a query and waits for its answer; the text of the first three options. */
async function topThree(page: Page, query: string): Promise<string[]> {
  await input(page).fill(query);
  const results = page.getByRole('listbox', { name: 'Results' });
  await expect(results).toHaveAttribute('aria-busy', 'false');
  await expect(results.getByRole('option').first()).toBeVisible();
  return (await results.getByRole('option').allInnerTexts()).slice(0, 3);
}

test('responder phrasings find their runbook, and their section in long documents, in the top three', async ({ launch, profile }) => {
  const { page } = await launch(profile, RESPONDER_RENDERER);
  await openPalette(page);
  const queries = await responderQueries();
  // A sample: symptoms, compound alert names, and sections of the team documents.
  const sample = ['cant connect to db', 'we got hacked', 'kubepod crashlooping', 'replication lag', 'stockroom rollback', 'paydesk database connection', 'course pages down', 'login broken'];
  for (const query of sample) {
    const wanted = queries.find((each) => each.query === query);
    if (!wanted) throw new Error(`${query} is not in the responder queries`);
    const runbook = responder.runbooks.find((each) => each.id === wanted.expect);
    if (!runbook) throw new Error(`${wanted.expect} is not in the library`);
    const heading = wanted.section && sectionOutline(runbook.body).find((section) => section.slug === wanted.section)?.heading;
    const shown = await topThree(page, query);
    expect(
      shown.some((text) => text.includes(runbook.title) && (!heading || text.includes(`› ${heading}`))),
      `${query}: wanted ${runbook.title}${heading ? ` › ${heading}` : ''} in ${JSON.stringify(shown)}`,
    ).toBe(true);
  }
});

test('a hit in a section of a long document names it, shows its line, lists the file\'s other matching sections under it, and Enter opens the page there, marked', async ({
  launch,
  profile,
}) => {
  const { page } = await launch(profile, RESPONDER_RENDERER);
  await openPalette(page);
  await input(page).fill('stockroom too many connections');
  const first = palette(page).getByRole('listbox', { name: 'Results' }).getByRole('option').first();
  await expect(first.locator('.hit-title')).toHaveText('Operations Runbook › Database Connection Issues stockroom/OPERATIONS_RUNBOOK');
  await expect(first.locator('.hit-snippet')).toContainText('too many connections');
  await input(page).fill('stockroom database');
  await expect(palette(page).locator('li.hit-also').first()).toBeVisible();
  await input(page).fill('stockroom too many connections');
  await expect(first.locator('.hit-title')).toHaveText('Operations Runbook › Database Connection Issues stockroom/OPERATIONS_RUNBOOK');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/runbook\/stockroom\/OPERATIONS_RUNBOOK\?section=database-connection-issues$/);
  const heading = page.getByRole('heading', { name: 'Database Connection Issues' });
  await expect(heading).toBeInViewport();
  await expect(heading).toHaveClass(/section-arrived/);
  // The mark fades and goes; the text never moved.
  const before = await heading.boundingBox();
  await expect(heading).not.toHaveClass(/section-arrived/, { timeout: 5_000 });
  expect(await heading.boundingBox()).toEqual(before);
  // Its title scrolled away, the page keeps it at the top, with the key that runs it, and the
  // section opened at is below it, not under it.
  const strip = page.getByTestId('runbook-context');
  await expect(strip).toBeVisible();
  // Two documents are titled so: the strip names the file too, as the title does.
  await expect(strip).toHaveText('Operations Runbook stockroom/OPERATIONS_RUNBOOKR run');
  const stripBox = await strip.boundingBox();
  expect(before!.y).toBeGreaterThanOrEqual(stripBox!.y + stripBox!.height);
  await lookAt(page, 'runbook-opened-at-section');
  await page.setViewportSize({ width: 1280, height: 720 });
  // A dialog opened over the page is over the strip too (a dialog's heading was seen under it):
  // the backdrop, not the strip, is what lies at the strip's place.
  await page.keyboard.press('r');
  await expect(page.getByRole('dialog')).toBeVisible();
  const at = (await strip.boundingBox())!;
  expect(await page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest('[data-testid="runbook-context"]'), [at.x + 20, at.y + at.height / 2])).toBe(false);
  await page.keyboard.press('Escape');
  // The keys scroll the page just opened: Home to its title and its Start a run button, End to its end.
  const main = page.locator('main.app-main');
  await page.keyboard.press('Home');
  await expect.poll(() => main.evaluate((element) => element.scrollTop)).toBe(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Operations Runbook' })).toBeInViewport();
  // With the title in view, the strip is not shown over it.
  await expect(strip).toBeHidden();
  await page.keyboard.press('End');
  await expect.poll(() => main.evaluate((element) => element.scrollHeight - element.clientHeight - element.scrollTop)).toBeLessThan(2);
});
