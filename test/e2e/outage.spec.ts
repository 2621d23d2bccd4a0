import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { E2E_BUILD, savedFilesFolder } from './host';
import { stepOutcomes, tickEveryCheck, withoutClockReadings } from './incident-helpers';

// One whole outage as a responder works it, keyboard first: from a symptom to a resolved incident
// and its export. Each moment is screenshotted at 1280x800 in both themes (build/e2e/screenshots/
// outage-*.png, and attached to the test's report), and the export is compared with a stored file.

const EXPECTED = new URL('../fixtures/incident-export/outage-expected.md', import.meta.url);
const SCREENSHOTS = path.join(E2E_BUILD, 'screenshots');
const TITLE = 'Checkout API returns 502 for a third of requests';

let shot = 0;
async function look(page: Page, testInfo: TestInfo, moment: string) {
  shot++;
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const file = path.join(SCREENSHOTS, `outage-${String(shot).padStart(2, '0')}-${moment}-1280x800-${colorScheme}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(`${moment} (${colorScheme})`, { path: file, contentType: 'image/png' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const bar = (page: Page) => page.getByRole('region', { name: 'Current incident' });
const stepHeading = (page: Page, step: number) => page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step} of 9`) });

test('a whole outage by keyboard: symptom, runbook, run with a skip, a failure and a reopen, the chain, three messages, resolution, export', async ({ launch, profile }, testInfo) => {
  test.slow();
  await mkdir(SCREENSHOTS, { recursive: true });
  const { page, readClipboard } = await launch(profile);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('region', { name: 'Runbook library' })).toBeVisible();

  // Declared by keyboard.
  await page.keyboard.press('i');
  await expect(page.getByRole('dialog', { name: 'Declare an incident' }).getByLabel('Title')).toBeFocused();
  await page.keyboard.type(TITLE);
  await page.keyboard.press('Enter');
  await expect(bar(page)).toContainText(TITLE);
  await page.keyboard.press('Alt+2');
  await expect(bar(page)).toContainText('acknowledged');
  await page.keyboard.press('Control+2');
  await look(page, testInfo, 'declared');

  // From the symptom to the runbook.
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially('pods keep crashing 502');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('Application crash or high error rate');
  await look(page, testInfo, 'symptom-search');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application crash or high error rate');

  // The run: parameters, a note, a skip, a failure, the recovery panel, a reopen.
  await page.keyboard.press('r');
  const start = page.getByRole('dialog');
  await expect(start.getByLabel('Kubernetes namespace')).toBeFocused();
  await start.getByLabel('Deployment').fill('checkout');
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 1)).toBeVisible();
  await page.keyboard.press('c');
  await expect.poll(readClipboard).toContain('checkout');
  await page.keyboard.press('n');
  await page.keyboard.type('Error rate 33% on checkout pods, since 02:10');
  await page.keyboard.press('Enter');
  await page.keyboard.press('d');
  await expect(stepHeading(page, 2)).toBeVisible();
  await page.keyboard.press('s');
  await page.keyboard.type('logs already in the error tracker');
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 3)).toBeVisible();
  await page.keyboard.press('d');
  await expect(stepHeading(page, 4)).toBeVisible();
  await page.keyboard.press('f');
  await page.keyboard.type('rollout undo: no previous revision');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: /Rollback and related runbooks/ })).toBeVisible();
  await look(page, testInfo, 'step-failed');
  await page.keyboard.press('o');
  await expect(stepHeading(page, 4)).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.type('Rolled back with the previous image tag by hand');
  await page.keyboard.press('Enter');
  for (let step = 4; step <= 9; step++) {
    await page.keyboard.press('d');
    if (step < 9) await expect(stepHeading(page, step + 1)).toBeVisible();
  }
  await expect.poll(() => stepOutcomes(page)).toEqual(['done', 'skipped', 'done', 'done', 'done', 'done', 'done', 'done', 'done']);
  await page.keyboard.press('e');
  await tickEveryCheck(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Run completed' })).toBeVisible();
  await look(page, testInfo, 'run-completed');

  // Down the escalation chain: the primary does not answer, the secondary does.
  await page.keyboard.press('Control+5');
  const chain = page.getByRole('region', { name: /^Escalation for P1/ });
  await chain.locator('li.chain-now').getByRole('button', { name: 'No answer' }).click();
  await expect(chain.locator('li.chain-now')).toContainText('Bram Okafor');
  await chain.locator('li.chain-now').getByRole('button', { name: 'Reached' }).click();
  await expect(page.getByTestId('chain-ended')).toBeVisible();
  await look(page, testInfo, 'chain');

  // The initial notice, then two updates: each time Messages offers the one that fits.
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Initial incident notice');
  // The service customers see has no default to send by mistake ("API" went out for a checkout
  // outage): the cursor waits in it first.
  await expect(page.getByLabel('Affected service')).toBeFocused();
  await expect(page.getByLabel('Affected service')).toHaveValue('');
  await page.keyboard.type('Checkout');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Who is affected and how')).toBeFocused();
  await page.keyboard.type('1 in 3 card payments fail at checkout');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'recorded in the incident' })).toBeVisible();
  for (const progress of ['Rolled back checkout to the previous image; error rate falling', 'Error rate back to normal for 15 minutes; watching']) {
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+6');
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Incident update');
    await expect(page.getByLabel('What we know and what we did')).toBeFocused();
    await page.keyboard.type(progress);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('status').filter({ hasText: 'recorded in the incident' })).toBeVisible();
  }
  await look(page, testInfo, 'messages');

  // Resolved; another runbook cannot quietly join the resolved incident.
  await page.keyboard.press('Alt+3');
  await page.keyboard.press('Alt+4');
  await expect(bar(page)).toContainText('resolved');
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially('disk full');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Disk full on a host');
  await page.keyboard.press('r');
  const where = page.getByRole('dialog', { name: 'Where should this run go?' });
  await expect(where).toContainText(`“${TITLE}” is resolved`);
  await look(page, testInfo, 'run-after-resolution');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${colorScheme}: ${violation.id}`)).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await expect(where).toBeHidden();

  // The record, exported word for word.
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await look(page, testInfo, 'resolved');
  await page.getByRole('button', { name: 'Save as Markdown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();
  const [name] = await readdir(savedFilesFolder(profile));
  const saved = await readFile(path.join(savedFilesFolder(profile), name), 'utf8');
  // FAILSAFE_UPDATE_EXPECTED=1 rewrites the expected file after a deliberate change of format; read the diff.
  if (process.env.FAILSAFE_UPDATE_EXPECTED) await writeFile(EXPECTED, withoutClockReadings(saved));
  expect(withoutClockReadings(saved)).toBe(await readFile(EXPECTED, 'utf8'));
});
