// Run figures at scale for `npm run bench`: with 1,000 past incidents of 200 events each on this
// machine, how long Library health and a runbook page take to open, from the navigation until the
// run figures are on screen (targets 200 ms and 100 ms). In Chromium with the real renderer build,
// real IndexedDB, and the incidents written through the app's own database module in the page.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'esbuild';
import { runbookCopy } from '../../shared/incident/runbook-copy';
import type { LibrarySnapshot } from '../../shared/model';
import { launchChromium, RENDERER } from '../e2e/host';
import type { SeedRequest } from './seed-past-incidents';

const INCIDENTS = Number(process.env.BENCH_PAST_INCIDENTS ?? 1000);
const EVENTS_PER_INCIDENT = 200;
const OPENINGS = Number(process.env.BENCH_OPENINGS ?? 9);
/** Run in every past incident: its page has the most runs to count. */
const MOST_RUN = 'incident-response/database-outage';
const OTHERS = ['incident-response/application-crash', 'troubleshooting/disk-full', 'troubleshooting/slow-database-queries', 'troubleshooting/high-memory-usage'];
/** Run in none: its page opening is the same page with no figures to read, for comparison. */
const NEVER_RUN = 'maintenance/patroni-switchover';
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

// Page-side checks that a screen shows its run figures (strings: tsx would wrap functions in a helper the page lacks).
const HEALTH_FIGURES = `(() => document.querySelector('section[aria-label="Runs on this machine"] li') && /\\d+ findings/.test(document.querySelector('.health .count')?.textContent ?? ''))()`;
const runsHere = (pattern: string) => `(() => ${pattern}.test([...document.querySelectorAll('.runbook-facts dt')].find((dt) => dt.textContent === 'Runs here')?.nextElementSibling?.textContent ?? ''))()`;
const RUNBOOK_FIGURES = runsHere('/^\\d+, last/');
const NO_FIGURES = runsHere('/^never run on this machine$/');

/**
 * Page-side: marks the navigation, goes to `hash`, waits until `shown` holds (checked on every DOM
 * change), then for the frame that paints it; measures between the marks and returns the duration.
 */
function openAndMeasure(hash: string, shown: string, name: string): string {
  return `(async () => {
    performance.mark('${name}:navigate');
    window.location.hash = ${JSON.stringify(hash)};
    await new Promise((resolve) => {
      if (${shown}) return resolve();
      const observer = new MutationObserver(() => {
        if (${shown}) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    performance.mark('${name}:figures-shown');
    return performance.measure('${name}', '${name}:navigate', '${name}:figures-shown').duration;
  })()`;
}

/** A relaunch of the page on the library list, settled: each opening starts with nothing read yet. */
async function relaunchOnLibrary(page: Page): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/'));
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('failsafe:ready', 'mark').length > 0, undefined, { timeout: 60_000 });
  // Let start-up work (the incidents list, the notes) finish: the figures are for opening a screen.
  await page.waitForTimeout(1000);
}

async function openings(page: Page, hash: string, shown: string, name: string): Promise<number[]> {
  const durations: number[] = [];
  for (let opening = 0; opening < OPENINGS; opening++) {
    await relaunchOnLibrary(page);
    durations.push((await page.evaluate(openAndMeasure(hash, shown, name))) as number);
  }
  return durations;
}

export async function runRunFiguresBench(): Promise<void> {
  const library = JSON.parse(await readFile(path.join(RENDERER, 'library.json'), 'utf8')) as LibrarySnapshot;
  const copyOf = (id: string) => runbookCopy(library.runbooks.find((runbook) => runbook.id === id)!, new Map(), library);
  const request: SeedRequest = { incidents: INCIDENTS, eventsPerIncident: EVENTS_PER_INCIDENT, runbooks: [copyOf(MOST_RUN), ...OTHERS.map(copyOf)] };
  const seed = await build({ entryPoints: ['test/bench/seed-past-incidents.ts'], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'warning' });
  const profile = await mkdtemp(path.join(tmpdir(), 'failsafe-bench-run-figures-'));
  const app = await launchChromium(profile, RENDERER);
  try {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Places' }).waitFor({ timeout: 60_000 });
    await page.evaluate(seed.outputFiles[0].text);
    const seedMs = (await page.evaluate((seedRequest) => (window as unknown as { __seedPastIncidents(request: SeedRequest): Promise<number> }).__seedPastIncidents(seedRequest), request)) as number;

    const health = await openings(page, '#/health', HEALTH_FIGURES, 'bench:health-opens');
    const healthLine = await page.locator('section[aria-label="Runs on this machine"] li').filter({ hasText: request.runbooks[0].title }).innerText();
    const runbook = await openings(page, `#/runbook/${MOST_RUN}`, RUNBOOK_FIGURES, 'bench:runbook-opens');
    const runsHereText = await page.locator('.runbook-facts div').filter({ hasText: 'Runs here' }).locator('dd').innerText();
    const neverRun = await openings(page, `#/runbook/${NEVER_RUN}`, NO_FIGURES, 'bench:never-run-runbook-opens');

    const line = (values: number[], target: number) =>
      `${percentile(values, 50).toFixed(0)} ms median, ${percentile(values, 95).toFixed(0)} ms p95 over ${values.length} openings (target ${target}, ${(percentile(values, 95) / target).toFixed(2)}x)`;
    console.log(`\nRun figures with ${INCIDENTS} past incidents of ${EVENTS_PER_INCIDENT} events (written through the app's database module in ${(seedMs / 1000).toFixed(1)} s)`);
    console.log(`  Health opens: ${line(health, 200)}; it shows "${healthLine}"`);
    console.log(`  runbook page opens: ${line(runbook, 100)}; "${MOST_RUN}" shows Runs here "${runsHereText}"`);
    console.log(`    for comparison, a runbook page with no runs to count ("${NEVER_RUN}"): ${percentile(neverRun, 50).toFixed(0)} ms median, ${percentile(neverRun, 95).toFixed(0)} ms p95`);
    console.log(`  (from the navigation to the frame that paints the figures, each opening after a relaunch of the page; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
  } finally {
    await app.close();
    await rm(profile, { recursive: true, force: true });
  }
}
