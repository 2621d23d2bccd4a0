import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FixtureRepo } from '../support/git-fixtures';
import { startGitServer, type GitServer } from '../support/git-http-server';
import { test } from './fixtures';

/** Settings → Repository URL → Save → Sync now, by the controls a responder uses; the caller waits for the outcome it expects. */
export async function syncFromSettings(page: Page, url: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Repository URL').fill(url);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('button', { name: 'Sync now' }).click();
}

/**
 * A repository of `files` served by git http-backend on loopback around each test of the describe
 * block that calls this (made before, removed after). `url()` is its address for that test.
 */
export function serveRepositoryEachTest(name: string, files: () => Promise<Record<string, string>>): { url: () => string } {
  let root: string;
  let repo: FixtureRepo;
  let server: GitServer;
  test.beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), `failsafe-e2e-${name}-`));
    repo = await FixtureRepo.create(root, name, await files());
    server = await startGitServer({ root });
  });
  test.afterEach(async () => {
    await server.kill();
    await repo.remove();
    await rm(root, { recursive: true, force: true });
  });
  return { url: () => server.url(name) };
}
