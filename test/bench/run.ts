// `npm run bench`: import, start-up and search figures on synthetic libraries of 1,000 and 10,000
// runbooks, incident figures, offline copy figures, sync figures, then run figures at scale, in
// Chromium with the real renderer build and real IndexedDB. Prints figures; no pass/fail.
// BENCH_PARTS picks some of them (library,alerts,incidents,offline-copy,sync,run-figures,sharing), e.g.
// `BENCH_PARTS=run-figures npm run bench`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPreviewServer } from '../../electron/preview-server';
import globalSetup from '../e2e/global-setup';
import { launchChromium } from '../e2e/host';
import { sectionOutline } from '../../shared/library/markdown/section-outline';
import { longestTaskDuring, WATCH_LONG_TASKS } from './long-tasks';
import { runAlertBench } from './alert-bench';
import { rendererWithLibrary } from './bench-renderer';
import { runIncidentBench } from './incident-bench';
import { runOfflineCopyBench } from './offline-copy-bench';
import { runRunFiguresBench } from './run-figures-bench';
import { runShareBench } from './share-bench';
import { runSyncBench } from './sync-bench';
import { syntheticLibrary, typoQueries } from './synthetic-library';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').filter(Boolean).map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 250);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'library,alerts,incidents,offline-copy,sync,run-figures,sharing').split(',').map((part) => part.trim()));

interface Figures {
  size: number;
  kilobytesPerRunbook: number;
  /** Headings per runbook on average: every one is indexed (its words in the index, its text searched for the hits shown). */
  sectionsPerRunbook: number;
  importMs: number;
  indexBuildMs: number;
  dbWriteMs: number;
  longestTaskMs: number;
  importTaskMs: number;
  firstReadyMs: number;
  relaunchReadyMs: number;
  median: number;
  p95: number;
  top3: number;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

async function measure(size: number): Promise<Figures> {
  const snapshot = syntheticLibrary(size);
  const { renderer, jsonBytes } = await rendererWithLibrary(`bench-${size}`, snapshot);
  const profile = await mkdtemp(path.join(tmpdir(), 'failsafe-bench-'));
  const server = await startPreviewServer(renderer);
  try {
    // Long tasks on the window's thread: a frozen window would show up here.
    const watchLongTasks = WATCH_LONG_TASKS;
    const first = await launchChromium(profile, renderer, { initScript: watchLongTasks, server });
    await first.page.getByRole('button', { name: /Search runbooks/ }).waitFor({ timeout: 120_000 });
    // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
    const timing = (await first.page.evaluate(`({
      importMs: performance.getEntriesByName('failsafe:import', 'measure')[0]?.duration ?? NaN,
      indexBuildMs: performance.getEntriesByName('failsafe:index', 'measure')[0]?.duration ?? NaN,
      dbWriteMs: performance.getEntriesByName('failsafe:db-write', 'measure')[0]?.duration ?? NaN,
      readyMs: performance.getEntriesByName('failsafe:ready', 'mark')[0]?.startTime ?? NaN,
      longestTaskMs: Math.max(0, ...(window.__longTasks ?? []).map((task) => task.duration)),
      importTaskMs: ${longestTaskDuring("performance.getEntriesByName('failsafe:import', 'measure')[0]")},
    })`)) as { importMs: number; indexBuildMs: number; dbWriteMs: number; readyMs: number; longestTaskMs: number; importTaskMs: number };
    await first.close();

    const second = await launchChromium(profile, renderer, { server });
    const page = second.page;
    await page.getByRole('button', { name: /Search runbooks/ }).waitFor({ timeout: 60_000 });
    const relaunchReadyMs = await page.evaluate(() => performance.getEntriesByName('failsafe:ready', 'mark')[0]?.startTime ?? NaN);
    await page.keyboard.press('Control+K');
    const input = page.getByRole('combobox', { name: 'Search runbooks' });
    let hits = 0;
    const queries = typoQueries(snapshot, QUERIES);
    for (const { query, expectedTitle } of queries) {
      await input.fill(query);
      // Wait until the palette shows the answer to this query (the store marks each search it runs).
      await page.waitForFunction((q) => performance.getEntriesByName('failsafe:search', 'measure').some((entry) => (entry as PerformanceMeasure).detail === q), query);
      // A hit may name its section (`Title › Section`); the further sections listed under a file are not hits of their own.
      // A title two runbooks share carries where each lives (`.title-place`): the title is the rest.
      const titles = await page
        .getByRole('listbox', { name: 'Results' })
        .locator('li:not(.hit-also) .hit-title')
        .evaluateAll((spans) => spans.map((span) => [...span.childNodes].filter((node) => !(node instanceof HTMLElement && node.classList.contains('title-place'))).map((node) => node.textContent ?? '').join('').trim()));
      if (titles.slice(0, 3).some((title) => title === expectedTitle || title.startsWith(`${expectedTitle} › `))) hits++;
    }
    const latencies = await page.evaluate(() => performance.getEntriesByName('failsafe:search', 'measure').map((entry) => entry.duration));
    await second.close();
    return {
      size,
      kilobytesPerRunbook: jsonBytes / size / 1024,
      sectionsPerRunbook: snapshot.runbooks.reduce((sum, runbook) => sum + sectionOutline(runbook.body).length, 0) / size,
      importMs: timing.importMs,
      indexBuildMs: timing.indexBuildMs,
      dbWriteMs: timing.dbWriteMs,
      longestTaskMs: timing.longestTaskMs,
      importTaskMs: timing.importTaskMs,
      firstReadyMs: timing.readyMs,
      relaunchReadyMs,
      median: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      top3: hits / queries.length,
    };
  } finally {
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

// The figures come from Chromium's IndexedDB and the real renderer build, whatever host e2e uses.
process.env.FAILSAFE_E2E_SKIP_BUILD = '1';
await globalSetup();
const targets: Record<number, { importMs: number; readyMs: number; p95: number }> = {
  1000: { importMs: 1500, readyMs: 1000, p95: 16 },
  // Issue 7 asks for search under 16 ms at 10,000 runbooks as at 1,000.
  10000: { importMs: 6000, readyMs: 2000, p95: 16 },
};
for (const size of PARTS.has('library') ? SIZES : []) {
  const f = await measure(size);
  const t = targets[size];
  const vs = (value: number, target?: number) => (target ? `${value.toFixed(0)} ms (target ${target}, ${(value / target).toFixed(2)}x)` : `${value.toFixed(0)} ms`);
  console.log(`\n${size} runbooks, ${f.kilobytesPerRunbook.toFixed(1)} KB each (JSON), ${f.sectionsPerRunbook.toFixed(1)} sections each on average, indexed`);
  console.log(`  import into IndexedDB (fetch, prebuilt index into the worker, one transaction): ${vs(f.importMs, t?.importMs)}`);
  console.log(`    of which loading the prebuilt index ${f.indexBuildMs.toFixed(0)} ms, IndexedDB write ${f.dbWriteMs.toFixed(0)} ms (both in the worker)`);
  console.log(`    longest task on the window's thread during the import: ${f.importTaskMs.toFixed(0)} ms (target 50); from page load on, script start-up and first render included: ${f.longestTaskMs.toFixed(0)} ms`);
  console.log(`  page load to search ready, first launch (includes the import): ${f.firstReadyMs.toFixed(0)} ms`);
  console.log(`  page load to search ready, relaunch (stored index): ${vs(f.relaunchReadyMs, t?.readyMs)}`);
  console.log(`  search latency over ${QUERIES} typo queries: median ${f.median.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms${t ? ` (target ${t.p95}, ${(f.p95 / t.p95).toFixed(2)}x)` : ''}`);
  console.log(`  top-3 hit rate: ${(f.top3 * 100).toFixed(1)}% (target 90%)`);
}
if (PARTS.has('alerts')) await runAlertBench();
if (PARTS.has('incidents')) await runIncidentBench();
if (PARTS.has('offline-copy')) await runOfflineCopyBench();
if (PARTS.has('sync')) await runSyncBench();
if (PARTS.has('run-figures')) await runRunFiguresBench();
if (PARTS.has('sharing')) await runShareBench();
