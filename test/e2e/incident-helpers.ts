import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// Steps every incident spec takes, by keyboard, as a responder would.

/** I, a title typed, Enter: the incident bar shows it. */
export async function declareIncident(page: Page, title: string) {
  await expect(page.getByRole('navigation', { name: 'Places' })).toBeVisible();
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Current incident' })).toContainText(title);
}

/**
 * The start dialog of a run of `title`, read and in focus, then Enter: the run starts with the
 * values it offers. Pressed on whatever dialog was first visible, an Enter started no run in 3 of
 * about 25 local runs under load (not understood yet).
 */
export async function startWithOfferedValues(page: Page, title: string) {
  const dialog = page.getByRole('dialog', { name: `Run “${title}”` });
  await expect(dialog.locator('input, select').first()).toBeFocused();
  await page.keyboard.press('Enter');
}

/** Ctrl+K, the query, Enter: the runbook opens; then R starts a run of it. */
export async function openRunbook(page: Page, query: string, title: string) {
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search runbooks' }).pressSequentially(query);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/** In a new incident titled `incident`, R on the Planned Patroni switchover (no parameters): its run starts on step 1. */
export async function startPatroniRun(page: Page, incident: string) {
  await declareIncident(page, incident);
  await openRunbook(page, 'patroni switchover', 'Planned Patroni switchover');
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { level: 2, name: /^Step 1 of 4/ })).toBeVisible();
}

export const stepItems = (page: Page) => page.getByRole('navigation', { name: 'Steps' }).getByRole('listitem');

/** Each step's outcome as the step list shows it: `done`, `in progress`, `to do`… */
export async function stepOutcomes(page: Page): Promise<string[]> {
  return stepItems(page).evaluateAll((items) => items.map((item) => item.querySelector('.visually-hidden')?.textContent?.replace(/^, /, '') ?? ''));
}

/** With the finish panel open (E): Space and Tab over every verification check, as a responder finishes a run by keyboard. */
export async function tickEveryCheck(page: Page) {
  const checks = page.getByRole('region', { name: 'Finish the run' }).getByRole('checkbox');
  await expect(checks.first()).toBeFocused();
  const count = await checks.count();
  for (let index = 0; index < count; index++) {
    await page.keyboard.press('Space');
    await expect(checks.nth(index)).toBeChecked();
    await page.keyboard.press('Tab');
  }
}

/** The events IndexedDB holds for every incident, in order: what survives a crash. */
export async function storedEvents(page: Page): Promise<{ incidentId: string; type: string; seq: number; step?: number; text?: string; title?: string; at: number }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('failsafe');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction('incidentEvents').objectStore('incidentEvents').getAll();
          read.onsuccess = () => {
            resolve(read.result);
            request.result.close();
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

/** The words kept as drafts (a note or reason being typed), as stored. */
export async function storedDrafts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('failsafe');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction('drafts').objectStore('drafts').getAll();
          read.onsuccess = () => {
            resolve(read.result.map((draft: { text: string }) => draft.text));
            request.result.close();
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

/**
 * Keeps the incident record's table busy for `ms` from now, as a slow disk would: the app's next
 * write waits behind this transaction, which stays alive by asking the database again until the
 * time is up. Resolves once the table is held; the function it gives waits for the release.
 */
export async function holdIncidentWrites(page: Page, ms: number): Promise<() => Promise<void>> {
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('failsafe');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const until = performance.now() + ms;
          const transaction = request.result.transaction('incidentEvents', 'readwrite');
          const store = transaction.objectStore('incidentEvents');
          const again = () => {
            if (performance.now() < until) store.count().onsuccess = again;
          };
          (window as unknown as { __released?: Promise<void> }).__released = new Promise((released) => {
            transaction.oncomplete = () => {
              request.result.close();
              released();
            };
          });
          store.count().onsuccess = () => {
            resolve();
            again();
          };
        };
      }),
    ms,
  );
  return () => page.evaluate(() => (window as unknown as { __released?: Promise<void> }).__released);
}

/** The export with what differs from run to run (clock readings, durations, the library's content version) put in brackets. */
export function withoutClockReadings(markdown: string): string {
  return markdown
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/g, '[UTC time]')
    .replace(/\b\d\d:\d\d UTC\b/g, '[UTC clock]')
    .replace(/\((\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d local\)/g, '([local time])')
    .replace(/\| Time zone \| .* \|/, '| Time zone | [zone] |')
    .replace(/\b(\d+h \d\dm \d\ds|\d+m \d\ds|\d+s)\b/g, '[duration]')
    .replace(/version [0-9a-z]{6,}/g, 'version [library version]');
}
