import { _electron as electron, chromium, type BrowserContext, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/content-security-policy';
import type { ChooseSavePath } from '../../electron/file-save';
import { dispatch } from '../../electron/ipc-dispatch';
import { createHandlers } from '../../electron/ipc-handlers';
import { createJournalStore, journalFolder } from '../../electron/journal-store';
import { createLinkHandover, linkFromArgv } from '../../electron/link-handover';
import { createWorkerReader } from '../../electron/library-reader';
import { readRendererFile } from '../../electron/renderer-files';
import type { PreviewServer } from '../../electron/preview-server';
import { createShareHost } from '../../electron/share/share-host';
import { createSyncHost } from '../../electron/sync/sync-host';
import type { Cipher } from '../../electron/sync/token-vault';
import { isChannel, LINK_EVENT, type Channel } from '../../shared/ipc-contract';
import { electronBinary } from '../../scripts/electron-binary';

// Where the specs run: real Electron when its binary exists, else the real renderer build in the
// system Chromium with a stand-in for the preload (docs/architecture.md, "The bridge and its hosts").

export const E2E_BUILD = path.resolve('build/e2e');
export const RENDERER = path.resolve('dist/renderer');
export const BROKEN_LIBRARY_RENDERER = path.join(E2E_BUILD, 'renderer-broken-library');
/** electron/parse-worker.ts, bundled by the global setup as build:electron bundles it for the app. */
export const PARSE_WORKER = path.join(E2E_BUILD, 'parse-worker.cjs');

// A fixed origin, so IndexedDB finds the same database when a profile is relaunched. Nothing listens
// there: every request is answered from the build folder, as the app:// protocol does in Electron.
const ORIGIN = 'http://127.0.0.1:47800';
const TEST_CIPHER: Cipher = {
  available: () => true,
  encrypt: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  decrypt: (data) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
};
// The machine's network state as the page sees it. Playwright's offline emulation blocks requests,
// but some Chromium builds (150 here) still report navigator.onLine as true, and the emulation is
// reset by every navigation; the stand-in host plays the operating system's part instead.
const NETWORK_STATE_SCRIPT = `Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });`;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Where the stand-in host's save dialog puts files. */
export function savedFilesFolder(profileDir: string): string {
  return path.join(profileDir, 'saved-files');
}

export type HostKind = 'electron' | 'chromium';

export function hostKind(): HostKind {
  const wanted = process.env.FAILSAFE_E2E_HOST;
  if (wanted === 'electron' || wanted === 'chromium') return wanted;
  return electronBinary() ? 'electron' : 'chromium';
}

export function chromiumPath(): string {
  return process.env.FAILSAFE_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function describeHost(): string {
  return hostKind() === 'electron'
    ? `Electron (${electronBinary()})`
    : `Chromium at ${chromiumPath()} with the stand-in preload (Electron binary not installed here)`;
}

export interface RunningApp {
  page: Page;
  readClipboard(): Promise<string>;
  /** Requests the renderer made for files of its own build, by path. */
  requestedPaths: string[];
  close(): Promise<void>;
  /** Kills the app's processes with SIGKILL, as a crash or a pulled plug would: nothing gets to flush or say goodbye. */
  kill(): Promise<void>;
  /**
   * Launches the app again with `link` as its argument, as the operating system does for a
   * `failsafe://` link: the single-instance lock hands it to the running window over the link event.
   */
  launchAgainWith(link: string): Promise<void>;
}

export async function launchApp(profileDir: string, rendererRoot = RENDERER, options: ChromiumOptions = {}): Promise<RunningApp> {
  return hostKind() === 'electron' ? launchElectron(profileDir, rendererRoot, options.argv) : launchChromium(profileDir, rendererRoot, options);
}

export interface ChromiumOptions {
  /** A script run before the app's own (the benchmarks watch long tasks with it). */
  initScript?: string;
  /**
   * Load the app from this loopback server (the preview server) instead of answering from the
   * build folder, and hand a synced library over through it, as Electron's app:// handler serves
   * one from memory. The benchmarks need it: a 90 MB library is too big to pass through
   * Playwright's request interception, and a 32 MB synced one took a second through it. The
   * context is then online, with every request to another origin blocked.
   */
  server?: PreviewServer;
  /** Told how long the stand-in main process took to answer each call (the benchmarks time sync with it). */
  onHandled?: (channel: Channel, ms: number) => void;
  /** Channels whose handler fails, as a crashed or broken main process would: the app must say so plainly. */
  brokenChannels?: Channel[];
  /** Channels handled only after this many milliseconds, as a busy main process or disk would. */
  slowChannels?: Partial<Record<Channel, number>>;
  /** The launch's own arguments after the binary (a `failsafe://` link the OS opened the app with). */
  argv?: string[];
}

export async function launchChromium(profileDir: string, rendererRoot: string, options: ChromiumOptions = {}): Promise<RunningApp> {
  const origin = options.server?.url.replace(/\/$/, '') ?? ORIGIN;
  const offline = !options.server;
  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    offline,
    viewport: { width: 1280, height: 720 },
  });
  // The stand-in main process: the same handler modules and sync service, with the profile folder as
  // user data. There is no OS keychain here, so the token is scrambled by a test cipher instead.
  // Its save dialog always answers with the same folder of the profile, where a test finds the file.
  const chooseSavePath: ChooseSavePath = async ({ suggestedName }) => {
    await mkdir(savedFilesFolder(profileDir), { recursive: true });
    return path.join(savedFilesFolder(profileDir), suggestedName);
  };
  const sync = await createSyncHost(profileDir, TEST_CIPHER, createWorkerReader(PARSE_WORKER));
  // This launch's hand-over, until its context closes (a later launch on the same server sets its own).
  const answerFirst = (pathname: string) => sync.waiting.respond(pathname);
  const requestedPaths: string[] = [];
  if (options.server) {
    const server = options.server;
    server.answerFirst = answerFirst;
    context.once('close', () => {
      if (server.answerFirst === answerFirst) server.answerFirst = undefined;
    });
  }
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) return route.abort('blockedbyclient');
    requestedPaths.push(url.pathname);
    if (options.server) return route.continue();
    // As electron/main.ts's app:// handler: a synced library waiting for the search worker first.
    const file = await (sync.waiting.respond(url.pathname) ?? readRendererFile(rendererRoot, url.pathname));
    return route.fulfill({ status: file.status, contentType: file.type, body: file.body, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const handlers = createHandlers({
    version: '0.0.0-e2e',
    platform: process.platform,
    host: 'stand-in',
    sync,
    chooseSavePath,
    journal: createJournalStore(journalFolder(profileDir)),
    share: createShareHost(profileDir, sync),
  });
  await context.exposeBinding('__failsafeInvoke', async ({ frame }, channel: unknown, payload: unknown) => {
    // The same sender check as ipcMain in electron/main.ts, then the same dispatch.
    if (!frame.url().startsWith(`${origin}/`)) throw new Error('IPC refused: untrusted sender');
    if (options.brokenChannels?.includes(channel as Channel)) throw new Error('the desktop side stopped answering');
    const started = performance.now();
    const slow = isChannel(channel) ? options.slowChannels?.[channel] : undefined;
    if (slow) await new Promise((resolve) => setTimeout(resolve, slow));
    const reply = await dispatch(handlers, channel, payload);
    if (isChannel(channel)) options.onHandled?.(channel, performance.now() - started);
    // As a JSON string: Playwright serializes an object value by value, which takes seconds for a
    // synced library of thousands of runbooks, where Electron's structured clone takes milliseconds.
    return reply === undefined ? undefined : JSON.stringify(reply);
  });
  await context.addInitScript({ path: path.join(E2E_BUILD, 'stand-in-bridge.js') });
  if (offline) await context.addInitScript({ content: NETWORK_STATE_SCRIPT });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = context.pages()[0] ?? (await context.newPage());
  // Main's side of a second launch: the same argv reading and keeping as electron/main.ts, sending
  // to the page as webContents.send would (the bridge listens from the init script on, so once
  // loaded the page takes links).
  const links = createLinkHandover((link) => void page.evaluate(([event, payload]) => window.__failsafeEvent?.(event, payload), [LINK_EVENT, link] as const));
  links.offer(linkFromArgv(options.argv ?? []));
  await page.goto(`${origin}/index.html`);
  links.ready();
  return {
    page,
    requestedPaths,
    launchAgainWith: async (link) => links.offer(linkFromArgv(['failsafe', link])),
    readClipboard: () => page.evaluate(() => navigator.clipboard.readText()),
    close: () => context.close(),
    kill: async () => {
      const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
      await killProcessesOf(profileDir);
      await closed;
    },
  };
}

async function launchElectron(profileDir: string, rendererRoot: string, argv: string[] = []): Promise<RunningApp> {
  await mkdir(savedFilesFolder(profileDir), { recursive: true });
  const app: ElectronApplication = await electron.launch({
    args: ['.', ...argv],
    env: { ...process.env, FAILSAFE_USER_DATA: profileDir, FAILSAFE_RENDERER_DIR: rendererRoot, FAILSAFE_SAVE_DIR: savedFilesFolder(profileDir) },
  });
  const page = await app.firstWindow();
  await page.context().setOffline(true);
  return {
    page,
    requestedPaths: [],
    launchAgainWith: (link) =>
      // A real second launch: it finds the lock taken, hands its arguments over and quits.
      new Promise<void>((resolve, reject) => {
        const second = spawn(electronBinary() ?? 'electron', ['.', link], { env: { ...process.env, FAILSAFE_USER_DATA: profileDir, FAILSAFE_RENDERER_DIR: rendererRoot }, stdio: 'ignore' });
        second.once('error', reject);
        second.once('exit', () => resolve());
      }),
    readClipboard: () => app.evaluate(({ clipboard }) => clipboard.readText()),
    close: () => app.close(),
    kill: async () => {
      const closed = new Promise<void>((resolve) => app.once('close', () => resolve()));
      app.process().kill('SIGKILL');
      await closed;
    },
  };
}

/** SIGKILLs every process started with this profile folder (Chromium's browser process and its children). */
async function killProcessesOf(profileDir: string): Promise<void> {
  const flag = `--user-data-dir=${profileDir}`;
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.split('\0').includes(flag)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}
