import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { readLibraryFolder } from '../../electron/library-loader';
import { parseLibrary } from '../../shared/library/library-parser';
import { expect, test } from './fixtures';
import { lookAt } from './look-at';
import { E2E_BUILD, RENDERER } from './host';
import { declareIncident, holdIncidentWrites, openRunbook, startWithOfferedValues, stepOutcomes, storedEvents, startPatroniRun } from './incident-helpers';

// What the run screen shows beside a step: the "Copied" line of C stays with its step, and a failed
// step offers the runbook's Troubleshooting entry for it before Rollback, commands shown whole.

/** An incident declared and a run of the bundled Patroni switchover on its first step: that step's region. */
async function patroniRunOnStepOne(page: Page): Promise<Locator> {
  await declareIncident(page, 'Primary database restarting');
  await openRunbook(page, 'patroni switchover', 'Planned Patroni switchover');
  await page.keyboard.press('r');
  const stepOne = page.getByRole('region', { name: 'Step 1' });
  await expect(stepOne.getByRole('heading', { level: 2, name: /^Step 1 of 4/ })).toBeVisible();
  return stepOne;
}

test('the “Copied” line of a command belongs to the step it was copied from', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  const stepOne = await patroniRunOnStepOne(page);
  await page.keyboard.press('c');
  await expect(stepOne.getByRole('status').filter({ hasText: 'Copied:' })).toBeVisible();
  await page.keyboard.press('d');
  const stepTwo = page.getByRole('region', { name: 'Step 2' });
  await expect(stepTwo.getByRole('heading', { level: 2, name: /^Step 2 of 4/ })).toBeVisible();
  await expect(stepTwo).not.toContainText('Copied');
  // Back on step 1, its copy is still said.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('region', { name: 'Step 1' }).getByRole('status')).toContainText('Copied:');
  // A command copied by its own button says so on the button; the line naming the earlier command goes.
  await page.getByRole('region', { name: 'Step 1' }).locator('.code-block').last().getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('region', { name: 'Step 1' }).locator('.code-block').last().getByRole('button')).toHaveText(/^Copied/);
  await expect(page.getByRole('region', { name: 'Step 1' }).getByRole('status').filter({ hasText: 'Copied:' })).toHaveCount(0);
});

// A runbook whose Troubleshooting has an entry per failure, with a long command: the bundled library
// has none, so this spec runs the renderer build with a library that adds one.
const STUCK_CONSUMER = `---
title: Kafka consumer group stuck
type: incident-response
priority: high
tags: [kafka]
---
# Kafka consumer group stuck

## Steps

### Step 1: Look at the group
\`\`\`bash
kafka-consumer-groups --bootstrap-server kafka-1.prod.internal:9092 --describe --group orders-projector
\`\`\`

### Step 2: Reset the group's offsets
\`\`\`bash
kafka-consumer-groups --bootstrap-server kafka-1.prod.internal:9092 --group orders-projector --reset-offsets --to-latest --execute --topic orders.events.v2
\`\`\`

## Rollback
Reset the offsets back to the ones noted in step 1:
\`\`\`bash
kafka-consumer-groups --bootstrap-server kafka-1.prod.internal:9092 --group orders-projector --reset-offsets --to-offset 1234567 --execute --topic orders.events.v2
\`\`\`

## Troubleshooting
### Broker unreachable
Check the security group of the brokers and that port 9092 answers.

### Reset refused: the group is not inactive
Offsets can only be reset while the group has no active members. Stop every consumer of the group first:
\`\`\`bash
kubectl -n orders scale deploy/orders-projector --replicas=0 && kubectl -n orders rollout status deploy/orders-projector --timeout=120s
\`\`\`
`;
const TROUBLESHOOTING_RENDERER = path.join(E2E_BUILD, 'renderer-troubleshooting');

test.beforeAll(async () => {
  await rm(TROUBLESHOOTING_RENDERER, { recursive: true, force: true });
  await mkdir(E2E_BUILD, { recursive: true });
  await cp(RENDERER, TROUBLESHOOTING_RENDERER, { recursive: true });
  const { files, problems } = await readLibraryFolder('runbooks');
  files.push({ path: 'incident-response/kafka-consumer-stuck.md', text: STUCK_CONSUMER });
  const snapshot = parseLibrary(files, { kind: 'bundled', builtAt: new Date().toISOString() }, problems);
  await writeFile(path.join(TROUBLESHOOTING_RENDERER, 'library.json'), JSON.stringify(snapshot));
  await writeFile(path.join(TROUBLESHOOTING_RENDERER, 'library-meta.json'), JSON.stringify({ version: snapshot.version, source: snapshot.source }));
  // The index of the bundled library does not know the added runbook: the app builds its own.
  await rm(path.join(TROUBLESHOOTING_RENDERER, 'search-index.json'));
});

/** Whether a command block shows its whole text: nothing hidden sideways, and a width a command can be read in. */
async function shownWhole(block: Locator) {
  return block.evaluate((pre) => ({ hidden: pre.scrollWidth - pre.clientWidth, width: Math.round(pre.clientWidth), height: pre.scrollHeight - pre.clientHeight }));
}

/** R on the Kafka runbook (two steps, no checks), the first step done: the run stands on its last step. */
async function runKafkaToItsLastStep(page: Page) {
  await page.evaluate(() => (window.location.hash = '#/runbook/incident-response/kafka-consumer-stuck'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kafka consumer group stuck');
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 2/ })).toBeVisible();
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 2/ })).toBeVisible();
}

/** A declared incident, the Kafka runbook run to its last step, and that step failed: its recovery panel is open. */
/** F on the step in view, the reason typed, Enter: the step fails and its panel opens. */
async function failWith(page: Page, reason: string) {
  await page.keyboard.press('f');
  await page.keyboard.type(reason);
  await page.keyboard.press('Enter');
}

/** A run of `title` started through its dialog with the values it offers, its first `done` steps marked done. */
async function runOnStep(page: Page, query: string, title: string, done: number) {
  await openRunbook(page, query, title);
  await page.keyboard.press('r');
  await startWithOfferedValues(page, title);
  for (let step = 1; step <= done; step++) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step} of`) })).toBeVisible();
    await page.keyboard.press('d');
  }
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${done + 1} of`) })).toBeVisible();
}

async function failKafkaLastStep(page: Page) {
  await declareIncident(page, 'Orders projection hours behind');
  await runKafkaToItsLastStep(page);
  await failWith(page, 'reset refused, the group still has active members');
}

test('at 900x700 the rollback panel of a failed step sits under the step, never under the step list that stays in view', async ({ launch, profile }) => {
  const { page } = await launch(profile, TROUBLESHOOTING_RENDERER);
  await page.setViewportSize({ width: 900, height: 700 });
  await failKafkaLastStep(page);
  const panel = page.getByRole('complementary', { name: 'Troubleshooting, rollback and related runbooks' });
  await panel.getByRole('heading', { name: 'Related runbooks' }).scrollIntoViewIfNeeded();
  const steps = await page.getByRole('navigation', { name: 'Steps' }).boundingBox();
  const shown = await panel.boundingBox();
  expect(steps && shown).toBeTruthy();
  if (!steps || !shown) return;
  expect(shown.x, 'the panel runs under the step list').toBeGreaterThanOrEqual(steps.x + steps.width);
});

test('at 900x700 B on a step low on the page brings the whole panel into view, not its first line', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.setViewportSize({ width: 900, height: 700 });
  await declareIncident(page, 'Checkout latency up');
  await page.evaluate(() => (window.location.hash = '#/runbook/maintenance/performance-investigation'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Performance investigation (slow responses)');
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 6/ })).toBeVisible();
  for (let step = 1; step < 6; step++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 6 of 6/ })).toBeVisible();
  await page.keyboard.press('b');
  const panel = page.getByRole('complementary', { name: 'Rollback and related runbooks' });
  await expect(panel).toBeFocused();
  // Whole (a fraction of a pixel aside, where it meets the page's bottom edge).
  await expect(panel).toBeInViewport({ ratio: 0.98 });
});

test('a failed step offers its Troubleshooting entry before Rollback, commands shown whole', async ({ launch, profile }) => {
  const { page } = await launch(profile, TROUBLESHOOTING_RENDERER);
  await page.setViewportSize({ width: 1280, height: 720 });
  await failKafkaLastStep(page);

  const panel = page.getByRole('complementary', { name: 'Troubleshooting, rollback and related runbooks' });
  await expect(panel).toBeVisible();
  // The entry for this failure first, then Rollback; the other entry only on asking for the whole section.
  // (The library's runbooks for the failure, looked up meanwhile, may come between; another test holds them.)
  await expect(panel.getByRole('heading', { level: 2 }).filter({ hasNotText: /^In the library, for/ })).toHaveText(['Troubleshooting', 'Rollback', 'Related runbooks']);
  await expect(panel.getByRole('heading', { name: 'Reset refused: the group is not inactive' })).toBeVisible();
  await expect(panel.locator('.step-failed')).toHaveText('This step failed. What the runbook’s troubleshooting says for this step, then how to roll back.');
  await expect(panel.getByText('Broker unreachable')).toBeHidden();
  await panel.getByText('All of Troubleshooting').click();
  await expect(panel.getByRole('heading', { name: 'Broker unreachable' })).toBeVisible();

  for (const command of ['kubectl -n orders scale deploy/orders-projector', '--to-offset 1234567']) {
    const block = panel.locator('pre', { hasText: command }).first();
    await expect(block).toBeVisible();
    const shown = await shownWhole(block);
    expect(shown.hidden, `${command}: part of the command is hidden sideways`).toBeLessThanOrEqual(0);
    expect(shown.height, `${command}: part of the command is hidden below`).toBeLessThanOrEqual(0);
    expect(shown.width, `${command}: the command is squeezed`).toBeGreaterThanOrEqual(250);
  }
});

test('a failure no troubleshooting entry names is told so: the whole section is not presented as its answer', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Primary database down');
  await runOnStep(page, 'postgres outage', 'PostgreSQL outage and Patroni failover', 2);
  await failWith(page, 'ssh pg-main-0: no route to host');
  const panel = page.getByRole('complementary', { name: 'Troubleshooting, rollback and related runbooks' });
  // A restore from backup was presented as "what the runbook says about it" (a walk).
  await expect(panel.locator('.step-failed')).toHaveText('This step failed. No troubleshooting entry of the runbook names this step or its failure: here are all of them, then how to roll back.');
});

test('a failure written as a symptom is looked up in the library: the runbook for it is offered beside the failed step', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Login returns 500');
  await runOnStep(page, 'application crash', 'Application crash or high error rate', 4);
  await failWith(page, 'connection refused to db-primary:5432');
  // Neither the runbook's rollback (a deploy) nor its related runbooks answer a database refusing connections (a walk).
  const found = page.getByRole('region', { name: 'In the library, for “connection refused to db-primary:5432”' });
  await expect(found.getByRole('link').first()).toContainText('PostgreSQL outage and Patroni failover');
  await expect(found.getByRole('link', { name: /Application crash/ })).toHaveCount(0);
  await lookAt(page, 'run-failed-step-library-runbooks');
  await found.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('PostgreSQL outage and Patroni failover');
});

test('a failure the library has nothing more for says so under its heading, rather than leaving the section out', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Login returns 500');
  await runOnStep(page, 'application crash', 'Application crash or high error rate', 4);
  await failWith(page, 'zxqv quorble');
  const found = page.getByRole('region', { name: 'In the library, for “zxqv quorble”' });
  await expect(found).toContainText('No other runbook matches it closely.');
  await expect(found.getByRole('link')).toHaveCount(0);
});

test('finishing a run with no checks to tick: Enter finishes it, and an Enter in the empty abort field says why it did nothing', async ({ launch, profile }) => {
  const { page } = await launch(profile, TROUBLESHOOTING_RENDERER);
  await declareIncident(page, 'Orders projection lagging');
  await runKafkaToItsLastStep(page);
  await page.keyboard.press('d');
  await page.keyboard.press('e');
  const finish = page.getByRole('region', { name: 'Finish the run' });
  await expect(finish).toContainText('This runbook lists no verification checks.');
  await expect(finish.getByRole('button', { name: 'Finish as completed' })).toBeFocused();
  // Moved on to the abort field, Enter with no reason aborts nothing and says so.
  await page.keyboard.press('Tab');
  await expect(finish.getByLabel('Or abort it: why? (required)')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(finish.getByRole('status')).toHaveText('Not aborted: type why first. To finish as completed, press Shift+Tab to “Finish as completed”, then Enter.');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Run completed' })).toBeVisible();
});

test('on the finish form, Enter is shown on the one button it presses: Finish from a check, Abort from the reason; Enter on a check finishes', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await doEveryPatroniStep(page);
  // The run's own keys wait while the form is open: their hints above it are hidden, in place.
  const runKeys = page.getByRole('toolbar', { name: 'Step actions' }).locator('kbd');
  await expect(runKeys.first()).toBeVisible();
  await page.keyboard.press('e');
  await expect(runKeys.first()).toBeHidden();
  const finish = page.getByRole('region', { name: 'Finish the run' });
  const finishButton = finish.getByRole('button', { name: /^Finish as completed/ });
  const abortButton = finish.getByRole('button', { name: /^Abort the run/ });
  const checks = finish.getByRole('checkbox');
  await expect(checks.first()).toBeFocused();
  // Enter on a check before every one is ticked finishes nothing and says why.
  await page.keyboard.press('Enter');
  await expect(finish.getByRole('status')).toHaveText('Not finished: 2 checks are not ticked.');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(checks.nth(1)).toBeChecked();
  // What it said is no longer true once a check is ticked.
  await expect(finish.getByRole('status')).toHaveCount(0);
  await expect(finishButton.locator('kbd')).toHaveText('Enter');
  await expect(abortButton.locator('kbd')).toHaveCount(0);
  // In the reason's field, Enter aborts: the key moves to that button.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(finish.getByLabel('Or abort it: why? (required)')).toBeFocused();
  await expect(abortButton.locator('kbd')).toHaveText('Enter');
  await expect(finishButton.locator('kbd')).toHaveCount(0);
  await lookAt(page, 'run-finish-form-abort-key');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(checks.nth(1)).toBeFocused();
  await expect(finishButton.locator('kbd')).toHaveText('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Run completed' })).toBeVisible();
});

test('with the finish form open, letters typed after tabbing onto its buttons mark no step', async ({ launch, profile }) => {
  const { page } = await launch(profile, TROUBLESHOOTING_RENDERER);
  await declareIncident(page, 'Orders projection lagging');
  await runKafkaToItsLastStep(page);
  // Step 2 still open: E puts focus in the abort reason; a Tab moves it onto the Abort button.
  await page.keyboard.press('e');
  const finish = page.getByRole('region', { name: 'Finish the run' });
  await expect(finish.getByLabel('Or abort it: why? (required)')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(finish.getByRole('button', { name: /Abort the run/ })).toBeFocused();
  // The first words of "False alarm…": its F failed the step, its L opened the severity levels.
  // They go into the reason, spaces and all.
  await page.keyboard.type('False alarm');
  await expect(finish).toBeVisible();
  await expect(finish.getByLabel('Or abort it: why? (required)')).toHaveValue('False alarm');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 2/ })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await storedEvents(page)).filter((event) => ['step-failed', 'step-skipped', 'step-done', 'run-note'].includes(event.type) && event.step === 1)).toEqual([]);
  // Esc closes the form, and the run's keys act again.
  await page.keyboard.press('Escape');
  await expect(finish).toHaveCount(0);
  await page.keyboard.press('d');
  await expect.poll(async () => (await storedEvents(page)).filter((event) => event.type === 'step-done' && event.step === 1).length).toBe(1);
});

/** An incident, a run of the release rollback (whose finish form lists two checks) on its step 1, and E. */
/** In a new incident, a run of the Patroni switchover with its four steps marked done (D), the checks still to tick. */
async function doEveryPatroniStep(page: Page) {
  await startPatroniRun(page, 'Primary database restarting');
  for (let step = 1; step <= 4; step++) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step} of 4`) })).toBeVisible();
    await page.keyboard.press('d');
  }
  await expect.poll(() => stepOutcomes(page)).toEqual(['done', 'done', 'done', 'done']);
}

async function openFinishFormOnStepOne(page: Page) {
  await declareIncident(page, 'Release broke sign-in');
  await page.evaluate(() => (window.location.hash = '#/runbook/release/release-rollback'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rollback a release or deployment');
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
  await page.keyboard.press('e');
}

test('checks ticked fast on the finish form while a tick is still being written: none is dropped, and two Spaces on one box untick it', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await openFinishFormOnStepOne(page);
  const checks = page.getByRole('region', { name: 'Finish the run' }).getByRole('checkbox');
  await expect(checks.first()).toBeFocused();
  const ticks = async () => (await storedEvents(page)).filter((event) => event.type === 'check-ticked').map((event) => [(event as unknown as { check: number }).check, (event as unknown as { ticked: boolean }).ticked]);
  // A slow disk: the first tick is still being written when the second Space comes.
  let released = await holdIncidentWrites(page, 600);
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await released();
  await expect(checks.nth(0)).toBeChecked();
  await expect(checks.nth(1)).toBeChecked();
  // Back on the first: two Spaces before either is written untick it, then tick it again.
  await page.keyboard.press('Shift+Tab');
  released = await holdIncidentWrites(page, 600);
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await released();
  await expect.poll(ticks).toEqual([
    [0, true],
    [1, true],
    [0, false],
    [0, true],
  ]);
  await expect(checks.nth(0)).toBeChecked();
});

test('Space, Tab, Space, Tab on the finish form reaches "Finish as completed" while the last tick is still being written, and Enter there, before the tick is in, finishes', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await doEveryPatroniStep(page);
  await page.keyboard.press('e');
  const finish = page.getByRole('region', { name: 'Finish the run' });
  await expect(finish.getByRole('checkbox').first()).toBeFocused();
  // Pressed before it can finish, it stays in reach and says why.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(finish.getByRole('button', { name: 'Finish as completed' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(finish.getByRole('status')).toHaveText('Not finished: 2 checks are not ticked.');
  // Marked disabled, it still reads in both themes (axe), with the focus on it.
  await lookAt(page, 'run-finish-form-blocked');
  await expect(finish.getByRole('button', { name: 'Finish as completed' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  // A slow disk: the second tick is still being written when Tab leaves its box.
  const released = await holdIncidentWrites(page, 600);
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(finish.getByRole('button', { name: 'Finish as completed' })).toBeFocused();
  // Enter at once, as fast hands do: it finishes once the ticks before it are written, and never
  // says they are not ticked.
  await page.keyboard.press('Enter');
  await released();
  await expect(page.getByRole('status').filter({ hasText: 'Run completed' })).toBeVisible();
  await expect(page.getByText(/Not finished/)).toHaveCount(0);
  expect((await storedEvents(page)).filter((event) => event.type === 'run-finished').map((event) => (event as { outcome?: string }).outcome)).toEqual(['completed']);
});

test('a reason typed with the focus on a check goes into the abort field: its spaces tick nothing', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await openFinishFormOnStepOne(page);
  const finish = page.getByRole('region', { name: 'Finish the run' });
  await expect(finish.getByRole('checkbox').first()).toBeFocused();
  await page.keyboard.type('false alarm, rolled back');
  const reason = finish.getByLabel('Or abort it: why? (required)');
  await expect(reason).toHaveValue('false alarm, rolled back');
  await expect(reason).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await storedEvents(page)).filter((event) => event.type === 'run-finished').length).toBe(1);
  expect((await storedEvents(page)).filter((event) => event.type === 'check-ticked')).toEqual([]);
});

test('Enter on an empty skip or fail reason says why nothing happened, and typing clears it', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  const stepOne = await patroniRunOnStepOne(page);
  await page.keyboard.press('s');
  await page.keyboard.press('Enter');
  await expect(stepOne.getByRole('status').filter({ hasText: 'Not skipped: type why first' })).toBeVisible();
  await page.keyboard.type('done by hand');
  await expect(stepOne.getByRole('status').filter({ hasText: 'Not skipped' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.keyboard.press('f');
  await page.keyboard.press('Enter');
  await expect(stepOne.getByRole('status').filter({ hasText: 'Not marked failed: type what failed first' })).toBeVisible();
  expect((await storedEvents(page)).filter((event) => event.type === 'step-skipped' || event.type === 'step-failed')).toEqual([]);
});

test('at 900x700 a step’s long command wraps whole in its block, nothing cut at the edge', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.setViewportSize({ width: 900, height: 700 });
  await declareIncident(page, 'Checkout: DB connections refused');
  await openRunbook(page, 'patroni failover', 'PostgreSQL outage and Patroni failover');
  await page.keyboard.press('r');
  await page.getByRole('dialog').getByRole('button', { name: /^Start the run/ }).click();
  const stepOne = page.getByRole('region', { name: 'Step 1' });
  const block = stepOne.locator('.code-block pre', { hasText: 'too many connections' });
  await expect(block).toBeVisible();
  expect(await block.evaluate((pre) => pre.scrollWidth - pre.clientWidth)).toBeLessThanOrEqual(0);
  await expect(block).toBeInViewport();
});

test('a note written while looking at another step than the one in progress says which step it goes on', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await startPatroniRun(page, 'Primary database restarting');
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 4/ })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Note on this step' })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 4/ })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Note on step 1 (the run is on step 2)' })).toBeFocused();
});
