import { test as base } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp, type ChromiumOptions, type RunningApp } from './host';

interface Fixtures {
  /** A fresh, empty profile folder, removed after the test. */
  profile: string;
  /** Launches the app on a profile; every launched app is closed after the test. */
  launch: (profile: string, rendererRoot?: string, options?: ChromiumOptions) => Promise<RunningApp>;
}

export const test = base.extend<Fixtures>({
  profile: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'failsafe-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  // Depends on `profile` so that it is torn down first: a browser still running would write into the
  // profile folder after it was removed and leave it behind.
  launch: async ({ profile }, use) => {
    void profile;
    const running: RunningApp[] = [];
    await use(async (profile, rendererRoot, options) => {
      const app = await launchApp(profile, rendererRoot, options);
      running.push(app);
      return app;
    });
    for (const app of running) await app.close().catch(() => undefined);
  },
});

export { expect } from '@playwright/test';

/** What the app recorded of its last import, read straight from IndexedDB. */
export async function storedImport(page: import('@playwright/test').Page) {
  return page.evaluate(
    () =>
      new Promise<{ version: string; importCount: number; importedAt: string } | undefined>((resolve, reject) => {
        const request = indexedDB.open('failsafe');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction('meta').objectStore('meta').get('library');
          read.onsuccess = () => {
            resolve(read.result?.value);
            request.result.close();
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}
