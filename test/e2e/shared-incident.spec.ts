import type { Page } from '@playwright/test';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FixtureRepo, gitAvailable } from '../support/git-fixtures';
import { startGitServer, type GitServer } from '../support/git-http-server';
import { expect, test } from './fixtures';
import { savedFilesFolder, type RunningApp } from './host';
import { declareIncident, stepOutcomes } from './incident-helpers';
import { lookAt } from './look-at';

// One incident worked by three responders on three machines (three profiles, each with its own
// stand-in desktop side), shared through a real Git server on loopback, and then without any
// server, by a bundle file carried from one machine to another.

const TITLE = 'Checkout down for card payments';

test.skip(!gitAvailable(), 'needs git (its http-backend serves the shared repository)');

/** Settings: the responder's name, and sharing through the repository (or off), as a responder sets them. */
async function setUp(page: Page, name: string, repository?: string) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name, as incident exports show it (optional)').fill(name);
  await page.getByLabel('Your name, as incident exports show it (optional)').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /saved/i }).first()).toBeVisible();
  if (repository) {
    const sharing = page.getByRole('form', { name: 'Incident sharing' });
    await sharing.getByLabel('Git repository').check();
    await sharing.getByLabel('URL of the incident repository').fill(repository);
    await sharing.getByLabel('Seconds between exchanges while an incident is open').fill('2');
    await sharing.getByRole('button', { name: 'Save sharing settings' }).click();
    await expect(sharing.getByRole('status')).toContainText(/saved/i);
  }
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('region', { name: 'Runbook library' })).toBeVisible();
}

/** Incidents → the shared incident (declared by someone else) → Make current. */
async function join(page: Page, declaredBy: string) {
  await page.keyboard.press('Control+3');
  const row = page.getByRole('row').filter({ hasText: TITLE });
  await expect(row).toContainText(`declared by ${declaredBy}`, { timeout: 20_000 });
  if (declaredBy === 'Ana Commander' && !looked.has('list')) {
    looked.add('list');
    await lookAt(page, 'shared-incidents-list');
  }
  await row.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('button', { name: /Make current/ })).toBeVisible();
  await page.keyboard.press('m');
  await expect(page.getByRole('region', { name: 'Current incident' })).toContainText(TITLE);
}

const stepHeading = (page: Page, step: number) => page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step} of `) });
/** The run screen's ↑ and ↓ until step `step` is the one shown. */
async function viewStep(page: Page, step: number) {
  const shown = async () => Number(/^Step (\d+) of/.exec((await page.getByRole('heading', { level: 2, name: /^Step \d+ of / }).textContent()) ?? '')?.[1]);
  for (let now = await shown(); now !== step; now = await shown()) await page.keyboard.press(now > step ? 'ArrowUp' : 'ArrowDown');
  await expect(stepHeading(page, step)).toBeVisible();
}

/** Screens looked at once, at both sizes and in both themes. */
const looked = new Set<string>();
const status = (page: Page) => page.getByRole('region', { name: 'Responders' }).getByRole('status');
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').allTextContents();

/** The incident page's Markdown export, as saved. */
async function exported(page: Page, profile: string): Promise<string> {
  await page.keyboard.press('Control+2');
  await page.getByRole('button', { name: 'Save as Markdown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();
  const names = (await readdir(savedFilesFolder(profile))).filter((name) => name.endsWith('.md'));
  return readFile(path.join(savedFilesFolder(profile), names.sort().at(-1)!), 'utf8');
}

let root: string;
let repo: FixtureRepo;
let server: GitServer;
const profiles: string[] = [];
/** Apps launched by a test: closed before their profile folders are removed (the fixture would close them only after the hooks). */
const running: RunningApp[] = [];
const open = async (launch: (profile: string) => Promise<RunningApp>, profile: string) => {
  const app = await launch(profile);
  running.push(app);
  return app;
};

test.beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'failsafe-e2e-shared-'));
  repo = await FixtureRepo.create(root, 'incidents', { 'README.md': 'Incidents the on-call team shares.\n' });
  server = await startGitServer({ root, push: true });
  for (let index = 0; index < 3; index++) profiles.push(await mkdtemp(path.join(tmpdir(), `failsafe-e2e-responder-${index}-`)));
});

test.afterEach(async () => {
  for (const app of running.splice(0)) await app.close().catch(() => undefined);
  await server.kill();
  await repo.remove();
  for (const folder of profiles.splice(0)) await rm(folder, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

test('three responders share one incident through Git on loopback: the network cut, a machine killed mid-run, the same timeline and export everywhere', async ({ launch }) => {
  test.setTimeout(300_000);
  const [commanderProfile, dbProfile, commsProfile] = profiles;
  const url = server.url('incidents');
  const commander = await open(launch, commanderProfile);
  let db: RunningApp = await open(launch, dbProfile);
  const comms = await open(launch, commsProfile);
  await setUp(commander.page, 'Ana Commander', url);
  await setUp(db.page, 'Dev Database', url);
  await setUp(comms.page, 'Cy Comms', url);

  // The commander declares and sends the first notice.
  await declareIncident(commander.page, TITLE);
  await commander.page.keyboard.press('Control+6');
  await expect(commander.page.getByLabel('Affected service')).toBeFocused();
  await commander.page.keyboard.type('Checkout');
  await commander.page.getByLabel('Who is affected and how').focus();
  await commander.page.keyboard.type('1 in 3 card payments fail at checkout');
  await commander.page.keyboard.press('Control+Enter');
  await expect(commander.page.getByRole('status').filter({ hasText: 'recorded in the incident' })).toBeVisible();

  // The comms lead, paged too, goes to declare it: the dialog fetches and names the commander's
  // incident (a walk declared a second one for the same outage, 4 s later, with nothing said).
  await comms.page.keyboard.press('i');
  const declaring = comms.page.getByRole('dialog', { name: 'Declare an incident' });
  await expect(declaring.getByTestId('declare-open-elsewhere')).toContainText(`“${TITLE}” (P1), declared by Ana Commander`, { timeout: 20_000 });
  await lookAt(comms.page, 'declare-already-open-shared');
  await comms.page.keyboard.press('Escape');
  await expect(declaring).toHaveCount(0);

  // The database lead joins and runs a runbook.
  await join(db.page, 'Ana Commander');
  await db.page.keyboard.press('Control+K');
  await db.page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially('pods keep crashing 502');
  await db.page.keyboard.press('Enter');
  await expect(db.page.getByRole('heading', { level: 1 })).toHaveText('Application crash or high error rate');
  await db.page.keyboard.press('r');
  await db.page.getByRole('dialog').getByLabel('Deployment').fill('checkout');
  await db.page.keyboard.press('Enter');
  await expect(stepHeading(db.page, 1)).toBeVisible();
  // The run's keys wait for the start dialog to be gone, and D on a step not yet started starts it:
  // wait for both.
  await expect(db.page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(async () => (await stepOutcomes(db.page))[0]).toBe('in progress');
  await db.page.keyboard.press('d');
  await expect(stepHeading(db.page, 2)).toBeVisible();
  await expect.poll(() => stepOutcomes(db.page)).toEqual(expect.arrayContaining(['done', 'in progress']));

  // Comms joins; the server goes away while they call down the chain: their events wait, then go out.
  await join(comms.page, 'Ana Commander');
  await server.kill();
  await comms.page.keyboard.press('Control+5');
  const chain = comms.page.getByRole('region', { name: /^Escalation for P1/ });
  await chain.locator('li.chain-now').getByRole('button', { name: 'No answer' }).click();
  await chain.locator('li.chain-now').getByRole('button', { name: 'Reached' }).click();
  await expect(comms.page.getByTestId('chain-ended')).toBeVisible();
  // Said on every screen, in the incident bar, not only on the incident's page.
  await expect(comms.page.getByRole('region', { name: 'Current incident' }).getByRole('link', { name: /sharing offline: 2 not shared/ })).toBeVisible({ timeout: 20_000 });
  await lookAt(comms.page, 'shared-incident-offline-bar');
  await comms.page.keyboard.press('Control+2');
  await expect(status(comms.page)).toContainText(/2 events not shared yet\. Offline: /, { timeout: 20_000 });
  await lookAt(comms.page, 'shared-incident-offline');
  server = await startGitServer({ root, push: true, port: server.port });
  await expect(status(comms.page)).toContainText('All shared', { timeout: 20_000 });
  await expect(comms.page.getByRole('region', { name: 'Current incident' }).getByText(/sharing offline/)).toHaveCount(0);

  // The database lead's machine dies mid-run; relaunched, it goes on where it was and shares on.
  await db.kill();
  db = await open(launch, dbProfile);
  await expect(stepHeading(db.page, 2)).toBeVisible();
  await db.page.keyboard.press('d');
  await expect(stepHeading(db.page, 3)).toBeVisible();
  await expect.poll(() => stepOutcomes(db.page)).toEqual(expect.arrayContaining(['done', 'done', 'in progress']));

  // The network goes again while two of them settle the same step differently: both are kept, as a conflict.
  await commander.page.keyboard.press('Control+2');
  const commanderTimeline = commander.page.getByRole('region', { name: 'Timeline' });
  await expect(commanderTimeline).toContainText('started step 3', { timeout: 20_000 });
  await expect(commanderTimeline).toContainText('Reached');
  await server.kill();
  await db.page.keyboard.press('d');
  await expect(stepHeading(db.page, 4)).toBeVisible();
  await commander.page.getByRole('main').getByRole('link', { name: /Application crash or high error rate/ }).first().click();
  await expect(stepHeading(commander.page, 3)).toBeVisible();
  await commander.page.keyboard.press('f');
  await commander.page.keyboard.type('checkout pods still restarting');
  await commander.page.keyboard.press('Enter');
  server = await startGitServer({ root, push: true, port: server.port });
  for (const page of [commander.page, db.page]) {
    await viewStep(page, 3);
    await expect(page.getByTestId('step-concurrent')).toContainText('Conflict: ', { timeout: 20_000 });
  }
  await lookAt(db.page, 'shared-run-conflict');
  // The database lead settles it: reopened and marked done; the conflict is gone everywhere.
  await db.page.keyboard.press('o');
  await expect.poll(async () => (await stepOutcomes(db.page))[2]).toBe('in progress');
  await db.page.keyboard.press('d');
  for (const page of [commander.page, db.page]) await expect(page.getByTestId('step-concurrent')).toBeHidden({ timeout: 20_000 });
  // The commander, still reading step 3, sees how it went: her failure stays in view, settled.
  await expect(commander.page.getByTestId('step-history')).toContainText('failed by you (checkout pods still restarting)');
  await expect(commander.page.getByTestId('step-history')).toContainText('reopened by Dev Database, then done by Dev Database');
  // A note on the step says who wrote it, on every machine.
  await viewStep(db.page, 3);
  await db.page.keyboard.press('n');
  await db.page.keyboard.type('restarted the connection pool');
  await db.page.keyboard.press('Enter');
  await expect(db.page.getByRole('list', { name: 'Notes on this step' })).toContainText('restarted the connection pool (you)');
  await expect(commander.page.getByRole('list', { name: 'Notes on this step' })).toContainText('restarted the connection pool (Dev Database)', { timeout: 20_000 });

  // The commander resolves: she is told the database lead's run is still open, and resolves anyway.
  await commander.page.keyboard.press('Control+2');
  await commander.page.keyboard.press('Alt+4');
  const asked = commander.page.getByRole('dialog', { name: 'Resolve with runs still open?' });
  await expect(asked.getByRole('listitem')).toHaveCount(1);
  // Whose run it is, and that it is theirs to close.
  await expect(asked.getByRole('listitem')).toContainText('by Dev Database');
  await expect(asked).toContainText('Ask Dev Database before closing theirs: they may still be working it.');
  await commander.page.keyboard.press('Enter');
  await expect(asked).toBeHidden();
  await expect(commander.page.getByRole('region', { name: 'Current incident' })).toContainText('resolved');
  // The run on the database lead's screen says the incident was resolved under it.
  await expect(db.page.getByTestId('resolved-while-running')).toBeVisible({ timeout: 20_000 });
  await lookAt(db.page, 'shared-run-resolved-under-it');

  // Every machine ends with the same timeline, naming who did what, and the same export, byte for byte.
  const pages = [commander.page, db.page, comms.page];
  for (const page of pages) await page.keyboard.press('Control+2');
  const same = async () => {
    const all = await Promise.all(pages.map(timeline));
    return all.every((lines) => lines.some((line) => line.includes('Milestone resolved')) && JSON.stringify(lines) === JSON.stringify(all[0]));
  };
  await expect.poll(same, { timeout: 30_000 }).toBe(true);
  await lookAt(db.page, 'shared-incident-resolved');
  const lines = await timeline(commander.page);
  for (const who of ['Ana Commander', 'Dev Database', 'Cy Comms']) expect(lines.some((line) => line.includes(`${who}:`))).toBe(true);
  const [a, b, c] = [await exported(commander.page, commanderProfile), await exported(db.page, dbProfile), await exported(comms.page, commsProfile)];
  expect(a).toContain('| Responders | Ana Commander, Dev Database, Cy Comms |');
  expect(b).toBe(a);
  expect(c).toBe(a);
});

test('without any server: a bundle file carried from one machine to another and back gives both the same record', async ({ launch }) => {
  test.setTimeout(120_000);
  const [commanderProfile, dbProfile] = profiles;
  const commander = await open(launch, commanderProfile);
  const db = await open(launch, dbProfile);
  await setUp(commander.page, 'Ana Commander');
  await setUp(db.page, 'Dev Database');

  await declareIncident(commander.page, TITLE);
  await commander.page.keyboard.press('Control+2');
  await commander.page.getByLabel('New note').fill('Card payments failing since 02:10');
  await commander.page.keyboard.press('Enter');
  await commander.page.getByRole('button', { name: /Export bundle/ }).click();
  await expect(commander.page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();
  // Said on its own line under the buttons, cut where it is long: nothing moves for it.
  await lookAt(commander.page, 'incident-export-outcome');
  const bundleOf = async (profile: string) => {
    const [name] = (await readdir(savedFilesFolder(profile))).filter((file) => file.endsWith('.failsafe-bundle'));
    return path.join(savedFilesFolder(profile), name);
  };

  // Carried over: it joins, once; the same file again adds nothing.
  await db.page.keyboard.press('Control+3');
  for (const round of ['first', 'again']) {
    const picking = db.page.waitForEvent('filechooser');
    await db.page.getByRole('button', { name: /Import bundle/ }).click();
    await (await picking).setFiles(await bundleOf(commanderProfile));
    const summary = db.page.getByRole('dialog');
    await expect(summary).toContainText(round === 'first' ? /joined/i : /nothing new/i);
    if (round === 'first') await lookAt(db.page, 'bundle-import-summary');
    await db.page.keyboard.press('Escape');
  }
  await join(db.page, 'Ana Commander');
  await db.page.getByLabel('New note').fill('Primary database at 100% CPU');
  await db.page.keyboard.press('Enter');
  await db.page.getByRole('button', { name: /Export bundle/ }).click();
  await expect(db.page.getByRole('status').filter({ hasText: 'Saved to' })).toBeVisible();

  await commander.page.keyboard.press('Control+3');
  const picking = commander.page.waitForEvent('filechooser');
  await commander.page.getByRole('button', { name: /Import bundle/ }).click();
  await (await picking).setFiles(await bundleOf(dbProfile));
  await expect(commander.page.getByRole('dialog')).toContainText(/1 new event/i);
  await commander.page.keyboard.press('Escape');

  const [a, b] = [await exported(commander.page, commanderProfile), await exported(db.page, dbProfile)];
  expect(a).toContain('Dev Database: Note: Primary database at 100% CPU');
  expect(b).toBe(a);
});
