import type { Page } from '@playwright/test';
import { tickClock } from '../../shared/incident/hybrid-clock';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readJournal } from '../../shared/incident/journal';
import { expect, test } from './fixtures';
import { declareIncident, holdIncidentWrites, openRunbook, startWithOfferedValues, stepItems, stepOutcomes, storedEvents, tickEveryCheck, withoutClockReadings, startPatroniRun } from './incident-helpers';
import { savedFilesFolder } from './host';
import { lookAt } from './look-at';
import { journalFolder } from '../../electron/journal-store';

const EXPECTED = new URL('../fixtures/incident-export/e2e-expected.md', import.meta.url);

test('declare an incident and run a bundled runbook to completion by keyboard alone', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Primary database restarting');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Primary database restarting');
  await expect(page.getByTestId('incident-bar-clock')).toHaveText(/^\ds$/);

  await openRunbook(page, 'patroni switchover', 'Planned Patroni switchover');
  await page.keyboard.press('r');
  // No parameters to ask: the run starts at once on its first step.
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 4/ })).toBeVisible();
  expect(await stepOutcomes(page)).toEqual(['in progress', 'to do', 'to do', 'to do']);
  for (let step = 1; step <= 4; step++) {
    await page.keyboard.press('d');
    if (step < 4) await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step + 1} of 4`) })).toBeVisible();
  }
  await expect.poll(() => stepOutcomes(page)).toEqual(['done', 'done', 'done', 'done']);
  // Every step settled: one button finishes, the first, and says so with its key.
  const actions = page.getByRole('toolbar', { name: 'Step actions' });
  await expect(actions.getByRole('button', { name: /Finish/ })).toHaveText(['Finish the run Enter']);

  const finish = page.getByRole('region', { name: 'Finish the run' });
  // Esc closes the form with the focus on its first check, as its Close button says.
  await page.keyboard.press('e');
  await expect(finish.getByRole('checkbox').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(finish).toHaveCount(0);
  await page.keyboard.press('e');
  await expect(finish.getByRole('button', { name: 'Finish as completed' })).toBeDisabled();
  await tickEveryCheck(page);
  await expect(finish.getByRole('button', { name: 'Finish as completed' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Run completed' })).toBeVisible();

  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Primary database restarting');
  const timeline = page.getByRole('list').filter({ has: page.locator('time') });
  await expect(timeline).toContainText('“Planned Patroni switchover”: run completed');
  await page.keyboard.press('Alt+4');
  const bar = page.getByRole('region', { name: 'Current incident' });
  await expect(bar).toContainText('resolved');
  // Resolved, it is put away from the bar; it stays among the incidents, and after a relaunch too.
  await bar.getByRole('button', { name: 'Put away: no current incident' }).click();
  await expect(bar).toHaveCount(0);
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('table')).toContainText('Primary database restarting');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Current incident' })).toHaveCount(0);
});

test('a failed step needs a note and offers the rollback section and related runbooks', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Disk filling on db-1');
  await openRunbook(page, 'disk full', 'Disk full on a host');
  await page.keyboard.press('r');
  await startWithOfferedValues(page, 'Disk full on a host');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
  await page.keyboard.press('f');
  const note = page.getByLabel('What failed? (required)');
  await expect(note).toBeFocused();
  await expect(page.getByRole('button', { name: 'Mark failed' })).toBeDisabled();
  await page.keyboard.type('df hangs on the NFS mount');
  await page.keyboard.press('Enter');
  const rollback = page.getByRole('complementary', { name: 'Rollback and related runbooks' });
  await expect(rollback).toBeVisible();
  await expect(rollback).toContainText('This step failed');
  await expect(rollback.getByRole('heading', { name: 'Rollback' })).toBeVisible();
  await expect(rollback).toContainText('Nothing here touches database files');
  expect((await stepOutcomes(page))[0]).toBe('failed');
  // The panel has the focus: Tab goes on into its commands and runbooks, not from the top of the page.
  await expect(rollback).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await rollback.evaluate((panel) => panel !== document.activeElement && panel.contains(document.activeElement))).toBe(true);
  // D again on the failed step says what to do, and records nothing.
  await page.keyboard.press('d');
  await expect(page.locator('.run-notice')).toHaveText('Step 1 is failed: reopen it with O to mark it again, or go on with Enter.');
  await expect(page.getByText(/Not recorded/)).toHaveCount(0);
  expect((await stepOutcomes(page))[0]).toBe('failed');
  await expect(page.getByRole('region', { name: 'Step 1' }).locator('.step-reason')).toHaveText('Failed: df hangs on the NFS mount');

  // Skipping needs a reason too; Esc closes the panel, B opens it again.
  await page.keyboard.press('Escape');
  await expect(rollback).toBeHidden();
  await page.keyboard.press('b');
  await expect(rollback).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of/ })).toBeVisible();
  await page.keyboard.press('s');
  await page.keyboard.type('no log rotation on this host');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await stepOutcomes(page)).slice(0, 3)).toEqual(['failed', 'skipped', 'in progress']);
  // The incident page's list of runs says how the settled steps went, not only how many there are.
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('region', { name: 'Runs' }).getByRole('listitem')).toContainText(/running, 2 of \d+ steps \(1 failed, 1 skipped\), started/);
  await lookAt(page, 'incident-run-with-a-failed-step');
});

test('a command is copied with the run’s parameters filled in; a Go template and an empty value are kept apart', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await declareIncident(page, 'Checkout 502s');
  await openRunbook(page, 'application crash', 'Application crash or high error rate');
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Run “Application crash or high error rate”' });
  await expect(dialog.getByLabel('Kubernetes namespace')).toBeFocused();
  await expect(dialog.getByLabel('Kubernetes namespace')).toHaveValue('production');
  const deployment = dialog.getByLabel('Deployment');
  await expect(deployment).toHaveValue('api');
  await deployment.fill('checkout');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
  const block = page.locator('.run-step .code-block').first();
  await expect(block.locator('mark.param-value')).toHaveText(['production', 'checkout']);
  await page.keyboard.press('c');
  await expect.poll(readClipboard).toBe('kubectl -n production get pods -l app=checkout');
  await expect.poll(async () => (await storedEvents(page)).filter((event) => event.type === 'command-copied').map((event) => (event as { command?: string }).command)).toEqual([
    'kubectl -n production get pods -l app=checkout',
  ]);

  // Emptying a required value leaves a gap that cannot be copied.
  await page.keyboard.press('p');
  const params = page.getByRole('form', { name: 'Parameters' });
  await params.getByLabel('Deployment').fill('');
  await page.keyboard.press('Enter');
  await expect(block.locator('mark.param-gap')).toHaveText('{{service}}');
  await expect(block.getByRole('button', { name: 'Copy' })).toHaveCount(0);
  await expect(block).toContainText('Fill in service');
  const before = await readClipboard();
  await page.keyboard.press('c');
  await expect(page.getByRole('form', { name: 'Parameters' })).toBeVisible();
  await expect(page.locator('.run-notice')).toHaveText('Not copied: fill Deployment first');
  expect(await readClipboard()).toBe(before);
  const changes = (await storedEvents(page)).filter((event) => event.type === 'param-set').map((event) => [(event as { name?: string }).name, (event as { value?: string }).value]);
  expect(changes).toEqual([
    ['namespace', 'production'],
    ['service', 'checkout'],
    ['service', ''],
  ]);
});

test('the start dialog says which values are the runbook’s defaults and which an earlier run of the incident used', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout 502s');
  await openRunbook(page, 'application crash', 'Application crash or high error rate');
  await page.keyboard.press('r');
  const crash = page.getByRole('dialog', { name: 'Run “Application crash or high error rate”' });
  const namespace = crash.locator('label').filter({ hasText: 'Kubernetes namespace' });
  const deployment = crash.locator('label').filter({ hasText: 'Deployment' });
  await expect(namespace).toContainText('(the runbook’s default)');
  await expect(deployment).toContainText('(the runbook’s default)');
  await crash.getByLabel('Kubernetes namespace').selectOption('staging');
  await crash.getByLabel('Deployment').fill('checkout');
  await expect(namespace).not.toContainText('default');
  await expect(deployment).not.toContainText('default');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();

  await openRunbook(page, 'postgres outage', 'PostgreSQL outage and Patroni failover');
  await page.keyboard.press('r');
  const outage = page.getByRole('dialog', { name: 'Run “PostgreSQL outage and Patroni failover”' });
  // A default nobody chose for this incident says so, to be checked; a value this incident already used says where it came from.
  await expect(outage.getByLabel('Database host')).toHaveValue('db.prod.internal');
  await expect(outage.locator('label').filter({ hasText: 'Database host' })).toContainText('(the runbook’s default)');
  const sameNamespace = outage.locator('label').filter({ hasText: 'Kubernetes namespace' });
  await expect(outage.getByLabel('Kubernetes namespace')).toHaveValue('staging');
  await expect(sameNamespace).toContainText('(as in this incident’s earlier run)');
  await expect(outage.locator('label').filter({ hasText: 'Replica to promote' })).not.toContainText(/default|earlier run/);
  await lookAt(page, 'start-dialog-value-origins');
});

/** An incident declared and a run of "Application crash or high error rate" started in it, on step 1. */
async function startCrashRun(page: Page) {
  await declareIncident(page, 'Checkout 502s');
  await openRunbook(page, 'application crash', 'Application crash or high error rate');
  await page.keyboard.press('r');
  await expect(page.getByRole('dialog', { name: 'Run “Application crash or high error rate”' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
}

test('C on a step of several commands copies each in turn, and the button says which comes next', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await startCrashRun(page);
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of/ })).toBeVisible();
  const actions = page.getByRole('toolbar', { name: 'Step actions' });
  const logs = 'kubectl -n production logs deploy/api --since=15m --tail=300 | grep -E "ERROR|Traceback"';
  const describe = 'kubectl -n production describe pod -l app=api | grep -A3 "Last State"';
  await expect(actions.getByRole('button', { name: 'Copy command 1 of 2 C' })).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.locator('.run-notice')).toHaveText(`Copied 1 of 2: ${logs}`);
  await expect.poll(readClipboard).toBe(logs);
  // The second block was out of the key's reach: C again copies it, then the first again.
  await expect(actions.getByRole('button', { name: 'Copy command 2 of 2 C' })).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.locator('.run-notice')).toHaveText(`Copied 2 of 2: ${describe}`);
  await expect.poll(readClipboard).toBe(describe);
  await page.keyboard.press('c');
  await expect.poll(readClipboard).toBe(logs);
  await expect.poll(async () => (await storedEvents(page)).filter((event) => event.type === 'command-copied').map((event) => (event as { command?: string }).command)).toEqual([logs, describe, logs]);
});

test('back to the run by the incident bar’s link, Enter goes on with the run: the focus is in the page, not on the link', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await startCrashRun(page);
  await page.keyboard.press('f');
  await page.keyboard.type('no pods listed');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Rollback and related runbooks' })).toBeVisible();
  await page.keyboard.press('Control+2');
  await page.getByRole('region', { name: 'Current incident' }).locator('.incident-run').click();
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 9/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Current incident' }).locator('.incident-run')).not.toBeFocused();
  // Enter on a failed step goes on with the next one (on the link, it opened the run again).
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 9/ })).toContainText('in progress');
});

test('closed abruptly after the third step, the app comes back with the incident, the run, its steps, times and notes', async ({ launch, profile }) => {
  const first = await launch(profile);
  const { page } = first;
  await declareIncident(page, 'API latency');
  await openRunbook(page, 'desktop release deployment', 'Desktop release deployment');
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 5/ })).toBeVisible();
  await page.keyboard.press('n');
  await page.keyboard.type('started from the release channel');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Notes on this step' })).toContainText('started from the release channel');
  for (let step = 1; step <= 3; step++) {
    await page.keyboard.press('d');
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step + 1} of 5`) })).toBeVisible();
  }
  const shown = await stepOutcomes(page);
  const events = await storedEvents(page);
  await first.kill();

  const { page: again } = await launch(profile);
  // The app opens on the active run, the cursor on the step that was current.
  await expect(again.getByRole('heading', { level: 2, name: /^Step 4 of 5/ })).toBeVisible();
  expect(await stepOutcomes(again)).toEqual(shown);
  expect(await storedEvents(again)).toEqual(events);
  await expect(again.getByRole('region', { name: 'Current incident' })).toContainText('API latency');
  await stepItems(again).first().getByRole('button').click();
  await expect(again.getByRole('list', { name: 'Notes on this step' })).toContainText('started from the release channel');
  await again.keyboard.press('Control+2');
  const times = again.locator('.timeline time');
  await expect(times).toHaveCount(events.length);
  await expect(again.locator('.timeline')).toContainText('done step 3');
});

test('the desktop app writes each event to the incident’s journal file, and rebuilds an incident from it', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await startPatroniRun(page, 'Queue backlog');
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 4/ })).toBeVisible();
  const stored = await storedEvents(page);
  const folder = journalFolder(profile);
  const [file] = await readdir(folder);
  await expect.poll(async () => readJournal(await readFile(path.join(folder, file), 'utf8')).events).toEqual(stored);
  await page.keyboard.press('Control+2');
  await expect(page.getByText('in step with the database')).toBeVisible();

  // A damaged browser profile: the database is gone, the journal is not.
  await page.evaluate(async () => {
    const request = indexedDB.open('failsafe');
    const db = await new Promise<IDBDatabase>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const transaction = db.transaction(['incidentEvents', 'incidents', 'settings'], 'readwrite');
    transaction.objectStore('incidentEvents').clear();
    transaction.objectStore('incidents').clear();
    transaction.objectStore('settings').delete('currentIncident');
    await new Promise((resolve) => (transaction.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await page.keyboard.press('Control+3');
  const orphans = page.getByRole('region', { name: 'Journal files without an incident here' });
  await orphans.getByRole('button', { name: 'Rebuild from the journal' }).click();
  // Nothing changes before the responder agrees to what the rebuild would add.
  const confirm = page.getByRole('dialog', { name: 'Rebuild “Queue backlog” from its journal' });
  await expect(confirm).toContainText(`The journal file adds ${stored.length}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Queue backlog' })).toBeVisible();
  expect(await storedEvents(page)).toEqual(stored);
});

test('a note marked a follow-up and added with its button leaves the cursor in the note field: the next sentence is a note, not keys', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Cache stampede');
  await page.keyboard.press('n');
  await page.keyboard.type('check the pool size');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Add/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.incident-notes li').last()).toContainText('check the pool size');
  await expect(page.locator('.incident-notes li').last().getByRole('checkbox')).toBeChecked();
  // The button, disabled once the field was emptied, had let the focus fall to the page: the I of
  // "joined" declared a second incident.
  await expect(page.getByLabel('New note')).toBeFocused();
  await page.keyboard.type('Bram joined the bridge');
  await expect(page.getByLabel('New note')).toHaveValue('Bram joined the bridge');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a milestone key pressed twice before the first is written sets the milestone once', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout 502s');
  const heldUp = await holdIncidentWrites(page, 600);
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Alt+2');
  await heldUp();
  await expect(page.getByRole('region', { name: 'Current incident' })).toContainText('acknowledged');
  await expect.poll(async () => (await storedEvents(page)).filter((event) => event.type === 'milestone-set').length).toBe(1);
  // Written, a press more sets nothing either: on the incident's page it opens the time to correct.
  await page.keyboard.press('Alt+2');
  await expect(page.getByLabel('acknowledged time in UTC')).toBeFocused();
  await page.keyboard.press('Escape');
  expect((await storedEvents(page)).filter((event) => event.type === 'milestone-set')).toHaveLength(1);
});

test('a corrected time saved with Enter, then N at once: the note typed goes into the note field, not the time field (a busy disk)', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout 502s');
  await page.keyboard.press('Control+2');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('region', { name: 'Milestones' }).getByRole('button', { name: /^Correct the time/ })).toBeVisible();
  await page.keyboard.press('Alt+1');
  const field = page.getByLabel('detected time in UTC');
  await expect(field).toBeFocused();
  const earlier = new Date(Date.now() - 600_000).toISOString().slice(0, 16).replace('T', ' ');
  await page.keyboard.type(earlier);
  const heldUp = await holdIncidentWrites(page, 600);
  await page.keyboard.press('Enter');
  await page.keyboard.press('n');
  await page.keyboard.type('Postgres says too many clients');
  await heldUp();
  await expect(field).toHaveCount(0);
  await expect(page.getByLabel('New note')).toHaveValue('Postgres says too many clients');
  await page.keyboard.press('Enter');
  await expect(page.locator('.incident-notes li').last()).toContainText('Postgres says too many clients');
  await expect(page.locator('.timeline')).toContainText(`Milestone detected: ${earlier}:00 UTC`);
});

test('a rebuild from a journal with a forged and a duplicated line keeps every event, names the refused line and asks first', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Cache stampede');
  // N puts the cursor in the note field: the I of "Increased" declares no incident.
  await page.keyboard.press('n');
  await expect(page.getByLabel('New note')).toBeFocused();
  await page.keyboard.type('first note: Increased pool size');
  await page.keyboard.press('Enter');
  await expect(page.locator('.incident-notes')).toContainText('first note: Increased pool size');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Recorded, the note leaves the cursor in the empty field: the next sentence typed is the next
  // note, not the page's keys (the I of "primary" declared a second incident titled "mary is…").
  await expect(page.getByLabel('New note')).toBeFocused();
  await expect(page.getByLabel('New note')).toHaveValue('');
  await page.keyboard.type('primary is refusing connections');
  await page.keyboard.press('Enter');
  await expect(page.locator('.incident-notes li').last()).toContainText(/UTC primary is refusing connections/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Esc leaves the field: the page's keys work again.
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('New note')).not.toBeFocused();
  await page.keyboard.press('n');
  await expect(page.getByLabel('New note')).toBeFocused();
  await expect(page.getByLabel('New note')).toHaveValue('');
  const stored = await storedEvents(page);
  const folder = journalFolder(profile);
  const [file] = await readdir(folder);
  const journal = path.join(folder, file);
  await expect.poll(async () => readJournal(await readFile(journal, 'utf8')).events).toEqual(stored);

  // Someone edits the file: event 2 rewritten, event 3 twice, and one event the database lacks.
  const lines = (await readFile(journal, 'utf8')).trimEnd().split('\n');
  const forged = JSON.stringify({ ...JSON.parse(lines[1]), text: 'nothing happened' });
  const third = JSON.parse(lines[2]) as { hlc: string };
  const added = JSON.stringify({ ...third, seq: stored.length + 1, hlc: tickClock(third.hlc, 0), noteId: 'from-the-journal', text: 'written on another machine' });
  await writeFile(journal, [lines[0], forged, lines[2], lines[2], added].join('\n') + '\n');
  await page.reload();
  await page.keyboard.press('Control+2');
  await page.getByRole('button', { name: 'Rebuild this incident from its journal' }).click();
  const confirm = page.getByRole('dialog', { name: 'Rebuild “Cache stampede” from its journal' });
  await expect(confirm.getByRole('list', { name: 'Events to add' })).toContainText('written on another machine');
  await expect(confirm.getByRole('list', { name: 'Lines refused' })).toHaveText('line 2: event 2 differs from the one in this app’s database, which is kept');

  // Esc changes nothing.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  expect(await storedEvents(page)).toEqual(stored);

  await page.getByRole('button', { name: 'Rebuild this incident from its journal' }).click();
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(page.locator('.incident-notes')).toContainText('written on another machine');
  const after = await storedEvents(page);
  expect(after.slice(0, stored.length)).toEqual(stored);
  expect(after).toHaveLength(stored.length + 1);
  await expect(page.locator('.incident-notes')).toContainText('first note');
});

test('export for the postmortem: saved as a file, the same Markdown as the stored expected one', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await declareIncident(page, 'Payments failing');
  await page.keyboard.press('Alt+2');
  await openRunbook(page, 'application crash', 'Application crash or high error rate');
  await page.keyboard.press('r');
  await page.getByRole('dialog').getByLabel('Deployment').fill('payments');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
  await page.keyboard.press('c');
  await expect.poll(readClipboard).toBe('kubectl -n production get pods -l app=payments');
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of/ })).toBeVisible();
  await page.keyboard.press('s');
  await page.keyboard.type('logs are in the error tracker');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 3 of/ })).toBeVisible();
  await page.keyboard.press('e');
  await page.getByLabel('Or abort it: why? (required)').fill('rolled back by the release team');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Run aborted' })).toBeVisible();
  // The step it was on when aborted reads as stopped, not in progress.
  await expect(page.getByRole('heading', { level: 2, name: /^Step 3 of/ })).toContainText('stopped');
  await page.keyboard.press('Control+2');
  await page.getByLabel('New note').fill('Alert fired 10 minutes late');
  await page.getByLabel('follow-up for after the incident').check();
  await page.keyboard.press('Enter');
  await expect(page.locator('.incident-notes')).toContainText('Alert fired 10 minutes late');
  await page.getByLabel('Status').selectOption('resolved');
  await expect(page.locator('.badge.status-resolved')).toBeVisible();

  await page.getByRole('button', { name: 'Save as Markdown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();
  const [name] = await readdir(savedFilesFolder(profile));
  expect(name).toMatch(/^\d{4}-\d\d-\d\d-payments-failing\.md$/);
  const saved = await readFile(path.join(savedFilesFolder(profile), name), 'utf8');
  // FAILSAFE_UPDATE_EXPECTED=1 rewrites the expected file after a deliberate change of format; read the diff.
  if (process.env.FAILSAFE_UPDATE_EXPECTED) await writeFile(EXPECTED, withoutClockReadings(saved));
  const expected = await readFile(EXPECTED, 'utf8');
  expect(withoutClockReadings(saved)).toBe(expected);

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect.poll(async () => withoutClockReadings(await readClipboard())).toBe(expected);
});

test('the palette runs actions, each showing its key: set a milestone, go to a place', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Search is slow');
  await page.keyboard.press('Control+K');
  const input = page.getByRole('combobox', { name: 'Search runbooks' });
  await input.pressSequentially('>ackn');
  const action = page.getByRole('group', { name: 'Actions' }).getByRole('option');
  await expect(action).toHaveCount(1);
  await expect(action).toContainText('Set milestone: acknowledged, now');
  await expect(action.locator('kbd')).toHaveText('Alt 2');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Current incident' })).toContainText('acknowledged');
  // Set, it is offered to correct, not to set again ("Nothing changed" was all that did): away from
  // the incident's page, Enter opens its time there, in the field.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+K');
  await input.pressSequentially('>ackn');
  await expect(action).toHaveCount(1);
  await expect(action).toContainText(/^Correct the time of milestone acknowledged, set at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('acknowledged time in UTC')).toBeFocused();
  await page.keyboard.press('Escape');
  // Without `>`, matching actions come after the runbooks, so Enter still opens the best runbook.
  await page.keyboard.press('Control+K');
  await input.fill('go incidents');
  await expect(page.getByRole('group', { name: 'Actions' }).getByRole('option').first()).toContainText('Go to incidents');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).not.toContainText('Go to incidents');
  await input.fill('>go incidents');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('Go to incidents');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Incidents');
});

test('the update countdown never starts above its cadence, however long the app was open before the declaration', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  // Every text the countdown shows, from its very first render on.
  await page.evaluate(`(() => {
    window.__countdowns = [];
    new MutationObserver(() => {
      const shown = document.querySelector('[data-testid="update-countdown"] a');
      if (shown && shown.textContent !== window.__countdowns.at(-1)) window.__countdowns.push(shown.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  // The app has been open a while with no incident: the clock was not ticking.
  await page.waitForTimeout(3000);
  await declareIncident(page, 'Checkout 502s');
  const countdown = page.getByTestId('update-countdown');
  await expect(countdown).toContainText('Next update in');
  await page.waitForTimeout(1500);
  const cadence = /updates every (\d+) (minute|hour)s?/.exec((await countdown.getAttribute('title')) ?? '');
  expect(cadence).not.toBeNull();
  const cadenceSeconds = Number(cadence![1]) * (cadence![2] === 'hour' ? 3600 : 60);
  const shown = (await page.evaluate('window.__countdowns')) as string[];
  expect(shown.length).toBeGreaterThan(0);
  for (const text of shown) {
    const [, hours, minutes, seconds] = /(?:(\d+)h )?(?:(\d+)m )?(\d+)s$/.exec(text) ?? [];
    expect(Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds), `"${text}" against a cadence of ${cadence![0]}`).toBeLessThanOrEqual(cadenceSeconds);
  }
});

test('declared while reading a runbook, the responder stays on it; R then runs it in the incident', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await openRunbook(page, 'disk full', 'Disk full on a host');
  await page.keyboard.press('End');
  // At the end of the page once the scroll is over.
  await expect.poll(() => page.locator('.app-main').evaluate((main) => main.scrollHeight - main.clientHeight - main.scrollTop)).toBeLessThan(2);
  const scrolled = await page.locator('.app-main').evaluate((main) => main.scrollTop);
  expect(scrolled).toBeGreaterThan(0);
  await declareIncident(page, 'db-3 data disk at 97%');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Disk full on a host');
  expect(await page.locator('.app-main').evaluate((main) => main.scrollTop)).toBe(scrolled);
  await page.keyboard.press('r');
  await startWithOfferedValues(page, 'Disk full on a host');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Current incident' })).toContainText('Disk full on a host: step 1 of');
  // From anywhere else (here the library), the new incident's page opens.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('i');
  await page.keyboard.type('Second: search is slow');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Second: search is slow');
});

test('resolving with a run still open asks first: Esc leaves the incident open, Enter resolves it', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await startPatroniRun(page, 'Primary database restarting');
  await page.keyboard.press('d');
  await page.keyboard.press('Control+2');
  const status = page.getByLabel('Status');
  const timeline = page.getByRole('list').filter({ has: page.locator('time') });
  const asked = page.getByRole('dialog', { name: 'Resolve with runs still open?' });
  // By its key: the open run is named, with how far it got.
  await page.keyboard.press('Alt+4');
  await expect(asked.getByRole('listitem')).toHaveText([/^Planned Patroni switchover 1 of 4 steps, started/]);
  await lookAt(page, 'resolve-with-open-run');
  await page.keyboard.press('Escape');
  await expect(asked).toBeHidden();
  await expect(status).toHaveValue('investigating');
  // By the status field: asked the same way, and Esc leaves the field as it was.
  await status.selectOption('resolved');
  await expect(asked).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(status).toHaveValue('investigating');
  await expect(timeline).not.toContainText('resolved');
  await page.keyboard.press('Alt+4');
  await page.keyboard.press('Enter');
  await expect(asked).toBeHidden();
  await expect(status).toHaveValue('resolved');
  await expect(timeline).toContainText('Milestone resolved');
  // The run is left as it was, and says so.
  await expect(page.getByRole('region', { name: 'Runs' })).toContainText('running, 1 of 4 steps');
});

test('the Incidents list by keyboard: it opens on the newest incident, the arrows go from row to row, Enter opens one', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await declareIncident(page, 'Login API errors');
  await page.keyboard.press('Control+3');
  const links = page.locator('.incident-table a.incident-link');
  await expect(links).toHaveText(['Login API errors', 'Checkout API returns 502']);
  await expect(links.first()).toBeFocused();
  await expect(page.locator('.incidents .keys-help')).toHaveText('↑ ↓ choose · Enter open');
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout API returns 502');
  // The focus is placed once: a filter that empties the list and fills it again keeps it.
  await page.keyboard.press('Control+3');
  const filter = page.locator('.incidents').getByLabel('Status');
  await filter.focus();
  await page.keyboard.press('End');
  await expect(filter).toHaveValue('resolved');
  await expect(links).toHaveCount(0);
  await page.keyboard.press('Home');
  await expect(links).toHaveCount(2);
  await expect(filter).toBeFocused();
  // Ctrl+3 on the list already open puts the focus on the page: ↓ and ↑ still reach the rows.
  await page.keyboard.press('Control+3');
  await expect(page.locator('main.app-main')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.first()).toBeFocused();
  await page.keyboard.press('Control+3');
  await page.keyboard.press('ArrowUp');
  await expect(links.last()).toBeFocused();
});

test('the export is reached by keys: from a run, the palette’s “Export the incident” lands on Copy, and E on the incident page copies it', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await startPatroniRun(page, 'Checkout API returns 502');
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially('>export');
  await expect(page.getByRole('option', { name: /Export the incident: copy or save it as Markdown/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const copy = page.getByRole('button', { name: /^Copy as Markdown/ });
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(readClipboard).toMatch(/^# Incident: Checkout API returns 502\n/);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  // E, from anywhere on the page that is not a field: here from the page itself.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+2');
  await expect(copy).not.toBeFocused();
  await page.keyboard.press('e');
  await expect(page.getByRole('status').filter({ hasText: 'Copied the export as Markdown.' })).toBeVisible();
  await lookAt(page, 'incident-export-copied');
  await expect.poll(readClipboard).toMatch(/^# Incident: Checkout API returns 502\n/);
  await expect(copy.locator('kbd')).toHaveText('E');
});
