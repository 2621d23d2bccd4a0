// Offline copy figures for `npm run bench`: its size, the time until it is searchable (the app's
// engine loaded from the index it carries) and until a typed query lists its results, for the
// bundled library and a synthetic library of 1,000 runbooks (targets: under 2 MB and 1 s; under
// 15 MB and 3 s).
import { cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startPreviewServer } from '../../electron/preview-server';
import { buildSearchIndex } from '../../shared/search/search-engine';
import { chromiumPath, E2E_BUILD, launchChromium, RENDERER, savedFilesFolder } from '../e2e/host';
import { syntheticLibrary } from './synthetic-library';

interface OfflineFigures {
  name: string;
  bytes: number;
  buildMs: number;
  searchableMs: number;
  firstResultsMs: number;
}

/** A responder's query with a typo, as the README's example. */
const QUERY = 'postgers failover';

async function measure(name: string, renderer: string, target: { mb: number; ms: number }): Promise<OfflineFigures> {
  const profile = await mkdtemp(path.join(tmpdir(), 'failsafe-bench-offline-'));
  const server = await startPreviewServer(renderer);
  try {
    const app = await launchChromium(profile, renderer, { server });
    await app.page.getByRole('navigation', { name: 'Places' }).waitFor({ timeout: 120_000 });
    await app.page.evaluate(() => (window.location.hash = '#/health'));
    const started = performance.now();
    await app.page.getByRole('button', { name: 'Save an offline copy (HTML)' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Saved to' }).waitFor({ timeout: 300_000 });
    const buildMs = performance.now() - started;
    await app.close();
    const folder = savedFilesFolder(profile);
    const file = path.join(folder, (await readdir(folder)).find((entry) => entry.endsWith('.html'))!);
    const bytes = (await stat(file)).size;
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const context = await browser.newContext({ offline: true });
    await context.route((url) => !url.href.startsWith('file://'), (route) => route.abort());
    const page = await context.newPage();
    const opened = performance.now();
    await page.goto(`file://${file}`, { waitUntil: 'commit' });
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
    const searchableMs = performance.now() - opened;
    // Timed in the page: a locator's wait over a file this large measures Playwright, not the copy.
    const firstResultsMs = await page.evaluate((query) => {
      const input = document.getElementById('q') as HTMLInputElement;
      const started = performance.now();
      input.value = query;
      input.dispatchEvent(new Event('input'));
      if (!document.querySelector('#results a')) throw new Error(`the copy lists nothing for “${query}”`);
      void document.body.offsetHeight;
      return performance.now() - started;
    }, QUERY);
    await browser.close();
    console.log(
      `  ${name}: ${(bytes / 1024 / 1024).toFixed(2)} MB (target under ${target.mb}), searchable ${searchableMs.toFixed(0)} ms after opening (target ${target.ms}), “${QUERY}” listed in ${firstResultsMs.toFixed(0)} ms; built and saved in ${buildMs.toFixed(0)} ms`,
    );
    return { name, bytes, buildMs, searchableMs, firstResultsMs };
  } finally {
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

export async function runOfflineCopyBench(): Promise<void> {
  console.log('\nOffline copy (one HTML file, every request blocked when opened)');
  await measure('bundled library', RENDERER, { mb: 2, ms: 1000 });
  const snapshot = syntheticLibrary(1000);
  const renderer = path.join(E2E_BUILD, 'bench-offline-1000');
  await rm(renderer, { recursive: true, force: true });
  await cp(RENDERER, renderer, { recursive: true });
  await writeFile(path.join(renderer, 'library.json'), JSON.stringify(snapshot));
  await writeFile(path.join(renderer, 'library-meta.json'), JSON.stringify({ version: snapshot.version, source: snapshot.source }));
  await writeFile(path.join(renderer, 'search-index.json'), JSON.stringify(buildSearchIndex(snapshot.version, snapshot.runbooks)));
  await measure('1,000 runbooks', renderer, { mb: 15, ms: 3000 });
}
