import type { Page } from '@playwright/test';

/** Settings → Repository URL → Save → Sync now, by the controls a responder uses; the caller waits for the outcome it expects. */
export async function syncFromSettings(page: Page, url: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Repository URL').fill(url);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
}
