import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { declareIncident, stepOutcomes, storedDrafts, storedEvents } from './incident-helpers';

// Kill the app (SIGKILL, no goodbye) right after each action is acknowledged on screen, relaunch on
// the same profile, and find on screen everything that had been shown as done.

interface Action {
  name: string;
  /** Does it, and waits until the screen shows it done. */
  run(page: Page): Promise<void>;
}

const heading = (page: Page, step: number) => page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step} of 5`) });

const ACTIONS: Action[] = [
  { name: 'declare the incident', run: (page) => declareIncident(page, 'Release broke sign-in') },
  {
    name: 'start a run',
    run: async (page) => {
      await page.evaluate(() => (window.location.hash = '#/runbook/release/release-rollback'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rollback a release or deployment');
      await page.keyboard.press('r');
      await expect(heading(page, 1)).toBeVisible();
    },
  },
  {
    name: 'note on step 1',
    run: async (page) => {
      await page.keyboard.press('n');
      await page.keyboard.type('sign-in 500s since 02:05');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('list', { name: 'Notes on this step' })).toContainText('sign-in 500s since 02:05');
    },
  },
  {
    name: 'copy a command',
    run: async (page) => {
      await page.keyboard.press('c');
      await expect(page.locator('.run-notice')).toContainText(/Copied( \d of \d)?:/);
    },
  },
  { name: 'step 1 done', run: async (page) => (await page.keyboard.press('d'), await expect(heading(page, 2)).toBeVisible()) },
  {
    name: 'step 2 skipped',
    run: async (page) => {
      await page.keyboard.press('s');
      await page.keyboard.type('already on the old version');
      await page.keyboard.press('Enter');
      await expect(heading(page, 3)).toBeVisible();
    },
  },
  {
    name: 'step 3 failed',
    run: async (page) => {
      await page.keyboard.press('f');
      await page.keyboard.type('migration lock held');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('complementary', { name: 'Rollback and related runbooks' })).toBeVisible();
    },
  },
  {
    name: 'step 3 reopened',
    run: async (page) => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('o');
      await expect(heading(page, 3)).toContainText('in progress');
    },
  },
  { name: 'step 3 done', run: async (page) => (await page.keyboard.press('d'), await expect(heading(page, 4)).toBeVisible()) },
  {
    name: 'milestone acknowledged',
    run: async (page) => {
      await page.keyboard.press('Alt+2');
      await expect(page.getByRole('region', { name: 'Current incident' })).toContainText('acknowledged');
    },
  },
  { name: 'step 4 done', run: async (page) => (await page.keyboard.press('d'), await expect(heading(page, 5)).toBeVisible()) },
  { name: 'step 5 done', run: async (page) => (await page.keyboard.press('d'), await expect.poll(() => stepOutcomes(page)).toEqual(['done', 'skipped', 'done', 'done', 'done'])) },
  {
    name: 'first check ticked',
    run: async (page) => {
      await page.keyboard.press('e');
      await page.keyboard.press('Space');
      await expect(page.getByRole('region', { name: 'Finish the run' }).getByRole('checkbox').first()).toBeChecked();
    },
  },
];

/** What the screen shows of the incident and its run. */
async function shownState(page: Page) {
  const bar = page.getByRole('region', { name: 'Current incident' });
  await expect(bar).toBeVisible();
  const run = page.getByRole('navigation', { name: 'Steps' });
  const onRun = (await run.count()) > 0;
  return {
    // Clock times and durations (`02:14`, `59m 58s`) move on between the two looks.
    bar: (await bar.innerText()).replace(/\d+(:\d\d)+|(\d+h )?(\d+m )?\d+s\b/g, '[time]'),
    step: onRun ? await page.locator('.run-step > h2').innerText() : '',
    steps: onRun ? await stepOutcomes(page) : [],
    notes: onRun ? await page.locator('.step-notes li').allInnerTexts() : [],
    reasons: onRun ? await page.locator('.run-step .step-reason').allInnerTexts() : [],
    // Which command C copies next ("Copy command 2 of 2" after one C): after a relaunch, C went
    // back to the first and copied it again.
    copyNext: onRun ? await page.getByRole('button', { name: /^Copy command/ }).allInnerTexts() : [],
  };
}

test('killed right after each of 13 actions a run takes, the relaunched app has lost nothing it had shown', async ({ launch, profile }) => {
  test.setTimeout(180_000);
  let app = await launch(profile);
  await expect(app.page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  for (const [index, action] of ACTIONS.entries()) {
    await action.run(app.page);
    const shown = await shownState(app.page);
    await app.kill();
    app = await launch(profile);
    // A relaunch opens on the active run, its cursor where it was; until a run exists, on the library.
    if (index >= 1) await expect(app.page.getByRole('navigation', { name: 'Steps' })).toBeVisible();
    expect(await shownState(app.page), `after “${action.name}”`).toEqual(shown);
  }
  const events = await storedEvents(app.page);
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
  expect(events.map((event) => event.type)).toEqual(
    expect.arrayContaining(['incident-declared', 'run-started', 'run-note', 'command-copied', 'step-done', 'step-skipped', 'step-failed', 'step-reopened', 'milestone-set', 'check-ticked']),
  );
});

test('a reason and a note half typed when the app is killed come back in their forms, and go once recorded', async ({ launch, profile }) => {
  test.setTimeout(120_000);
  let app = await launch(profile);
  for (const action of ACTIONS.slice(0, 2)) await action.run(app.page);
  // S on the step in progress, half a reason typed, then the app dies.
  await app.page.keyboard.press('s');
  await app.page.keyboard.type('already on the old ver');
  // Kept a moment after the last key: the kill comes once it is stored.
  await expect.poll(() => storedDrafts(app.page)).toEqual(['already on the old ver']);
  await app.kill();
  app = await launch(profile);
  let page = app.page;
  const reason = page.getByRole('textbox', { name: 'Why skip this step? (required)' });
  await expect(reason).toHaveValue('already on the old ver');
  await expect(reason).toBeFocused();
  await expect(heading(page, 1)).toBeVisible();
  await page.keyboard.type('sion');
  await page.keyboard.press('Enter');
  await expect(heading(page, 2)).toBeVisible();
  await expect.poll(() => stepOutcomes(page)).toEqual(['skipped', 'in progress', 'to do', 'to do', 'to do']);
  await expect(page.locator('.run-step')).toBeVisible();

  // The incident's own note field: N, half a sentence, killed.
  await page.keyboard.press('Control+2');
  await page.keyboard.press('n');
  await page.keyboard.type('EU customers see it first, US');
  await expect.poll(() => storedDrafts(page)).toEqual(['EU customers see it first, US']);
  await app.kill();
  app = await launch(profile);
  page = app.page;
  await expect(page.getByRole('navigation', { name: 'Steps' })).toBeVisible();
  await page.keyboard.press('Control+2');
  const note = page.getByRole('textbox', { name: 'New note' });
  await expect(note).toHaveValue('EU customers see it first, US');
  // Back with the focus in it, at its end: the next keys go on with the sentence, never to the page's keys.
  await expect(note).toBeFocused();
  await page.keyboard.type(' a minute later');
  await page.keyboard.press('Enter');
  await expect(page.locator('.incident-notes')).toContainText('EU customers see it first, US a minute later');
  await expect(note).toHaveValue('');
  // Recorded, the draft goes: a relaunch shows an empty field and the reason's form stays shut.
  await expect.poll(() => storedDrafts(page)).toEqual([]);
  await app.kill();
  app = await launch(profile);
  await expect(app.page.getByRole('navigation', { name: 'Steps' })).toBeVisible();
  await expect(heading(app.page, 2)).toBeVisible();
  await expect(app.page.getByRole('textbox', { name: 'Why skip this step? (required)' })).toHaveCount(0);
  await app.page.keyboard.press('Control+2');
  await expect(app.page.getByRole('textbox', { name: 'New note' })).toHaveValue('');
  const events = await storedEvents(app.page);
  expect(events.filter((event) => event.type === 'incident-note').map((event) => event.text)).toEqual(['EU customers see it first, US a minute later']);
});

test('a note typed without a pause and the app killed at once comes back with what was typed up to a moment before', async ({ launch, profile }) => {
  let app = await launch(profile);
  await declareIncident(app.page, 'Checkout API returns 502');
  await app.page.keyboard.press('Control+2');
  await app.page.keyboard.press('n');
  const typed = 'Chen says db-primary disk is full, WAL archiving stuck since 02:10';
  // Steadily, a key every 40 ms, never the pause the draft used to wait for; killed right after the last key.
  await app.page.keyboard.type(typed, { delay: 40 });
  await app.kill();
  app = await launch(profile);
  await expect(app.page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await app.page.keyboard.press('Control+2');
  const note = app.page.getByRole('textbox', { name: 'New note' });
  await expect(note).not.toHaveValue('');
  const kept = await note.inputValue();
  expect(typed.startsWith(kept), `"${kept}" is not what was typed`).toBe(true);
  expect(kept.length, 'more than the first quarter second of typing was lost').toBeGreaterThanOrEqual(typed.length / 2);
});

test('a message half written when the app is killed comes back in its form, and goes once copied; the service it named fills the next message after a relaunch', async ({ launch, profile }) => {
  let app = await launch(profile);
  await declareIncident(app.page, 'Payments API timing out');
  await app.page.keyboard.press('Control+6');
  const impact = app.page.getByRole('form', { name: /^Fill “/ }).getByLabel(/Who is affected and how/);
  await impact.fill('About 1 in 3 card payments time out; refunds are');
  await expect.poll(() => storedDrafts(app.page)).toEqual([JSON.stringify({ impact: 'About 1 in 3 card payments time out; refunds are' })]);
  await app.kill();
  app = await launch(profile);
  const page = app.page;
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('form', { name: /^Fill “/ }).getByLabel(/Who is affected and how/)).toHaveValue('About 1 in 3 card payments time out; refunds are');
  // What the incident knows is read afresh, not from the draft, also when Messages opened before the
  // relaunched app had loaded the incident.
  await expect(page.getByRole('form', { name: /^Fill “/ }).getByLabel('Severity')).toHaveValue('P1');
  await expect(page.getByRole('form', { name: /^Fill “/ }).getByLabel(/Started at/)).toHaveValue(/^\d\d:\d\d UTC$/);
  await page.getByRole('form', { name: /^Fill “/ }).getByLabel('Affected service').fill('Checkout and login');
  await page.getByRole('form', { name: /^Fill “/ }).getByLabel(/Who is affected and how/).press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'recorded in the incident’s timeline' })).toBeVisible();
  // The message's draft goes; the service typed stays for the incident's next message.
  await expect.poll(() => storedDrafts(page)).toEqual([JSON.stringify({ service: 'Checkout and login' })]);
  // Killed again: the next message still names the service typed into the first (it had none).
  await app.kill();
  app = await launch(profile);
  await expect(app.page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await app.page.keyboard.press('Control+6');
  const update = app.page.getByRole('form', { name: 'Fill “Incident update”' });
  await expect(update.getByLabel('Affected service')).toHaveValue('Checkout and login');
  // The service came back after the form opened with the cursor in it, empty then: the cursor
  // moved on to the field still to fill.
  await expect(update.getByLabel('What we know and what we did')).toBeFocused();
  await app.page.getByRole('link', { name: /^Incident update/ }).click();
  await expect(app.page.getByRole('form', { name: 'Fill “Incident update”' }).getByLabel('Affected service')).toHaveValue('Checkout and login');
});
