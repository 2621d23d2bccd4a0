import { expect, test } from './fixtures';
import { lookAt } from './look-at';
import { declareIncident } from './incident-helpers';

test('the on-call roster by keyboard: filter, copy a phone number, and see how fresh the roster is', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await page.keyboard.press('Control+5');
  const filter = page.getByLabel('Filter people');
  await expect(filter).toBeFocused();
  await expect(page.getByTestId('roster-age')).toContainText(/^Roster bundled with the app \(built \d+ \w{3} \d{4}\), not synced from the team’s repository: check before you trust it/);
  await page.keyboard.type('database');
  await expect(page.locator('#roster tbody tr')).toHaveCount(1);
  await expect(page.locator('#roster tbody tr')).toContainText('Chen Ilves');
  // The roster's tier, not a chain's order: at P0 the chain puts the engineering lead (tier 4) third.
  await expect(page.locator('#roster').getByRole('columnheader').last()).toHaveText('Tier');
  await page.keyboard.press('Enter');
  await expect.poll(readClipboard).toBe('+1 555 0102');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(readClipboard).toBe('chen.ilves@example.invalid');
  await filter.fill('');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(readClipboard).toBe('+1 555 0101');
  await expect(page.locator('#roster a[href^="tel:"]').first()).toHaveAttribute('href', 'tel:+15550100');
  await expect(page.locator('#roster a[href^="mailto:"]').first()).toHaveAttribute('href', 'mailto:ada.quill@example.invalid');
  // Esc clears the filter, then leaves it: L is the severity levels again, not an "l" in the box.
  await filter.fill('ad');
  await filter.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(filter).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(filter).not.toBeFocused();
  await page.keyboard.press('l');
  await expect(page.getByRole('dialog', { name: 'Severity levels' })).toBeVisible();
  await expect(filter).toHaveValue('');
});

test('the initial template, filled in and copied, is exactly the expected text', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await page.keyboard.press('Control+6');
  await page.getByRole('link', { name: /^Initial incident notice/ }).click();
  const form = page.getByRole('form', { name: 'Fill “Initial incident notice”' });
  await form.getByLabel('Affected service').fill('Checkout “v2” 💳');
  await form.getByLabel('Who is affected and how').fill('1 in 3 payments fail\n決済が失敗します');
  await form.getByLabel('Started at').fill('02:14 UTC');
  await expect(page.getByTestId('message-preview')).toContainText('[P1] Investigating: Checkout “v2” 💳');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect.poll(readClipboard).toBe(
    '**[P1] Investigating: Checkout “v2” 💳**\n\nWe are investigating a problem with Checkout “v2” 💳. Impact: 1 in 3 payments fail\n決済が失敗します.\nIt started at 02:14 UTC. Our engineers are working on it.\n\nNext update in 30 minutes.',
  );
  await page.getByRole('button', { name: /^Copy as text/ }).click();
  await expect.poll(readClipboard).toBe(
    '[P1] Investigating: Checkout “v2” 💳\n\nWe are investigating a problem with Checkout “v2” 💳. Impact: 1 in 3 payments fail\n決済が失敗します.\nIt started at 02:14 UTC. Our engineers are working on it.\n\nNext update in 30 minutes.',
  );

  // An empty field is never copied silently.
  await form.getByLabel('Started at').fill('');
  const before = await readClipboard();
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Copy with empty fields?' });
  await expect(confirm).toContainText('1 field is empty: Started at');
  expect(await readClipboard()).toBe(before);
  // Going back (Esc) puts the cursor in the empty field: what is typed next is the message, not a key of the page.
  await expect(confirm.getByRole('button', { name: 'Copy with gaps' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(form.getByLabel('Started at')).toBeFocused();
  await page.keyboard.type('in');
  await expect(form.getByLabel('Started at')).toHaveValue('in');
  await expect(page.getByRole('dialog', { name: 'Declare an incident' })).toBeHidden();
  await form.getByLabel('Started at').fill('');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await confirm.getByRole('button', { name: 'Copy with gaps' }).click();
  await expect.poll(readClipboard).toContain('It started at [Started at].');
  expect(await readClipboard()).not.toContain('{{');
});

test('with an incident current the form is filled from it, and the message copied is in the exported timeline', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await declareIncident(page, 'Login failing');
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search runbooks' }).fill('>message internal');
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Fill “Internal incident update”' });
  await expect(form.getByLabel('Incident')).toHaveValue('Login failing');
  await expect(form.getByLabel('Severity')).toHaveValue('P1');
  await expect(form.getByLabel('Status')).toHaveValue('Investigating');
  await expect(form.getByLabel('Started')).toHaveValue(/^\d\d:\d\d UTC$/);
  await expect(form.getByLabel('Updates so far')).toHaveValue(/^- \d\d:\d\d UTC Investigating$/);
  await form.getByLabel('Service').fill('auth');
  await form.getByLabel('Impact').fill('nobody can sign in');
  await form.getByLabel('Expected fix').fill('unknown');
  // No runbook has run: the incident cannot fill that one.
  await expect(form.getByLabel('Runbooks in use')).toHaveValue('');
  await form.getByLabel('Runbooks in use').fill('none yet');
  // At 900x700 the preview and the copy's outcome sit under the form; Ctrl+Enter in a field still shows what happened.
  await page.setViewportSize({ width: 900, height: 700 });
  await form.getByLabel('Service').press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'recorded in the incident’s timeline' })).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied as Markdown, and recorded in the incident’s timeline' })).toBeVisible();
  const message = await readClipboard();
  expect(message).toContain('🚨 **Login failing** (P1, Investigating)');

  await page.keyboard.press('Control+2');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect.poll(readClipboard).toContain('## Messages copied to send');
  const exported = await readClipboard();
  expect(exported).toContain(`\`\`\`\n${message}\n\`\`\``);
  // The timeline line is escaped, so the message's first line shows as sent, its stars included.
  expect(exported).toMatch(/- \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: Message copied to send \(Internal incident update, Markdown\): 🚨 \\\*\\\*Login failing\\\*\\\* \(P1, Investigating\)/);
});

test('the update countdown follows the severity’s cadence and turns overdue; a snooze needs a reason', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  // A clock the test moves: Date, timers and performance.now in the page.
  await page.clock.install({ time: new Date('2026-11-23T02:00:00Z') });
  await page.reload();
  await declareIncident(page, 'Payments slow');
  const countdown = page.getByTestId('update-countdown');
  // P1 updates every hour.
  await expect(countdown).toContainText(/Next update in (59m [45]\ds|1h 00m 00s)/);
  await page.keyboard.press('l');
  await page.keyboard.press('0');
  await page.keyboard.press('Escape');
  // P0 updates every 30 minutes, from the last message sent (none yet: from the declaration).
  await expect(countdown).toContainText(/Next update in (29m [45]\ds|30m 00s)/);
  await page.clock.fastForward('20:00');
  await expect(countdown).toContainText(/Next update in (9m [45]\ds|10m 00s)/);
  await page.clock.fastForward('11:00');
  await expect(countdown).toContainText(/Update overdue by ([45]\ds|1m \d\ds)/);
  await expect(countdown).toHaveClass(/overdue/);
  await countdown.getByRole('button', { name: 'Snooze' }).click();
  await expect(countdown.getByRole('button', { name: 'Snooze' })).toBeDisabled();
  await page.getByLabel('Why put off the update').fill('waiting for the vendor’s answer');
  await page.keyboard.press('Enter');
  await expect(countdown).toContainText(/Next update in (14m [45]\ds|15m 00s)/);
  await expect(countdown).not.toHaveClass(/overdue/);
  await page.keyboard.press('Control+2');
  await expect(page.locator('.timeline')).toContainText('Next update put off by 15 minutes: waiting for the vendor’s answer');
  // An update that tells people "next update in 10 minutes" is what the countdown follows then, not the 30-minute cadence.
  await page.keyboard.press('Control+6');
  await page.getByRole('link', { name: /^Incident update/ }).click();
  const form = page.getByRole('form', { name: 'Fill “Incident update”' });
  await form.getByLabel('Affected service').fill('Payments');
  await form.getByLabel('What we know and what we did').fill('The vendor confirmed a fault on their side.');
  await form.getByLabel('Next update in').fill('10 minutes');
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(countdown).toContainText(/Next update in (9m [45]\ds|10m 00s)/);
  await expect(countdown).toHaveAttribute('title', 'When the last message sent said the next update would come');
});

test('in the severity levels, a digit picks the level of that number: 1 is P1, 0 is P0, as the keys shown say', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Checkout errors');
  const level = page.getByRole('region', { name: 'Current incident' }).locator('.incident-severity');
  await expect(level).toHaveText('P1');
  await page.keyboard.press('l');
  const panel = page.getByRole('dialog', { name: 'Severity levels' });
  const row = (id: string) => panel.getByRole('row').filter({ has: page.getByRole('cell').getByText(id, { exact: true }) });
  await expect(row('P0').locator('kbd')).toHaveText('0');
  await expect(row('P2').locator('kbd')).toHaveText('2');
  await expect(panel.locator('.keys-help')).toContainText('0–3 set the incident’s level');
  await page.keyboard.press('2');
  await expect(level).toHaveText('P2');
  await page.keyboard.press('1');
  await expect(level).toHaveText('P1');
  await expect(row('P1')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('0');
  await expect(level).toHaveText('P0');
});

test('the escalation chain: who is first, who next and when; a call is recorded; the palette calls the next person', async ({ launch, profile }) => {
  const { page, readClipboard } = await launch(profile);
  await declareIncident(page, 'Site down');
  await page.keyboard.press('Control+5');
  const chain = page.getByRole('region', { name: /^Escalation for P1/ });
  await expect(chain.locator('li.chain-now')).toContainText('Primary on-call');
  await expect(chain.locator('li.chain-next')).toContainText(/in 1\dm \d\ds/);
  await chain.locator('li.chain-now').getByRole('button', { name: 'No answer' }).click();
  // Nobody waits for the timer: the next step is now, and the call stays written on the first.
  await expect(chain.locator('li.chain-now')).toContainText('Bram Okafor');
  await expect(chain.locator(':scope > ol > li').first()).toContainText('no answer');
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search runbooks' }).fill('>call next');
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('Call the next person in the chain: Bram Okafor, +1 555 0101');
  await page.keyboard.press('Enter');
  // Their number is copied and said, and the focus is on how the call went: Enter records it.
  await expect(page.locator('#roster tr.selected')).toContainText('Bram Okafor');
  await expect.poll(readClipboard).toBe('+1 555 0101');
  await expect(page.getByRole('status').filter({ hasText: 'Copied Bram Okafor’s phone: +1 555 0101' })).toBeVisible();
  await expect(chain.locator('li.chain-next-person').getByRole('button', { name: 'Reached' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(chain.locator('li.chain-next-person')).toHaveCount(0);
  // The roster's line under the filter says the call is recorded, not "record how the call went".
  await expect(page.getByText('Bram Okafor is in the escalation chain above: reached, recorded there.')).toBeVisible();
  await page.keyboard.press('Control+2');
  await expect(page.locator('.timeline')).toContainText('Tried, no answer: Ada Quill');
  await expect(page.locator('.timeline')).toContainText('Reached Bram Okafor');
});

test('a short window opens On-call at its top, the filter focused: the title and the roster warning are not scrolled under the incident bar', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  // 900x700 did the same with a synced repository's "roster kept" line above the chain.
  await page.setViewportSize({ width: 900, height: 600 });
  await declareIncident(page, 'Checkout latency up, Redis memory at 98%, users logged out');
  await page.keyboard.press('Control+5');
  await expect(page.getByLabel('Filter people')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'On-call' })).toBeInViewport({ ratio: 1 });
  expect(await page.locator('main.app-main').evaluate((main) => main.scrollTop)).toBe(0);
  // The arrows still bring the row they choose into view.
  for (let presses = 0; presses < 5; presses++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('#roster tr.selected')).toBeInViewport();
});

test('a call to someone outside the escalation chain is recorded too: filter, Enter copies, Tab to how it went', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await declareIncident(page, 'Site down');
  await page.keyboard.press('Control+5');
  const chain = page.getByRole('region', { name: /^Escalation for P1/ });
  await expect(chain).toBeVisible();
  // The database lead is not in P1's chain here: the roster is where a responder finds them.
  const outsider = 'Chen Ilves';
  await expect(chain).not.toContainText(outsider);
  // The roster stays where it is read while the lines above it come: chosen, copied, how it went.
  const rosterTop = async () => (await page.locator('#roster').boundingBox())?.y;
  const before = await rosterTop();
  await page.keyboard.type('database lead');
  await expect(page.locator('#roster tr.selected')).toContainText(outsider);
  await page.keyboard.press('Enter');
  const outcome = page.getByRole('group', { name: `How the call to ${outsider} went` });
  await expect(outcome).toBeVisible();
  await expect(page.getByText(`Copied ${outsider}’s phone`)).toBeVisible();
  expect(await rosterTop(), 'the roster moved down as the lines above it came').toBe(before);
  await page.keyboard.press('Tab');
  await expect(outcome.getByRole('button', { name: 'Reached' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Recorded in the incident: ${outsider}, no answer.` })).toBeVisible();
  await expect(outcome).toContainText('no answer');
  await lookAt(page, 'oncall-call-outcome');
  // It does not move the chain on: the first step is still the one due.
  await expect(chain.locator('li.chain-now')).toContainText('Primary on-call');
  // Someone of the chain has their buttons in the chain, not twice.
  await page.getByLabel('Filter people').fill('Ada Quill');
  await expect(page.locator('#roster tr.selected')).toContainText('Ada Quill');
  await expect(page.getByRole('group', { name: /^How the call to/ })).toHaveCount(0);
  await expect(page.locator('.call-outcome')).toHaveText('Ada Quill is in the escalation chain above: record how the call went there');
  // One Tab and Enter to her buttons in the chain.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(chain.locator('li.chain-now').getByRole('button', { name: 'Reached' })).toBeFocused();
  await page.keyboard.press('Control+2');
  await expect(page.locator('.timeline')).toContainText(`Tried, no answer: ${outsider}`);
});

test('runbook text that names a template or the on-call list links to it', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.evaluate(() => (window.location.hash = '#/runbook/incident-response/database-outage'));
  await page.getByRole('link', { name: 'update template' }).click();
  await expect(page.getByRole('form', { name: 'Fill “Incident update”' })).toBeVisible();
  await page.evaluate(() => (window.location.hash = '#/runbook/troubleshooting/disk-full'));
  await page.getByRole('link', { name: 'platform lead' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('On-call');
});
