import { defineConfig } from '@playwright/test';

// Browsers are never downloaded: the specs launch the system Chromium (or real Electron, where its
// binary exists) themselves, through test/e2e/host.ts.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  // Two spec files at a time: each test starts its own app on its own profile, Git server and
  // ports, so files share nothing. On a 2-core machine the suite took 13 minutes in one worker and
  // about 10 in two; the tests within a file still run in order.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
});
