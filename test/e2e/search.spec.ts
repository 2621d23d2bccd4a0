import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search runbooks' });
const input = (page: Page) => page.getByRole('combobox', { name: 'Search runbooks' });

async function openPalette(page: Page) {
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  await page.keyboard.press('Control+K');
  await expect(input(page)).toBeFocused();
}

test('a hit found only in a command shows the matching line, with whole words highlighted', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await openPalette(page);
  await input(page).pressSequentially('journalctl');
  const hit = palette(page).getByRole('option', { name: /Disk full on a host/ });
  await expect(hit.locator('.hit-snippet')).toHaveText('sudo journalctl --vacuum-size=500M');
  await expect(hit.locator('.hit-snippet mark')).toHaveText('journalctl');
});

test('admin notes are found in their own group and open from the palette', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await openPalette(page);
  await input(page).pressSequentially('pgbouncer pools');
  const notes = palette(page).getByRole('group', { name: 'Admin notes' });
  const note = notes.getByRole('option', { name: /Database connection pooling with PgBouncer/ });
  await expect(note).toContainText('Best practice');
  await note.click();
  await expect(page.getByRole('heading', { name: 'Database connection pooling with PgBouncer' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Runbooks this note is about' }).getByRole('link', { name: 'PostgreSQL outage and Patroni failover' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('PostgreSQL outage and Patroni failover');
});

test('the palette keeps focus inside while open, Esc closes it and focus returns where it was', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  await expect(page.getByRole('region', { name: 'Incident response' })).toBeVisible();
  const trigger = page.getByRole('button', { name: /Search runbooks/ });
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(input(page)).toBeFocused();
  for (let press = 0; press < 6; press++) {
    await page.keyboard.press(press % 2 ? 'Shift+Tab' : 'Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(trigger).toBeFocused();
});

test('the shortcut label says Ctrl K here', async ({ launch, profile }) => {
  const { page } = await launch(profile);
  const expected = process.platform === 'darwin' ? '⌘K' : 'Ctrl K';
  await expect(page.getByRole('button', { name: /Search runbooks/ }).locator('kbd')).toHaveText(expected);
});
