import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

// The window's services on a fake IndexedDB database of a test's own, for tests of the renderer's
// stores: each call loads the modules afresh, as a relaunch does. Load 'fake-indexeddb/auto' first.

const APP_SERVICES = fileURLToPath(new URL('../../renderer/app/services/app-services.ts', import.meta.url));

/** From now on, modules imported afresh see `appDatabase()` as the database `name`. */
export function relaunchOnDatabase(name: string) {
  vi.resetModules();
  vi.doMock(APP_SERVICES, async () => {
    const { createDatabase } = await import('../../renderer/app/services/database');
    const db = createDatabase(name);
    return { appDatabase: () => db };
  });
}

export function forgetFreshApp() {
  vi.doUnmock(APP_SERVICES);
}
