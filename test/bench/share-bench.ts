// Sharing figures for `npm run bench` (part `sharing`): a key press on one machine shown on
// another, through a Git server on loopback with pushes on. Two profiles of the real renderer build
// in Chromium, each with its own stand-in desktop side (the same handlers as Electron's main), set
// to exchange every 2 seconds. Each sample: a note typed and Enter pressed on the first machine,
// until the second machine's timeline shows it. Target (issue 19): p95 under 5 s.
import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_SHARE_SETTINGS } from '../../shared/sharing/share-contract';
import { launchChromium, RENDERER } from '../e2e/host';
import { FixtureRepo, gitAvailable } from '../support/git-fixtures';
import { startGitServer } from '../support/git-http-server';

const SAMPLES = Number(process.env.BENCH_SHARE_SAMPLES ?? 20);
const POLL_SECONDS = 2;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

/** Sharing through `url`, set through the bridge as Settings would, then the page reloaded so the app starts with it. */
async function shareThrough(page: Page, url: string, name: string) {
  const settings = { ...DEFAULT_SHARE_SETTINGS, mode: 'git', url, pollSeconds: POLL_SECONDS };
  const saved = (await page.evaluate(`window.failsafe.saveShareSettings(${JSON.stringify(settings)})`)) as { ok: boolean; reason?: string };
  if (!saved.ok) throw new Error(`sharing settings refused: ${saved.reason}`);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your name, as incident exports show it (optional)').fill(name);
  await page.getByLabel('Your name, as incident exports show it (optional)').press('Enter');
  await page.reload();
  await page.getByRole('navigation', { name: 'Places' }).waitFor();
}

export async function runShareBench(): Promise<void> {
  if (!gitAvailable()) {
    console.log('\nSharing: not measured, git is not installed (its http-backend serves the shared repository)');
    return;
  }
  const root = await mkdtemp(path.join(tmpdir(), 'failsafe-bench-share-'));
  const repo = await FixtureRepo.create(root, 'incidents', { 'README.md': 'Shared incidents.\n' });
  const server = await startGitServer({ root, push: true });
  const profiles = [await mkdtemp(path.join(tmpdir(), 'failsafe-bench-a-')), await mkdtemp(path.join(tmpdir(), 'failsafe-bench-b-'))];
  const [first, second] = [await launchChromium(profiles[0], RENDERER), await launchChromium(profiles[1], RENDERER)];
  try {
    await shareThrough(first.page, server.url('incidents'), 'First responder');
    await shareThrough(second.page, server.url('incidents'), 'Second responder');
    const a = first.page;
    const b = second.page;
    await a.keyboard.press('i');
    await a.keyboard.type('Shared for the bench');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Control+2');
    // The second machine joins once the incident has reached it.
    await b.keyboard.press('Control+3');
    await b.getByRole('link', { name: 'Shared for the bench' }).click({ timeout: 60_000 });
    await b.getByRole('button', { name: 'Make current' }).click();
    const latencies: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample++) {
      const words = `probe ${sample} ${Date.now()}`;
      await a.getByLabel('New note').fill(words);
      const pressed = Date.now();
      await a.keyboard.press('Enter');
      await b.waitForFunction((text) => document.querySelector('section[aria-labelledby="timeline-heading"]')?.textContent?.includes(text), words, { polling: 25, timeout: 60_000 });
      latencies.push(Date.now() - pressed);
      // Presses come at random moments of the other machine's poll, as a responder's would.
      await a.waitForTimeout(Math.floor(Math.random() * POLL_SECONDS * 1000));
    }
    const p95 = percentile(latencies, 95);
    console.log(`\nSharing through a Git server on loopback (pushes on), two machines exchanging every ${POLL_SECONDS} s`);
    console.log(`  key press on one machine to shown on the other, ${SAMPLES} presses: median ${(percentile(latencies, 50) / 1000).toFixed(2)} s, p95 ${(p95 / 1000).toFixed(2)} s (target p95 5 s, ${(p95 / 5000).toFixed(2)}x)`);
  } finally {
    await first.close();
    await second.close();
    await server.kill();
    await repo.remove();
    for (const folder of [...profiles, root]) await rm(folder, { recursive: true, force: true });
  }
}
