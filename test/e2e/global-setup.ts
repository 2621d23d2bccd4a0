import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readLibraryFolder } from '../../electron/library-loader';
import { parseLibrary } from '../../shared/library/library-parser';
import { describeHost, E2E_BUILD, PARSE_WORKER } from './host';

// Builds what the specs run against: the real renderer build, a copy of it carrying a library
// with a broken file, and the stand-in bridge script.
export default async function globalSetup() {
  if (!process.env.FAILSAFE_E2E_SKIP_BUILD) {
    execFileSync('npm', ['run', '--silent', 'build:library'], { stdio: 'inherit' });
    execFileSync('npm', ['run', '--silent', 'build:renderer', '--', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  await rm(E2E_BUILD, { recursive: true, force: true });
  await mkdir(E2E_BUILD, { recursive: true });
  await build({ entryPoints: ['test/e2e/stand-in-bridge.ts'], bundle: true, format: 'iife', outfile: path.join(E2E_BUILD, 'stand-in-bridge.js'), logLevel: 'warning' });
  // The stand-in main process reads synced libraries in the same worker thread as Electron's main.
  await build({ entryPoints: ['electron/parse-worker.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: PARSE_WORKER, logLevel: 'warning' });
  const broken = path.join(E2E_BUILD, 'renderer-broken-library');
  await cp('dist/renderer', broken, { recursive: true });
  const { files, problems } = await readLibraryFolder('test/fixtures/broken-library');
  // Too big to keep in the repository: quotes nested 5,000 deep, then an ordinary section.
  files.push({ path: 'incident-response/nested-beyond-reason.md', text: `# Nested beyond reason\n\n${'>'.repeat(5000)} deep\n\n## Steps\n\n1. Page the on-call lead.\n` });
  const snapshot = parseLibrary(files, { kind: 'bundled', builtAt: new Date().toISOString() }, problems);
  await writeFile(path.join(broken, 'library.json'), JSON.stringify(snapshot));
  await writeFile(path.join(broken, 'library-meta.json'), JSON.stringify({ version: snapshot.version, source: snapshot.source }));
  // No prebuilt index here: this library also proves the app builds one itself when it must.
  await rm(path.join(broken, 'search-index.json'));
  console.log(`end-to-end host: ${describeHost()}`);
}
