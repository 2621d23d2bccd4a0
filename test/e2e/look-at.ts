import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from './fixtures';
import { E2E_BUILD } from './host';

const SCREENSHOTS = path.join(E2E_BUILD, 'screenshots');

/** The page at both sizes, light and dark: saved to look at, and through axe-core (nothing serious or critical). */
export async function lookAt(page: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of [{ width: 1280, height: 720 }, { width: 900, height: 700 }]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}x${size.height}-${colorScheme}.png`) });
    }
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`);
    expect(serious, `${name} in ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 720 });
}
