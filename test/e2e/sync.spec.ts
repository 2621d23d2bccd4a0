import type { Locator, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FixtureRepo, gitAvailable, runbook } from '../support/git-fixtures';
import { startGitServer, type GitServer } from '../support/git-http-server';
import { expect, test } from './fixtures';
import { lookAt } from './look-at';
import { E2E_BUILD, hostKind, RENDERER } from './host';
import { startPreviewServer } from '../../electron/preview-server';
import { declareIncident, openRunbook, stepOutcomes, startPatroniRun } from './incident-helpers';

const results = (page: Page) => page.getByRole('listbox', { name: 'Results' }).getByRole('option');
const SCREENSHOTS = path.join(E2E_BUILD, 'screenshots');
const DATE = String.raw`\d{4}-\d\d-\d\d`;
const FROM_BUNDLE = String.raw`kept from the library bundled with the app \(built ${DATE}\)`;

/** The sync summary at both sizes, light and dark: saved for a person to look at, and measured: in the layout above the page, its close button in view. */
async function lookAtSummary(page: Page, name: string) {
  await lookAt(page, name, {
    axe: false,
    atEachSize: async (where, size) => {
      const banner = await page.locator('.sync-outcome').boundingBox();
      const body = await page.locator('.app-body').boundingBox();
      expect(banner && body, where).toBeTruthy();
      if (!banner || !body) return;
      expect(banner.y + banner.height, `${where}: the summary lies over the page`).toBeLessThanOrEqual(body.y + 0.5);
      expect(banner.height, `${where}: the summary takes more than a fifth of the window`).toBeLessThanOrEqual(size.height / 5 + 40);
      await expect(page.getByRole('button', { name: 'Close the sync summary' }), where).toBeInViewport({ ratio: 1 });
    },
  });
}

/** Tabs from where focus is until it reaches the sync summary. */
async function tabIntoSummary(page: Page) {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => !!document.activeElement?.closest('.sync-outcome'))) return;
  }
  throw new Error('Tab never reached the sync summary');
}

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
    // Asked for before there is a repository: it says how to set it up, until the settings are saved.
    await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
    await page.keyboard.press('Control+Shift+S');
    const notSetUp = page.getByRole('alert').filter({ hasText: 'Sync is not set up' });
    await expect(notSetUp).toBeVisible();
    await page.getByRole('link', { name: 'Settings' }).click();
    // What the first sync does to the bundled library is said before it happens, not found after.
    const bundled = (await page.getByTestId('runbook-count').textContent())!.match(/\d+/)![0];
    const firstSyncHelp = page.getByText(`The first sync replaces the bundled example library (${bundled} runbooks and its pinned notes)`);
    await expect(firstSyncHelp).toBeVisible();
    await page.getByLabel('Repository URL').fill(server.url('team'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    await expect(notSetUp).toHaveCount(0);
    // Saving does not fetch: the next step is offered where the responder is, with the key that does it anywhere.
    await expect(page.getByRole('button', { name: 'Sync now Ctrl Shift S' })).toBeVisible();
    await page.getByRole('button', { name: 'Sync the library from it now Ctrl Shift S' }).click();
    await expect(page.getByText('Synced: 1 runbook added')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('library-source')).toContainText(`Git ${repo.head().slice(0, 8)}`);
    await expect(firstSyncHelp).toHaveCount(0);

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
    await page.keyboard.press('Escape');

    // The status line at its fullest (a Git source, the last sync, its failure), at the narrow size:
    // the count, the network and the failure are read whole; the source gives way.
    await page.setViewportSize({ width: 900, height: 700 });
    const cut = (shown: Locator) => shown.evaluate((span) => span.scrollWidth > span.clientWidth);
    await expect(page.locator('.status-line .sync-error')).toBeVisible();
    expect(await cut(page.getByTestId('runbook-count')), 'the runbook count is cut').toBe(false);
    expect(await cut(page.getByTestId('network-state')), 'the network state is cut').toBe(false);
    expect(await cut(page.locator('.status-line .sync-error')), 'the sync failure is cut').toBe(false);
  });

  test('the automatic sync at start that finds nothing new shows no summary; one asked for says the library is up to date', async ({ launch, profile }) => {
    // Served over loopback, the app is online: its automatic sync runs (offline it waits for the network).
    const preview = await startPreviewServer(RENDERER);
    try {
      let app = await launch(profile, undefined, { server: preview });
      await app.page.getByRole('link', { name: 'Settings' }).click();
      await app.page.getByLabel('Repository URL').fill(server.url('team'));
      await app.page.getByRole('button', { name: 'Save settings' }).click();
      // Saved with automatic sync on (the default), it syncs at once.
      const summary = app.page.locator('.sync-outcome');
      await expect(summary).toContainText('Synced: 1 runbook added', { timeout: 20_000 });
      await app.close();

      app = await launch(profile, undefined, { server: preview });
      await app.page.waitForFunction(() => performance.getEntriesByName('failsafe:sync', 'measure').some((entry) => (entry as PerformanceMeasure).detail === 'unchanged'), undefined, { timeout: 20_000 });
      await expect(app.page.locator('.sync-outcome')).toHaveCount(0);
      await app.page.keyboard.press('Control+Shift+S');
      await expect(app.page.locator('.sync-outcome')).toContainText('Synced: The library is up to date.', { timeout: 20_000 });
    } finally {
      await preview.close();
    }
  });

  test('during an open incident the first sync waits for the responder: it says what it replaces, Esc or Enter keeps the bundled library, Replace it and sync syncs', async ({ launch, profile }) => {
    // Online (served over loopback), so saving the repository starts an automatic sync at once.
    const preview = await startPreviewServer(RENDERER);
    try {
      const { page } = await launch(profile, undefined, { server: preview });
      await startPatroniRun(page, 'Checkout API returns 502');
      await page.keyboard.press('Control+4');
      await page.getByLabel('Repository URL').fill(server.url('team'));
      await page.getByLabel('Repository URL').press('Enter');
      await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
      // The automatic sync does not take the library the incident is using: it waits, and says so.
      await expect(page.getByRole('status').filter({ hasText: 'waits for your word' })).toContainText('“Checkout API returns 502”');
      await expect(page.getByTestId('library-source')).toContainText('Bundled library');

      await page.keyboard.press('Control+Shift+S');
      const dialog = page.getByRole('dialog', { name: 'Replace the bundled library during the incident?' });
      await expect(dialog).toContainText('“Checkout API returns 502” is open');
      await expect(dialog.getByRole('listitem')).toHaveText(['Planned Patroni switchover']);
      await lookAt(page, 'first-sync-dialog');
      // The safe answer is the default: Esc, and Enter pressed by reflex, keep the bundled library.
      for (const key of ['Escape', 'Enter']) {
        await page.keyboard.press(key);
        await expect(dialog).toHaveCount(0);
        await expect(page.getByRole('button', { name: /^Sync now/ })).toBeEnabled();
        await expect(page.getByTestId('library-source')).toContainText('Bundled library');
        await page.keyboard.press('Control+Shift+S');
        await expect(dialog).toBeVisible();
      }
      await page.keyboard.press('Tab');
      await expect(dialog.getByRole('button', { name: 'Replace it and sync' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('.sync-outcome')).toContainText('Synced: 1 runbook added', { timeout: 20_000 });
      await expect(page.getByTestId('library-source')).toContainText(`Git ${repo.head().slice(0, 8)}`);
      await expect(page.getByRole('status').filter({ hasText: 'waits for your word' })).toHaveCount(0);
    } finally {
      await preview.close();
    }
  });

  test('a first sync held for an open incident stops waiting once the incident is resolved, and then syncs without asking', async ({ launch, profile }) => {
    const preview = await startPreviewServer(RENDERER);
    try {
      const { page } = await launch(profile, undefined, { server: preview });
      await declareIncident(page, 'Checkout API returns 502');
      await page.keyboard.press('Control+4');
      await page.getByLabel('Repository URL').fill(server.url('team'));
      await page.getByLabel('Repository URL').press('Enter');
      const waiting = page.getByRole('status').filter({ hasText: 'waits for your word' });
      await expect(waiting).toBeVisible();
      await page.keyboard.press('Alt+4');
      await expect(waiting).toHaveCount(0);
      await page.keyboard.press('Control+Shift+S');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(page.locator('.sync-outcome')).toContainText('Synced: 1 runbook added', { timeout: 20_000 });
    } finally {
      await preview.close();
    }
  });

  test('the sync key pressed while the settings are still being saved syncs from what is saved; the saved answer is in view, and Esc in the field closes the summary', async ({ launch, profile }) => {
    test.skip(hostKind() === 'electron', 'slowing a channel needs the stand-in host; Electron’s main runs the same handlers and dispatch');
    // A busy main process: the save answers late. Enter in the URL field, then the key at once.
    const { page } = await launch(profile, undefined, { slowChannels: { 'sync:set-settings': 800 } });
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Repository URL').fill(server.url('team'));
    await page.setViewportSize({ width: 900, height: 700 });
    await page.getByLabel('Repository URL').press('Enter');
    await page.keyboard.press('Control+Shift+S');
    // It answered "Sync is not set up: enter the repository URL in Settings and save it."
    await expect(page.locator('.sync-outcome')).toContainText('Synced: 1 runbook added', { timeout: 20_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Esc closes the summary with the cursor still in the field (it was ignored there).
    await expect(page.getByLabel('Repository URL')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.locator('.sync-outcome')).toHaveCount(0);
    // Saved again by Enter: the answer, and the button that syncs, are in view, not below the window's edge.
    await page.getByLabel('Repository URL').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeInViewport();
    await expect(page.getByRole('button', { name: /Sync the library from it now/ })).toBeInViewport();
  });

  test('a first sync of many runbooks names the first fifty and says how many more, marking none changed; the library lists a hundred of a kind, then shows more; the next sync marks what it changed', async ({ launch, profile }) => {
    const BULK = 130;
    await repo.commit(Object.fromEntries(Array.from({ length: BULK }, (_, index) => [`bulk/service-${String(index).padStart(3, '0')}.md`, runbook(`Restart service ${String(index).padStart(3, '0')}`)])), 'many more');
    const { page } = await launch(profile);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Repository URL').fill(server.url('team'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.keyboard.press('Control+Shift+S');
    const summary = page.locator('.sync-outcome');
    await expect(summary).toContainText(`Synced: ${BULK + 1} runbooks added`, { timeout: 20_000 });
    // The bundled library's runbooks went too: named after the added ones, and counted.
    const removed = Number(/added, (\d+) removed/.exec(await summary.innerText())?.[1]);
    expect(removed).toBeGreaterThan(0);
    await expect(summary.getByRole('link')).toHaveCount(50);
    // Every runbook is new at a first sync: none is marked changed, and the summary does not say they are.
    await expect(summary.getByRole('listitem').last()).toHaveText(`and ${BULK + 1 + removed - 50} more.`);
    await lookAtSummary(page, 'sync-summary-many');

    // On the next page the summary is its first line, its lists a button away.
    await page.keyboard.press('Control+1');
    await expect(summary).toContainText(`Synced: ${BULK + 1} runbooks added`);
    await expect(summary.getByRole('link')).toHaveCount(0);
    const bannerHeight = (await summary.boundingBox())?.height ?? Infinity;
    expect(bannerHeight, 'the summary left behind is one line').toBeLessThanOrEqual(60);
    await summary.getByRole('button', { name: 'Show what changed' }).click();
    await expect(summary.getByRole('link')).toHaveCount(50);
    await page.keyboard.press('Escape');
    await expect(summary).toHaveCount(0);

    // The library page lists the first hundred of a kind; the rest are a press away, in order.
    const group = page.locator('.runbook-group').filter({ has: page.getByRole('link', { name: 'Restart service 000' }) });
    const rows = group.getByRole('listitem');
    await expect(rows).toHaveCount(100);
    const more = group.getByRole('button', { name: `Show more (${BULK + 1 - 100} not shown)` });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(rows).toHaveCount(BULK + 1);
    await expect(rows.last()).toContainText(`Restart service ${String(BULK - 1).padStart(3, '0')}`);
    await expect(more).toHaveCount(0);
    await expect(page.locator('.badge.changed')).toHaveCount(0);

    // The next sync marks what it changed, until the runbook is opened.
    await repo.commit({ 'bulk/service-001.md': runbook('Restart service 001', '\nDrain the node first.\n'), 'bulk/service-002.md': runbook('Restart service 002', '\nDrain the node first.\n') }, 'drain first');
    await page.keyboard.press('Control+Shift+S');
    await expect(summary).toContainText('Synced: 2 runbooks updated', { timeout: 20_000 });
    const marked = page.locator('.runbook-group li').filter({ has: page.locator('.badge.changed') });
    await expect(marked).toHaveText([/Restart service 001/, /Restart service 002/]);
    await marked.first().getByRole('link').click();
    await page.keyboard.press('Control+1');
    await expect(marked).toHaveText([/Restart service 002/]);
  });

  test('a sync in the middle of a run changes nothing under it, and the run says its runbook changed', async ({ launch, profile }) => {
    const steps = (second: string) => `---\ntitle: Restart the workers\nrelated: [streaming/kafka-consumer-lag]\n---\n# Restart the workers\n\n## Steps\n\n### Step 1: Drain the queue\n\`\`\`bash\nworkerctl drain\n\`\`\`\n\n### Step 2: ${second}\n\`\`\`bash\nworkerctl restart --all\n\`\`\`\n\n### Step 3: Watch the queue\n\`\`\`bash\nworkerctl stats\n\`\`\`\n`;
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
    // Read once the library's reload is done: on a loaded machine that took more than the default 5 s once.
    await expect(page.getByTestId('runbook-changed')).toContainText('This runbook has changed in the library since this run started.', { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 3: Restart every worker/ })).toBeVisible();
    await expect(page.locator('.run-step .code-block')).toContainText('workerctl restart --all');
    expect(await stepOutcomes(page)).toEqual(['done', 'in progress', 'to do']);
    // When the runbooks changed under the responders is in the incident's record.
    await page.keyboard.press('Control+2');
    await expect(page.locator('.timeline')).toContainText(`Library synced to commit ${repo.head().slice(0, 8)}: 1 runbook updated (runs already started keep their copies)`);

    // A sync takes away a runbook the run's copy names as related: the panel says so, and its link
    // leads to a page with a way back to the run, not a dead end.
    await repo.commit({ 'streaming/kafka-consumer-lag.md': null }, 'retire the kafka runbook');
    await page.keyboard.press('Control+Shift+S');
    await expect(page.getByText(/Synced: .*1 runbook removed/)).toBeVisible({ timeout: 20_000 });
    await page.getByRole('link', { name: /Restart the workers: step 2 of 3/ }).click();
    await page.keyboard.press('b');
    const related = page.getByRole('complementary', { name: 'Rollback and related runbooks' }).getByRole('listitem').filter({ hasText: 'Kafka consumer lag' });
    await expect(related).toContainText('Kafka consumer lag (not in the library since a sync)');
    await related.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No runbook “streaming/kafka-consumer-lag” here');
    await page.getByRole('link', { name: 'Restart the workers, step 2 of 3' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 3: Restart every worker/ })).toBeVisible();
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

  test('a repository without oncall.yml, severity.yml or templates keeps the team’s roster, levels and templates, says from where, and its summary closes by keyboard', async ({ launch, profile }) => {
    const { page } = await launch(profile);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Repository URL').fill(server.url('team'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    const summary = page.locator('.sync-outcome');
    await expect(summary).toContainText('Synced: 1 runbook added', { timeout: 20_000 });
    const keptAndRemoved = summary.getByRole('list', { name: 'Kept and removed besides runbooks' });
    await expect(keptAndRemoved).toContainText(new RegExp(String.raw`Roster \(\d+ people\) ${FROM_BUNDLE}: the synced repository has no oncall\.yml\.`));
    await expect(keptAndRemoved).toContainText(new RegExp(String.raw`Severity levels \(\d+ levels\) ${FROM_BUNDLE}: the synced repository has no severity\.yml\.`));
    await expect(keptAndRemoved).toContainText(new RegExp(String.raw`Message templates \(\d+ templates\) ${FROM_BUNDLE}: the synced repository has no templates/ folder\.`));
    // The bundle's pinned notes were the library's, and the team's repository has none: said, not silent.
    await expect(keptAndRemoved).toContainText(/Pinned notes removed: .+\./);

    await page.keyboard.press('Control+5');
    await expect(page.locator('#roster tbody tr', { hasText: 'Ada Quill' })).toBeVisible();
    await expect(page.getByTestId('roster-kept')).toHaveText(new RegExp(String.raw`^Roster ${FROM_BUNDLE}: the synced repository has no oncall\.yml\.$`));
    await lookAtSummary(page, 'sync-kept-oncall');
    // The severity panel and Messages at the narrow size, where a "kept" line is likeliest to crowd them.
    await page.setViewportSize({ width: 900, height: 700 });
    await page.getByRole('heading', { level: 1, name: 'On-call' }).click();
    await page.keyboard.press('l');
    await expect(page.getByRole('dialog', { name: 'Severity levels' }).getByTestId('severity-kept')).toHaveText(new RegExp(String.raw`^Severity levels ${FROM_BUNDLE}`));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sync-kept-severity-900x700-light.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+6');
    await expect(page.getByTestId('templates-kept')).toHaveText(new RegExp(String.raw`^Message templates ${FROM_BUNDLE}: the synced repository has no templates/ folder\.$`));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sync-kept-messages-900x700-light.png') });

    // Closed by keyboard, and focus goes back where it came from.
    await tabIntoSummary(page);
    await page.keyboard.press('Escape');
    await expect(summary).toHaveCount(0);
    await expect(page.locator(':focus')).toHaveCount(1);
    // A sync that changes nothing leaves it closed.
    await page.keyboard.press('Control+Shift+S');
    await page.waitForFunction(() => performance.getEntriesByName('failsafe:sync', 'measure').length >= 2, undefined, { timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
    await expect(summary).toHaveCount(0);

    // The team's own oncall.yml that lists nobody empties the roster, and the page says so plainly.
    await repo.commit({ 'oncall.yml': 'people: []\n' }, 'no roster in this repository');
    await page.keyboard.press('Control+Shift+S');
    await expect(summary).toContainText(/People removed from oncall\.yml: Ada Quill, /, { timeout: 20_000 });
    await expect(summary).not.toContainText('Roster (');
    await page.keyboard.press('Control+5');
    await expect(page.getByTestId('no-roster')).toContainText('There is no roster: the library lists nobody on call. Add people to oncall.yml');
    await expect(page.getByTestId('roster-age')).toHaveCount(0);
    await expect(page.getByTestId('roster-kept')).toHaveCount(0);
    await expect(page.locator('#roster')).toBeHidden();
    await lookAtSummary(page, 'sync-empty-oncall');
    // Esc with the focus anywhere but a field, a dialog or a panel closes it too.
    await page.getByRole('heading', { level: 1, name: 'On-call' }).click();
    await page.keyboard.press('Escape');
    await expect(summary).toHaveCount(0);
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
