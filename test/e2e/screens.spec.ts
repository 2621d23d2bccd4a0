import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { E2E_BUILD } from './host';
import { prepareScreens, SCREENS } from './screens';

// Every screen at the two sizes we design for, light and dark: the screenshots land in
// build/e2e/screenshots for a person to look at, and each screen is measured for sideways overflow
// (the palette's results too) and for the header and status line being in view.
const SCREENSHOTS = path.join(E2E_BUILD, 'screenshots');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 900, height: 700 },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen holds up at 1280x720 and 900x700 in ${colorScheme}`, async ({ launch, profile }) => {
    // Some thirty screens, twice over: more than the default minute on a shared 2-core machine.
    test.setTimeout(150_000);
    await mkdir(SCREENSHOTS, { recursive: true });
    const { page } = await launch(profile);
    await page.emulateMedia({ colorScheme });
    await prepareScreens(page);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const screen of SCREENS) {
        await page.keyboard.press('Escape');
        await screen.open(page);
        await expect(page.locator('.loading')).toHaveCount(0);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${screen.name}-${size.width}x${size.height}-${colorScheme}.png`) });
        const layout = await page.evaluate(() => {
          const main = document.querySelector('.app-main') as HTMLElement;
          const status = document.querySelector('.status-line') as HTMLElement;
          const header = document.querySelector('.app-header') as HTMLElement;
          const results = document.getElementById('palette-results');
          main.scrollTop = main.scrollHeight;
          return {
            resultsOverflow: results ? results.scrollWidth - results.clientWidth : 0,
            pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
            mainOverflow: main.scrollWidth - main.clientWidth,
            statusBottom: Math.round(status.getBoundingClientRect().bottom),
            headerTop: Math.round(header.getBoundingClientRect().top),
          };
        });
        const where = `${screen.name} at ${size.width}x${size.height}`;
        expect(layout.pageOverflow, `${where}: the window scrolls sideways`).toBeLessThanOrEqual(0);
        expect(layout.mainOverflow, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0);
        expect(layout.resultsOverflow, `${where}: the palette's results run off its right edge`).toBeLessThanOrEqual(0);
        expect(layout.statusBottom, `${where}: the status line is out of view`).toBe(size.height);
        expect(layout.headerTop, `${where}: the header is out of view`).toBe(0);
      }
    }
  });
}

test('a long command wraps inside its block and never runs under its Copy button', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.setViewportSize({ width: 900, height: 700 });
  await page.evaluate(() => (window.location.hash = '#/runbook/troubleshooting/high-memory-usage'));
  const block = page.locator('.code-block', { hasText: 'jsonpath' });
  const pre = await block.locator('pre').boundingBox();
  const button = await block.getByRole('button', { name: 'Copy' }).boundingBox();
  expect(pre && button).toBeTruthy();
  if (!pre || !button) return;
  expect(pre.x + pre.width).toBeLessThanOrEqual(button.x);
  expect(await block.locator('pre').evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
});

test('at 1280x720 the first step’s first command is in view without scrolling', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const id of ['incident-response/database-outage', 'troubleshooting/disk-full', 'maintenance/patroni-switchover']) {
    await page.evaluate((hash) => (window.location.hash = hash), `#/runbook/${id}`);
    const steps = page.getByRole('heading', { name: 'Steps', exact: true });
    await expect(steps).toBeVisible();
    const firstCommand = page.locator('.markdown .code-block').first();
    await expect(firstCommand, id).toBeInViewport({ ratio: 1 });
  }
});

test('the outline beside a runbook jumps to a step by click, and ] and [ move between sections', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => (window.location.hash = '#/runbook/incident-response/database-outage'));
  const outline = page.getByRole('navigation', { name: 'Outline' });
  await outline.getByRole('link', { name: 'Step 7: Decide on the old primary' }).click();
  await expect(page.getByRole('heading', { name: 'Step 7: Decide on the old primary' })).toBeInViewport();
  await page.keyboard.press(']');
  const step8 = page.getByRole('heading', { name: 'Step 8: Tell people' });
  await expect(step8).toBeFocused();
  await page.keyboard.press('[');
  await expect(page.getByRole('heading', { name: 'Step 7: Decide on the old primary' })).toBeFocused();
  await page.evaluate(() => (window.location.hash = '#/runbook/troubleshooting/disk-full'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Disk full on a host');
  expect(await page.locator('.app-main').evaluate((main) => main.scrollTop)).toBe(0);
});

test('at 900x700 the On-call roster keeps every word whole', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await page.setViewportSize({ width: 900, height: 700 });
  await expect(page.getByRole('region', { name: 'Runbook library' })).toBeVisible();
  await page.keyboard.press('Control+5');
  await expect(page.locator('table.roster')).toBeVisible();
  // A word set on two lines has two boxes: every word of the table's text is measured (a break after
  // a hyphen, as in on-call, is how words are set; an address may break at its @).
  const broken = await page.evaluate(`(() => {
    const broken = [];
    const walker = document.createTreeWalker(document.querySelector('.roster'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1 && !match[0].includes('@')) broken.push(match[0]);
      }
    }
    return broken;
  })()`);
  expect(broken).toEqual([]);
  await expect(page.getByRole('row', { name: /Ada Quill/ })).toContainText('Primary on-call (platform)');
});
