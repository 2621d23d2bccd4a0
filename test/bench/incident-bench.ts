// Incident figures for `npm run bench`, in Chromium with the real renderer build and real IndexedDB
// (strict durability): how long from a key press until its event is on disk, and how long a
// relaunch takes to bring back an incident of 2,000 events.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { stampEvents, type Writer } from '../../shared/incident/event-stamp';
import type { EventBody, IncidentEvent } from '../../shared/incident/incident-events';
import { applyEvent, lastSeqOf, type IncidentState } from '../../shared/incident/incident-state';

const BENCH_WRITER: Writer = { id: 'bench' };
import { runbookCopy } from '../../shared/incident/runbook-copy';
import type { LibrarySnapshot } from '../../shared/model';
import { summaryOf } from '../../renderer/features/incident/incident-record';
import { launchChromium, RENDERER } from '../e2e/host';
import { MERGE_EVENTS_PER_WRITER, threeWriters, timeMerges } from './merge-bench';

const KEY_EVENTS = Number(process.env.BENCH_INCIDENT_EVENTS ?? 500);
const RESTORED_EVENTS = 2000;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

// Every Enter's time, taken before the app sees it; the app marks each event it has made durable.
const WATCH_ENTER = `addEventListener('keydown', (event) => { if (event.key === 'Enter') (window.__enters ??= []).push(event.timeStamp); }, true);`;

async function durableMarks(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('failsafe:event-durable', 'mark').length);
}

/** Key press to durable: a note on the current step, Enter, 500 times over. */
async function keyToDurable(profile: string): Promise<number[]> {
  const app = await launchChromium(profile, RENDERER, { initScript: WATCH_ENTER });
  const { page } = app;
  await page.getByRole('navigation', { name: 'Places' }).waitFor();
  await page.keyboard.press('i');
  await page.keyboard.type('Bench incident');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Bench incident' }).waitFor();
  await page.evaluate(() => (window.location.hash = '#/runbook/maintenance/patroni-switchover'));
  await page.getByRole('heading', { level: 1, name: 'Planned Patroni switchover' }).waitFor();
  await page.keyboard.press('r');
  await page.getByRole('navigation', { name: 'Steps' }).waitFor();
  const before = await page.evaluate(() => (window as unknown as { __enters?: number[] }).__enters?.length ?? 0);
  const marksBefore = await durableMarks(page);
  for (let index = 0; index < KEY_EVENTS; index++) {
    await page.keyboard.press('n');
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await page.waitForFunction((count) => performance.getEntriesByName('failsafe:event-durable', 'mark').length >= count, marksBefore + index + 1);
  }
  const { enters, marks } = await page.evaluate(() => ({
    enters: (window as unknown as { __enters: number[] }).__enters,
    marks: performance.getEntriesByName('failsafe:event-durable', 'mark').map((mark) => mark.startTime),
  }));
  await app.close();
  return marks.slice(marksBefore).map((mark, index) => mark - enters[before + index]);
}

/** An incident of exactly `count` events: runs of a bundled runbook, steps done, notes between. */
function bigIncident(library: LibrarySnapshot, count: number): { events: IncidentEvent[]; state: IncidentState } {
  const runbook = library.runbooks.find((candidate) => candidate.id === 'incident-response/database-outage')!;
  const copy = runbookCopy(runbook, new Map(), library);
  const events: IncidentEvent[] = [];
  let state: IncidentState | undefined;
  let at = Date.now() - 6 * 3_600_000;
  const add = (body: EventBody) => {
    at += 2_000;
    const [event] = stampEvents('inc-bench-restore', BENCH_WRITER, { lastSeq: lastSeqOf(state, BENCH_WRITER.id), latestClock: state?.clock }, 'bench', { now: () => ({ at, mono: at }) }, [body]);
    const applied = applyEvent(state, event);
    if (!applied.ok) throw applied.error;
    state = applied.state;
    events.push(event);
  };
  add({ type: 'incident-declared', title: 'A long night', severity: 'P0' });
  let run = 0;
  while (events.length < count) {
    const runId = `run-${++run}`;
    add({ type: 'run-started', runId, runbook: copy });
    for (let step = 0; step < copy.steps.length && events.length < count; step++) {
      add({ type: 'step-started', runId, step });
      for (let note = 0; note < 8 && events.length < count - 1; note++) add({ type: 'run-note', runId, step, text: `Checked again at ${note}: replication lag ${note * 3} s, still failing over` });
      if (events.length < count) add({ type: 'step-done', runId, step });
    }
  }
  return { events, state: state! };
}

/** Merging three writers of 2,000 events each, with the bundled database-outage runbook. */
async function mergeThreeWriters(): Promise<number[]> {
  const library = JSON.parse(await readFile(path.join(RENDERER, 'library.json'), 'utf8')) as LibrarySnapshot;
  const runbook = library.runbooks.find((candidate) => candidate.id === 'incident-response/database-outage')!;
  return timeMerges(threeWriters(runbookCopy(runbook, new Map(), library)));
}

/** Relaunch to an incident of 2,000 events back on screen. */
async function restore(profile: string): Promise<{ restoreMs: number; onScreenMs: number }> {
  const library = JSON.parse(await readFile(path.join(RENDERER, 'library.json'), 'utf8')) as LibrarySnapshot;
  const { events, state } = bigIncident(library, RESTORED_EVENTS);
  const first = await launchChromium(profile, RENDERER);
  await first.page.getByRole('navigation', { name: 'Places' }).waitFor();
  // Written as the app writes them: the events, the list's summary, the current incident.
  await first.page.evaluate(
    async ({ events, summary }) => {
      const request = indexedDB.open('failsafe');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const transaction = db.transaction(['incidentEvents', 'incidents', 'settings'], 'readwrite');
      for (const event of events) transaction.objectStore('incidentEvents').add(event);
      transaction.objectStore('incidents').put(summary);
      transaction.objectStore('settings').put({ key: 'currentIncident', value: summary.id });
      await new Promise((resolve, reject) => {
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    },
    { events, summary: summaryOf(state) },
  );
  await first.close();
  const second = await launchChromium(profile, RENDERER);
  await second.page.getByRole('region', { name: 'Current incident' }).waitFor();
  const figures = await second.page.evaluate(() => {
    const measure = performance.getEntriesByName('failsafe:incident-restored', 'measure')[0];
    return { restoreMs: measure?.duration ?? NaN, onScreenMs: performance.now() };
  });
  await second.close();
  return figures;
}

export async function runIncidentBench(): Promise<void> {
  const profile = await mkdtemp(path.join(tmpdir(), 'failsafe-bench-incident-'));
  const restoreProfile = await mkdtemp(path.join(tmpdir(), 'failsafe-bench-restore-'));
  try {
    const latencies = await keyToDurable(profile);
    const { restoreMs, onScreenMs } = await restore(restoreProfile);
    console.log(`\nIncidents (strict durability, Chromium's IndexedDB on this disk)`);
    console.log(`  key press to event durable over ${latencies.length} notes: median ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (target p95 16), max ${Math.max(...latencies).toFixed(1)} ms`);
    console.log(`  bring back an incident of ${RESTORED_EVENTS} events after a relaunch: read and replay ${restoreMs.toFixed(0)} ms (target 300); page load to the incident on screen ${onScreenMs.toFixed(0)} ms`);
    const merges = await mergeThreeWriters();
    console.log(`  merge three writers of ${MERGE_EVENTS_PER_WRITER.toLocaleString('en')} events each (two writers' events into the third's record, then replay; Node, ${merges.length} runs): median ${percentile(merges, 50).toFixed(0)} ms, p95 ${percentile(merges, 95).toFixed(0)} ms (target 300)`);
  } finally {
    await rm(profile, { recursive: true, force: true });
    await rm(restoreProfile, { recursive: true, force: true });
  }
}
