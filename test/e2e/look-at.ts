import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from './fixtures';
import { E2E_BUILD } from './host';

const SCREENSHOTS = path.join(E2E_BUILD, 'screenshots');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 900, height: 700 },
];

interface LookOptions {
  /** Through axe-core too, in each theme (nothing serious or critical). */
  axe?: boolean;
  /** A check of the layout at each size and theme; `where` names them for its messages. */
  atEachSize?: (where: string, size: { width: number; height: number }) => Promise<void>;
}

/** The page at both sizes, light and dark: saved to look at, checked, and through axe-core unless told otherwise. */
export async function lookAt(page: Page, name: string, { axe = true, atEachSize }: LookOptions = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}x${size.height}-${colorScheme}.png`) });
      await atEachSize?.(`${name} at ${size.width}x${size.height} in ${colorScheme}`, size);
    }
    if (!axe) continue;
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`);
    expect(serious, `${name} in ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 720 });
}
