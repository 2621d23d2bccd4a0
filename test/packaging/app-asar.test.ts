import { listPackage, extractFile } from '@electron/asar';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The Electron binary cannot be downloaded here, so electron-builder packs the app around a
// stand-in Electron folder; what we check is our part: app.asar and what it holds.
const standIn = path.resolve('build/stand-in-electron');
const asar = path.resolve('release/linux-unpacked/resources/app.asar');

beforeAll(() => {
  if (!existsSync('dist/renderer/index.html') || !existsSync('dist-electron/parse-worker.cjs')) execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  rmSync('release/linux-unpacked', { recursive: true, force: true });
  mkdirSync(path.join(standIn, 'resources'), { recursive: true });
  writeFileSync(path.join(standIn, 'electron'), '#!/bin/sh\necho "stand-in Electron used for packaging tests" >&2\nexit 1\n');
  chmodSync(path.join(standIn, 'electron'), 0o755);
  execFileSync('npx', ['electron-builder', '--config', 'electron-builder.yml', '--dir', '--linux', `-c.electronDist=${standIn}`], { stdio: 'pipe' });
}, 240_000);

describe('the packaged app (electron-builder --dir)', () => {
  it('has the main process, the preload, the renderer build and the bundled library in app.asar', () => {
    const files = listPackage(asar, { isPack: false }).map((file) => file.replace(/\\/g, '/'));
    expect(files).toEqual(expect.arrayContaining(['/dist-electron/main.cjs', '/dist-electron/preload.cjs', '/dist-electron/parse-worker.cjs', '/dist/renderer/index.html', '/dist/renderer/library.json', '/dist/renderer/library-meta.json']));
    expect(files.some((file) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(file))).toBe(true);
    expect(files.some((file) => file.startsWith('/node_modules/'))).toBe(false);
  });

  it('starts from the bundled main process and carries the whole library', () => {
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString());
    expect(manifest).toMatchObject({ main: 'dist-electron/main.cjs', productName: 'Failsafe' });
    const library = JSON.parse(extractFile(asar, 'dist/renderer/library.json').toString());
    expect(library.runbooks.length).toBeGreaterThanOrEqual(20);
    expect(library.problems).toEqual([]);
    const main = extractFile(asar, 'dist-electron/main.cjs').toString();
    expect(main).toContain('contextIsolation: true');
    expect(main).toContain('sandbox: true');
  });
});
