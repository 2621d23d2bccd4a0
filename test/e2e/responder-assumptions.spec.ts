import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { lookAt } from './look-at';
import { declareIncident, holdIncidentWrites, openRunbook, startWithOfferedValues, stepOutcomes, storedEvents, startPatroniRun } from './incident-helpers';

// What a tired responder assumes without reading a line of help, each written as that assumption.

const bar = (page: Page) => page.getByRole('region', { name: 'Current incident' });

test('after resolving an incident, R on another runbook does not add to it: the responder chooses where the run goes', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await page.keyboard.press('Alt+3');
  // Mitigated: the status follows.
  await expect(bar(page)).toContainText('monitoring');
  await page.keyboard.press('Alt+4');
  await expect(bar(page)).toContainText('resolved');
  const before = (await storedEvents(page)).length;

  await openRunbook(page, 'disk full', 'Disk full on a host');
  await page.keyboard.press('r');
  const where = page.getByRole('dialog', { name: 'Where should this run go?' });
  await expect(where).toContainText('“Checkout API returns 502” is resolved');
  // Changing one's mind records nothing.
  await page.keyboard.press('Escape');
  await expect(where).toBeHidden();
  expect((await storedEvents(page)).length).toBe(before);

  await page.keyboard.press('r');
  await expect(where.getByRole('radio', { name: /In a new incident/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const declare = page.getByRole('dialog', { name: 'Declare an incident' });
  await expect(declare.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Disk filling on db-1');
  await page.keyboard.press('Enter');
  await startWithOfferedValues(page, 'Disk full on a host');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
  await expect(bar(page)).toContainText('Disk filling on db-1');

  // The resolved incident's record is as it was: no run was added to it.
  const events = await storedEvents(page);
  const resolvedId = events.find((event) => event.type === 'incident-declared' && event.title === 'Checkout API returns 502')?.incidentId;
  const resolvedOnes = events.filter((event) => event.incidentId === resolvedId);
  expect(resolvedOnes.map((event) => event.type)).not.toContain('run-started');
  expect(resolvedOnes).toHaveLength(before);
});

test('a milestone key acts on the incident on screen, and never moves a time already set', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await page.keyboard.press('Alt+4');
  await expect(bar(page)).toContainText('resolved');
  const resolvedAt = await bar(page).locator('.incident-milestone').innerText();
  const before = (await storedEvents(page)).length;
  // Pressed again a minute later, by habit: the time the notice already gave stays. On the
  // incident's page the key opens that time to correct (it took seven Tabs); Esc lets it go.
  await page.keyboard.press('Alt+4');
  await expect(page.getByLabel('resolved time in UTC')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('resolved time in UTC')).toHaveCount(0);
  // Elsewhere it says how.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('alert')).toContainText('Nothing changed: “Checkout API returns 502” is already resolved at');
  await expect(page.getByRole('alert')).toContainText('To change that time, press Alt 4 again on its page (Ctrl 2).');
  expect((await storedEvents(page)).length).toBe(before);
  await expect(bar(page).locator('.incident-milestone')).toHaveText(resolvedAt);

  // Another incident becomes current; on the first one's page, Alt 2 is that page's "Set now".
  await declareIncident(page, 'Search is slow');
  await page.keyboard.press('Control+3');
  await page.getByRole('link', { name: 'Checkout API returns 502' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Checkout API returns 502');
  await page.keyboard.press('Alt+2');
  const events = await storedEvents(page);
  const idOf = (title: string) => events.find((event) => event.type === 'incident-declared' && event.title === title)?.incidentId;
  const acknowledged = events.filter((event) => event.type === 'milestone-set' && (event as { milestone?: string }).milestone === 'acknowledged');
  expect(acknowledged.map((event) => event.incidentId)).toEqual([idOf('Checkout API returns 502')]);
  await expect(bar(page)).toContainText('Search is slow');
  await expect(bar(page)).not.toContainText('acknowledged');
});

test('after Ctrl and a digit, Tab goes on in the page, not from the sidebar button tabbed to before', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  const declare = page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: /Declare an incident/ });
  const inPage = () => page.evaluate(`!!document.activeElement?.closest('main')`);
  for (const already of [false, true]) {
    await declare.focus();
    await page.keyboard.press('Control+4');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    // Pressed again on the page it is on, the key still brings focus to it.
    if (already) await expect.poll(inPage).toBe(true);
    await page.keyboard.press('Tab');
    expect(await inPage(), already ? 'Ctrl 4 on Settings' : 'Ctrl 4 from the library').toBe(true);
  }
  // From a field further down the same page, Tab starts again from the page's top, as the key says:
  // left in the field, the next Tab reached the automatic-sync checkbox, and a name typed there
  // unticked it with its space.
  await page.getByLabel('Published runbook sites').focus();
  await page.keyboard.press('Control+4');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Your name, as incident exports show it (optional)')).toBeFocused();
});

test('focus never falls back to the top of the window when the control it was on goes: Done on the last step, a corrected milestone time; Enter on a step looked back at says where it goes', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Primary database restarting');
  await openRunbook(page, 'patroni switchover', 'Planned Patroni switchover');
  await page.keyboard.press('r');
  for (let step = 1; step < 4; step++) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step} of 4`) })).toBeVisible();
    await page.keyboard.press('d');
  }
  await expect(page.getByRole('heading', { level: 2, name: /^Step 4 of 4/ })).toBeVisible();
  const actions = page.getByRole('toolbar', { name: 'Step actions' });
  // Looking back at a step done while the last one is in progress: Enter goes back to it, and the
  // button says so (it said "Finish the run").
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 4/ })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Back to step 4, in progress Enter' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 4 of 4/ })).toBeVisible();
  // Done pressed as a button: it gives way to "Finish the run", and the focus stays on the step,
  // where Enter finishes and Tab goes on through the step.
  await actions.getByRole('button', { name: 'Done D' }).focus();
  await page.keyboard.press('Enter');
  await expect(actions.getByRole('button', { name: 'Finish the run Enter' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Step 4' })).toBeFocused();
  // A note closed by its Enter leaves the focus there too, and an Enter more marks nothing.
  await page.keyboard.press('n');
  await page.keyboard.type('switchover done at 03:12');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Step 4' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Finish the run' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+2');
  await page.keyboard.press('Alt+1');
  const detected = page.getByRole('region', { name: 'Milestones' }).getByRole('listitem').filter({ hasText: 'detected' });
  await detected.getByRole('button', { name: 'Correct the time' }).focus();
  await page.keyboard.press('Enter');
  const field = page.getByLabel('detected time in UTC');
  await expect(field).toBeFocused();
  // What is typed replaces the time shown (it was appended to it), and the record says the time was given, not recorded then.
  const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString().slice(0, 16).replace('T', ' ');
  await page.keyboard.type(twoMinutesAgo);
  await page.keyboard.press('Enter');
  await expect(field).toHaveCount(0);
  await expect(detected.getByRole('button', { name: 'Correct the time' })).toBeFocused();
  await expect(page.locator('.timeline')).toContainText(`Milestone detected: ${twoMinutesAgo}:00 UTC`);
  await expect(page.locator('.timeline li').filter({ hasText: 'Milestone detected' }).last()).toContainText('a time given and recorded later');
  await expect(page.locator('.timeline li').filter({ hasText: 'Milestone detected' }).first()).not.toContainText('a time given');
  // Detected before the declaration: the page gives both durations, as the messages count from
  // detection (the page said "07:26", the resolution message "20m 13s").
  await expect(page.getByTestId('incident-clock')).toHaveText(/^Open for (\d+s|1m \d\ds) since the declaration, [23]m \d\ds since detection$/);
  // Esc lets the field go the same way.
  await page.keyboard.press('Enter');
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(detected.getByRole('button', { name: 'Correct the time' })).toBeFocused();
  // The list of incidents says the same two figures.
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('row').filter({ hasText: 'Primary database restarting' })).toContainText(/(\d+s|1m \d\ds) [23]m \d\ds from detection/);
});

test('on the incident page Tab reaches the milestones before the runs, notes and timeline, at both widths, as they are seen', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  for (const size of [{ width: 900, height: 700 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size);
    await page.keyboard.press('Control+2');
    const passed: string[] = [];
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(`document.activeElement?.closest('section')?.getAttribute('aria-labelledby') ?? ''`);
      if (where === 'milestones-heading') break;
      passed.push(where as string);
    }
    expect(passed.filter((where) => ['runs-heading', 'notes-heading', 'timeline-heading'].includes(where)), `${size.width} px`).toEqual([]);
    await expect(page.getByRole('region', { name: 'Milestones' }).getByRole('button').first()).toBeFocused();
  }
});

test('a resolved incident shows no live escalation chain', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await page.keyboard.press('Control+5');
  const chain = page.getByRole('region', { name: /^Escalation for/ });
  await expect(chain.locator('.chain-now')).toContainText('Primary on-call');
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('chain-ended')).toContainText('the incident is resolved');
  await expect(chain.locator('.chain-now, .chain-next')).toHaveCount(0);
  await expect(chain.locator('.chain-when')).not.toContainText([/^in /]);
});

test('calling down the chain: “no answer” brings the next person to now, “reached” stops the timers', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await page.keyboard.press('Control+5');
  const chain = page.getByRole('region', { name: /^Escalation for/ });
  const now = chain.locator('li.chain-now');
  await expect(now).toContainText('Primary on-call');
  await now.getByRole('button', { name: 'No answer' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(now).toContainText('Secondary on-call');
  await expect(now).toContainText('Bram Okafor');
  // The focus moved on to the next person's Reached: a second Enter records that call, never
  // the same "no answer" twice.
  await expect(now.getByRole('button', { name: 'Reached' }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chain-ended')).toContainText('someone was reached');
  // Ended, the chain itself has the focus: an Enter more records nothing.
  await expect(chain).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await storedEvents(page)).filter((event) => event.type === 'contact-attempted').length).toBe(2);
  // The chain stops there, but the severity table pages more people at this level: said, by name.
  await expect(page.getByTestId('chain-ended')).toContainText(/^Escalation has stopped: someone was reached, so nobody more needs calling to get an answer\. The severity table says P\d pages .*Engineering lead.* too: nobody has called them in this incident\.$/);
  await expect(chain.locator('.chain-when').filter({ hasText: /^in / })).toHaveCount(0);
});

test('after the roster filter, the palette’s “call the next person” shows that person, and Enter copies their number', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await page.keyboard.press('Control+5');
  await page.keyboard.type('database');
  await expect(page.locator('#roster tbody tr')).toHaveCount(1);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially('> call next');
  await expect(page.getByRole('option', { name: /Call the next person in the chain: Ada Quill/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const selected = page.locator('#roster tbody tr.selected');
  await expect(selected).toContainText('Ada Quill');
  await page.getByLabel('Filter people').focus();
  await page.keyboard.press('Enter');
  await expect.poll(readClipboard).toBe('+1 555 0100');
});

test('Messages opens on the template that fits the moment, and typing the message never fires a shortcut', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Initial incident notice');

  await page.keyboard.press('Control+1');
  await declareIncident(page, 'Checkout API returns 502');
  await page.keyboard.press('Control+6');
  await page.getByRole('link', { name: /^Incident update/ }).click();
  const form = page.getByRole('form', { name: 'Fill “Incident update”' });
  // The cursor is in the form, in its first empty field: what is typed is the message.
  await expect(form.getByLabel('Affected service')).toBeFocused();
  await page.keyboard.type('Checkout');
  await form.getByLabel('What we know and what we did').focus();
  await page.keyboard.type('I restarted the pods; Latency is Recovering. Run the checks, declare nothing.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(form.getByLabel('What we know and what we did')).toHaveValue('I restarted the pods; Latency is Recovering. Run the checks, declare nothing.');
  await expect(page.locator('.incident-list li, [data-testid="incident-row"]')).toHaveCount(0);

  // Once resolved, the resolution notice is offered first (Messages picks its template when opened,
  // so it is opened once the resolution is recorded).
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('region', { name: 'Current incident' })).toContainText('resolved');
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Incident resolved');
});

test('a copied message appears whole in the timeline, folded to its first line', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await page.keyboard.press('Control+6');
  const form = page.getByRole('form', { name: 'Fill “Initial incident notice”' });
  await form.getByLabel('Affected service').fill('Checkout');
  await form.getByLabel('Who is affected and how').fill('1 in 3 payments fail');
  await form.getByLabel('Started at').fill('02:14 UTC');
  await page.getByRole('button', { name: /^Copy as text/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'recorded in the incident' })).toBeVisible();
  // The form just copied stays on screen, though an update is what fits next.
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Initial incident notice');
  await expect(page.getByRole('link', { name: /^Incident update/ })).toContainText('fits now');
  await page.keyboard.press('Control+2');
  const message = page.locator('.timeline details');
  await expect(message.locator('summary')).toContainText('Message copied to send (Initial incident notice');
  await expect(message.locator('pre')).toBeHidden();
  await message.locator('summary').click();
  await expect(message.locator('pre')).toContainText('It started at 02:14 UTC. Our engineers are working on it.');
  await expect(message.locator('pre')).toContainText('Next update in 1 hour.');
});

test('ticking a verification check with Space keeps the focus on the checklist', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await startPatroniRun(page, 'Primary database restarting');
  await page.keyboard.press('e');
  const checks = page.getByRole('region', { name: 'Finish the run' }).getByRole('checkbox');
  await expect(checks.first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(checks.first()).toBeChecked();
  await expect(checks.first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(checks.nth(1)).toBeFocused();
});

test('a step that says to watch for 15 minutes counts its time against them, and says when they are up', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.clock.install({ time: new Date('2026-11-23T02:00:00Z') });
  await page.reload();
  await declareIncident(page, 'Checkout API returns 502');
  await openRunbook(page, 'application crash', 'Application crash or high error rate');
  await page.keyboard.press('r');
  await expect(page.getByRole('dialog').getByLabel('Kubernetes namespace')).toBeFocused();
  await page.keyboard.press('Enter');
  const heading = (step: number) => page.getByRole('heading', { level: 2, name: new RegExp(`^Step ${step} of 9`) });
  await expect(heading(1)).toBeVisible();
  // A step that names no wait shows its time alone.
  await expect(page.getByTestId('step-clock')).toHaveText(/^\d+s$/);
  for (let step = 1; step < 8; step++) {
    await page.keyboard.press('d');
    await expect(heading(step + 1)).toBeVisible();
  }
  await expect(heading(8)).toContainText('Watch for 15 minutes');
  await expect(page.getByTestId('step-clock')).toHaveText(/^\d+s of 15m 00s$/);
  await page.clock.fastForward('10:00');
  await expect(page.getByTestId('step-clock')).toHaveText(/^10m 0\ds of 15m 00s$/);
  await page.clock.fastForward('05:05');
  await expect(page.getByTestId('step-clock')).toHaveText(/^15m 0\ds of 15m 00s: up$/);
  await lookAt(page, 'run-watch-time-up');
  await page.setViewportSize({ width: 1280, height: 720 });
  // Settled, the step keeps its time alone.
  await page.keyboard.press('d');
  await expect(heading(9)).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(heading(8)).toBeVisible();
  await expect(page.getByTestId('step-clock')).toHaveText(/^15m 0\ds$/);
});

test('with nobody named on this machine, declaring asks a name for the record, once: the timeline and the export name them', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Checkout API returns 502');
  await dialog.getByLabel('Your name, for the record (optional; Settings keeps it)').fill('Ada Quill');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Current incident' })).toContainText('Checkout API returns 502');
  await page.keyboard.press('Control+2');
  await expect(page.locator('.timeline li').first()).toContainText('Ada Quill');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect.poll(readClipboard).toContain('| Responder | Ada Quill |');
  // Settings has it, and the next declaration does not ask again.
  await page.keyboard.press('Control+4');
  await expect(page.getByLabel('Your name, as incident exports show it (optional)')).toHaveValue('Ada Quill');
  await page.keyboard.press('i');
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await expect(dialog.getByLabel(/^Your name/)).toHaveCount(0);
  await page.keyboard.press('Escape');
});

test('declaring while another incident is open says so, and can keep the open one current', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
  await expect(dialog.getByTestId('declare-another')).toContainText('“Checkout API returns 502” (P1) is still open');
  await page.keyboard.type('Search is slow');
  await dialog.getByRole('checkbox', { name: /Keep “Checkout API returns 502” as the current incident/ }).check();
  await dialog.getByLabel('Title').press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search is slow');
  await expect(bar(page)).toContainText('Checkout API returns 502');
  // Open but not current, the second is named too.
  await page.keyboard.press('i');
  await expect(dialog.getByTestId('declare-another')).toContainText('“Checkout API returns 502” (P1) is still open');
  await expect(dialog.getByTestId('declare-open-elsewhere')).toHaveText(/^Already open:“Search is slow” \(P1\)To work in one of them instead: Esc, then Ctrl 3 lists them\.$/);
  await page.keyboard.press('Escape');
});

/** Prose with every single-letter shortcut in it (I, L, R, the run screen's letters) and `/`, `[`, `]`. */
const PROSE = 'I think the disk is full; restart Redis [node 2] and run the checks / then label it, please.';
const TEXT_FIELDS = 'input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=file]):not([type=number]):visible, textarea:visible';

test('? shows every key over any screen, the run’s too; Esc puts the focus back, and a ? typed in a field stays text', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  await openRunbook(page, 'application crash', 'Application crash or high error rate');
  const before = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(keys).toBeFocused();
  // Read from the keys the handlers use: every run key is listed.
  for (const [key, what] of [['D', 'Step done'], ['C', 'Copy the next command of the step'], ['R', 'Run it'], ['I', 'Declare an incident'], ['Ctrl 6', 'Messages'], ['Alt 3', 'Milestone mitigated']]) {
    await expect(keys.locator('dl > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) }).first()).toContainText(what);
  }
  await lookAt(page, 'keyboard-shortcuts');
  await page.keyboard.press('Escape');
  await expect(keys).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))).toBe(before);
  // From the sidebar and the palette too; in a text field, ? is a character.
  await page.getByRole('button', { name: 'Keyboard shortcuts ?' }).click();
  await expect(keys).toBeVisible();
  await page.keyboard.press('?');
  await expect(keys).toHaveCount(0);
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially('why is it down?');
  await expect(page.getByRole('combobox', { name: 'Search runbooks' })).toHaveValue('why is it down?');
  await expect(keys).toHaveCount(0);
});

test('typing prose into any field of any screen never triggers a shortcut', async ({ launch, profile }) => {
  test.slow();
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await openRunbook(page, 'disk full', 'Disk full on a host');
  await page.keyboard.press('r');
  await startWithOfferedValues(page, 'Disk full on a host');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
  const runHash = await page.evaluate(() => window.location.hash);

  const screens: [string, () => Promise<void>][] = [
    ['library', () => page.keyboard.press('Control+1')],
    ['current incident', () => page.keyboard.press('Control+2')],
    ['incidents', () => page.keyboard.press('Control+3')],
    ['settings', () => page.keyboard.press('Control+4')],
    ['on-call', () => page.keyboard.press('Control+5')],
    ['messages', () => page.keyboard.press('Control+6')],
    ['notes', () => page.keyboard.press('Control+7')],
    ['library health', () => page.keyboard.press('Control+8')],
    ['runbook page', () => openRunbook(page, 'disk full', 'Disk full on a host')],
    ['run, note', async () => {
      await page.evaluate((hash) => (window.location.hash = hash), runHash);
      await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of/ })).toBeVisible();
      await page.keyboard.press('n');
    }],
    ['run, skip reason', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('s');
    }],
  ];
  let fieldsTried = 0;
  for (const [name, open] of screens) {
    await open();
    await page.waitForTimeout(100);
    const fields = page.locator(TEXT_FIELDS);
    const count = await fields.count();
    for (let index = 0; index < count; index++) {
      const field = fields.nth(index);
      if (!(await field.isEditable())) continue;
      const hash = await page.evaluate(() => window.location.hash);
      const events = (await storedEvents(page)).length;
      const dialogs = await page.getByRole('dialog').count();
      await field.focus();
      await page.keyboard.type(PROSE);
      fieldsTried++;
      expect(await page.getByRole('dialog').count(), `${name}, field ${index + 1}: a dialog opened`).toBe(dialogs);
      expect(await page.evaluate(() => window.location.hash), `${name}, field ${index + 1}: the page changed`).toBe(hash);
      expect((await storedEvents(page)).length, `${name}, field ${index + 1}: something was recorded`).toBe(events);
      await expect(field, `${name}, field ${index + 1}: the text went elsewhere`).toHaveValue(new RegExp(`${PROSE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`));
      await field.fill('');
    }
  }
  expect(fieldsTried).toBeGreaterThan(10);
});

test('a stray letter on the Status field changes nothing: R meant for “run” does not resolve the incident', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  const before = (await storedEvents(page)).length;
  await page.getByLabel('Status').focus();
  await page.keyboard.press('r');
  await page.keyboard.press('i');
  await expect(page.getByLabel('Status')).toHaveValue('investigating');
  await expect(bar(page)).toContainText('investigating');
  expect((await storedEvents(page)).length).toBe(before);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // It says where the letters went, and Esc hands the keys back: N then writes a note (a walk typed one into nothing).
  await expect(page.getByRole('status').filter({ hasText: 'Letters do nothing in this field' })).toHaveText('Letters do nothing in this field: Esc leaves it, and the page’s keys act again');
  await lookAt(page, 'status-letters-ignored');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Status')).not.toBeFocused();
  await expect(page.getByText('Letters do nothing in this field')).toHaveCount(0);
  await page.keyboard.press('n');
  await page.keyboard.type('Vendor says their CDN is fine');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await storedEvents(page)).some((event) => event.type === 'incident-note' && event.text === 'Vendor says their CDN is fine')).toBe(true);
});

test('arrows on the Status field step to a status recorded once, by Enter; Esc or leaving the field puts the recorded one back', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Login API errors');
  const status = page.getByLabel('Status');
  const statusChanges = async () => (await storedEvents(page)).flatMap((event) => (event.type === 'incident-changed' && 'value' in event ? [String(event.value)] : []));
  await status.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(status).toHaveValue('monitoring');
  // Stepped through, nothing is recorded yet: "identified" on the way is not in the record.
  expect(await statusChanges()).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(bar(page)).toContainText('monitoring');
  await expect.poll(statusChanges).toEqual(['monitoring']);
  await expect(status).toHaveValue('monitoring');
  await expect(status).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(status).toHaveValue('identified');
  await page.keyboard.press('Escape');
  await expect(status).toHaveValue('monitoring');
  // Stepped to and left: put back, not recorded (an arrow and a Tab wrote a severity nobody chose).
  await page.keyboard.press('ArrowUp');
  await expect(status).toHaveClass(/not-recorded/);
  await expect(status).toHaveAttribute('title', 'Not recorded yet: Enter records identified, Esc puts back monitoring.');
  // Said on screen too, under the field: a walk read "identified" there and "monitoring" in the bar.
  await expect(page.locator('.not-recorded-hint')).toHaveText('Not recorded: Enter records identified, Esc puts back monitoring');
  await expect(page.locator('.not-recorded-hint')).toBeInViewport();
  await lookAt(page, 'status-not-recorded');
  await page.keyboard.press('Tab');
  await expect(status).toHaveValue('monitoring');
  await expect(status).not.toHaveClass(/not-recorded/);
  await expect(bar(page)).toContainText('monitoring');
  expect(await statusChanges()).toEqual(['monitoring']);
  await expect(page.getByText(/Not recorded/)).toHaveCount(0);
});

test('Enter on the run screen never starts a second step past the one in progress', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await startPatroniRun(page, 'Primary database restarting');
  // Enter on the step in progress: nothing moves.
  await page.keyboard.press('Enter');
  await page.keyboard.press('d');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 4/ })).toBeVisible();
  await expect.poll(() => stepOutcomes(page)).toEqual(['done', 'in progress', 'to do', 'to do']);
  // Looking back at a settled step, Enter returns to the step in progress.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 4/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 2 of 4/ })).toBeVisible();
  expect(await stepOutcomes(page)).toEqual(['done', 'in progress', 'to do', 'to do']);
});

test('after “no answer”, the roster highlights the next person to call and Enter copies their number', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await page.keyboard.press('Control+5');
  const chain = page.getByRole('region', { name: /^Escalation for/ });
  await chain.locator('li.chain-now').getByRole('button', { name: 'No answer' }).click();
  await expect(page.locator('#roster tbody tr.selected')).toContainText('Bram Okafor');
  await expect(chain.locator(':scope > ol > li').first().locator('.chain-when')).toHaveText('tried');
  await page.getByLabel('Filter people').focus();
  await page.keyboard.press('Enter');
  await expect.poll(readClipboard).toBe('+1 555 0101');
});

test('what one incident’s page said (an export copied) is not shown on another’s', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByText(/Copied the export/)).toBeVisible();
  await page.keyboard.press('Control+1');
  await declareIncident(page, 'Search is slow');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search is slow');
  await expect(page.getByText(/Copied the export/)).toHaveCount(0);
});

test('the service named in the first message is already filled in the next one', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout API returns 502');
  await page.keyboard.press('Control+6');
  const initial = page.getByRole('form', { name: 'Fill “Initial incident notice”' });
  await initial.getByLabel('Affected service').fill('Checkout');
  await initial.getByLabel('Who is affected and how').fill('1 in 3 payments fail');
  await page.getByRole('button', { name: /^Copy as text/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'recorded in the incident' })).toBeVisible();
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+6');
  const update = page.getByRole('form', { name: 'Fill “Incident update”' });
  await expect(update.getByLabel('Affected service')).toHaveValue('Checkout');
  // What the update reports is its own: last message's words are not carried into a multi-line field.
  await expect(update.getByLabel('What we know and what we did')).toHaveValue('');
});

test('notes typed one after another on the incident page are each a note of their own, even while the record is slow to write', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Login API errors');
  await page.keyboard.press('Control+2');
  await page.keyboard.press('n');
  // A busy disk: the first note is still being written when the second is typed.
  const heldUp = await holdIncidentWrites(page, 800);
  await page.keyboard.type('Paged at 02:41');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Postgres says too many clients');
  await page.keyboard.press('Enter');
  await heldUp();
  await expect(page.locator('.incident-notes li')).toHaveText([/UTC Paged at 02:41\s+follow-up$/, /UTC Postgres says too many clients\s+follow-up$/]);
  await expect(page.getByLabel('New note')).toHaveValue('');
  await expect(page.getByLabel('New note')).toBeFocused();
});
