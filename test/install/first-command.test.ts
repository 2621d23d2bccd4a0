// The README's first command, `npm install && npm start`, on a fresh copy of the project as a new
// user runs it: first where Electron's download host cannot be reached (a mirror setting pointing at
// a closed loopback port), then where it can (a loopback mirror serving a stand-in Electron).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLibraryMeta } from '../../shared/library/snapshot-validation';
import { zipFile } from '../support/zip-file';
import electronPackage from 'electron/package.json' with { type: 'json' };

let copy: string;
let scratch: string;

/** A fresh copy: the project's files as a clone would have them, no node_modules, no build. */
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'failsafe-first-command-'));
  copy = path.join(scratch, 'failsafe');
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z']).toString('utf8').split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(file)) continue;
    await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await cp(file, path.join(copy, file));
  }
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

interface Command {
  output(): string;
  waitFor(pattern: RegExp, ms: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Runs a shell command in the copy, in its own process group, with a new user's environment. */
function run(command: string, env: Record<string, string>): Command {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && !/^ELECTRON_/.test(key) && key !== 'PORT'),
  ) as Record<string, string>;
  const child: ChildProcess = spawn('sh', ['-c', command], {
    cwd: copy,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Electron's cache lives in the scratch folder: nothing cached earlier can stand in for a download.
    env: { ...clean, electron_config_cache: path.join(scratch, 'electron-cache'), npm_config_prefer_offline: 'true', ...env },
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    output: () => text,
    exited,
    async waitFor(pattern, ms) {
      const deadline = Date.now() + ms;
      for (;;) {
        const match = pattern.exec(text);
        if (match) return match;
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in the output:\n${text.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    async stop() {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm install && npm start on a fresh copy of the project', () => {
  it('installs, then builds and serves the app on 127.0.0.1 where Electron cannot be downloaded', async () => {
    const port = await closedPort();
    const command = run('npm install && npm start', { ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`, PORT: String(port) });
    try {
      const [line, url] = await command.waitFor(/^Failsafe is served at (http:\/\/127\.0\.0\.1:\d+\/).*$/m, 400_000);
      expect(url).toBe(`http://127.0.0.1:${port}/`);
      expect(line).toMatch(/The desktop app cannot start here: the Electron binary is not installed and it could not be downloaded \(.*ECONNREFUSED.*\)\. Everything but Git sync works in the browser\. Ctrl\+C stops it\.$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toContain('<title>Failsafe</title>');
      expect(isLibraryMeta(await (await fetch(`${url}library-meta.json`)).json())).toBe(true);
      // Still serving a moment later: the command keeps running until stopped.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await command.stop();
    }
  });

  it('fetches Electron on first start where its host answers, then starts the desktop app without fetching again', async () => {
    const marker = path.join(scratch, 'electron-started');
    // A stand-in Electron: it records how it was started, where a real one would open the window.
    const zip = zipFile([{ name: 'electron', mode: 0o755, data: Buffer.from(`#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" >> "${marker}"\n`) }]);
    const zipName = `electron-v${electronPackage.version}-${process.platform}-${process.arch}.zip`;
    const requests: string[] = [];
    const mirror = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url?.endsWith(`/${zipName}`)) response.end(zip);
      else if (request.url?.endsWith('/SHASUMS256.txt')) response.end(`${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`);
      else response.writeHead(404).end();
    });
    const mirrorPort = await listen(mirror);
    try {
      const first = run('npm start', { ELECTRON_MIRROR: `http://127.0.0.1:${mirrorPort}/`, electron_use_remote_checksums: '1' });
      expect(await first.exited, first.output()).toBe(0);
      expect(requests.some((url) => url.endsWith(zipName))).toBe(true);
      expect(existsSync(path.join(copy, 'dist-electron', 'main.cjs'))).toBe(true);
      expect(await readFile(marker, 'utf8')).toBe(`${copy}\n.\n`);

      const fetched = requests.length;
      const again = run('npm start', { ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/` });
      expect(await again.exited, again.output()).toBe(0);
      expect(requests.length).toBe(fetched);
      expect(await readFile(marker, 'utf8')).toBe(`${copy}\n.\n${copy}\n.\n`);
    } finally {
      await new Promise((resolve) => mirror.close(resolve));
    }
  });
});
