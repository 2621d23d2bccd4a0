// Finding the Electron binary, and fetching it on first start. npm never runs Electron's install
// script here (.npmrc: ignore-scripts), so `npm install` succeeds where its download host cannot be
// reached; the binary is fetched by `npm start` instead, and only when it is needed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Electron executable, when the `electron` package has one in place. */
export function electronBinary(): string | undefined {
  try {
    delete require.cache[require.resolve('electron')];
    const binary: unknown = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** Runs Electron's own installer (download, checksum, unzip). Returns why it failed, or undefined. */
export function fetchElectron(): string | undefined {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
  console.log('Fetching the Electron binary (about 100 MB, first start only)…');
  const result = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10 * 60_000 });
  if (result.status === 0) return undefined;
  if (result.error) return `the download did not finish (${result.error.message})`;
  const detail = result.stderr.toString('utf8').split('\n').map((line) => line.trim()).find(Boolean);
  return `it could not be downloaded${detail ? ` (${detail.slice(0, 200)})` : ''}`;
}
