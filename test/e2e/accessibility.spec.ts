import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { prepareScreens, SCREENS } from './screens';

// Every screen, light and dark, through axe-core with all its rules: nothing serious or critical
// (a control without a name, text too faint to read, a block the keyboard cannot reach). A screen
// reader user or a tired eye at 3 a.m. must be able to use every screen. When it fails, the
// message lists each rule that failed, on which screen and which elements.

const BLOCKING = new Set(['serious', 'critical']);

/** What axe finds serious or critical on the page as it stands, one line per rule. */
async function blockingFindings(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => {
      const targets = violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ').trim()})` : ''}`);
      return `${where}: ${violation.id} [${violation.impact}] ${violation.help}, ${violation.nodes.length} element(s): ${targets.join('; ')}`;
    });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no screen has a serious or critical accessibility finding at 1280x720 in ${colorScheme}`, async ({ launch, profile }) => {
    test.setTimeout(240_000);
    const { page } = await launch(profile);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme });
    // A clock the test moves, so the incident bar can be seen both before and after an update is due.
    await page.clock.install({ time: new Date('2026-11-23T02:00:00Z') });
    await page.reload();
    await prepareScreens(page);
    await expect(page.getByTestId('update-countdown')).toContainText('Next update in');
    const findings = await blockingFindings(page, `run (update not yet due), ${colorScheme}`);
    // Past the P1 cadence of an hour: the bar turns loud, and stays so on every screen below.
    await page.clock.fastForward('01:01:00');
    await expect(page.getByTestId('update-countdown')).toContainText('Update overdue');
    for (const screen of SCREENS) {
      await page.keyboard.press('Escape');
      await screen.open(page);
      await expect(page.locator('.loading')).toHaveCount(0);
      findings.push(...(await blockingFindings(page, `${screen.name}, ${colorScheme}`)));
      // axe rates a page without a level-one heading "moderate", below the bar above; the library,
      // where the app opens, must have one: a screen reader user jumps to it first.
      if (screen.name === 'library' && (await page.getByRole('heading', { level: 1, name: 'Runbook library' }).count()) !== 1) {
        findings.push(`${screen.name}, ${colorScheme}: no level-one heading "Runbook library"`);
      }
    }
    expect(findings, `axe-core findings:\n${findings.join('\n')}`).toEqual([]);
  });
}

test('at 900x700 a long command on a runbook page wraps whole: nothing hidden sideways, no scrolling stop for Tab', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.setViewportSize({ width: 900, height: 700 });
  await page.evaluate(() => (window.location.hash = '#/runbook/troubleshooting/high-memory-usage'));
  const block = page.locator('.code-block pre', { hasText: 'jsonpath' });
  await expect(block).toBeVisible();
  // Read to its end where it stands: a command cut at the block's edge gave no sign it went on.
  const shown = await block.evaluate((pre) => {
    const range = document.createRange();
    range.selectNodeContents(pre);
    return { hidden: pre.scrollWidth - pre.clientWidth, lines: new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size };
  });
  expect(shown.hidden, 'part of the command is hidden sideways').toBeLessThanOrEqual(0);
  expect(shown.lines, 'the long command should take more than one line').toBeGreaterThan(1);
  await expect(block).not.toHaveAttribute('tabindex');
  await expect(page.getByRole('group', { name: 'Code, scrolls' })).toHaveCount(0);
});
