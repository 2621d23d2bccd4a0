import { defineConfig } from '@playwright/test';

// Browsers are never downloaded: the specs launch the system Chromium (or real Electron, where its
// binary exists) themselves, through test/e2e/host.ts.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
});
