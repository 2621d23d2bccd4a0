import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLibraryFolder } from '../../../electron/library-loader';
import { createWorkerReader, readInThisThread } from '../../../electron/library-reader';
import { DEFAULT_LIMITS } from '../../../shared/limits';
import type { LibrarySnapshot } from '../../../shared/model';
import { isSearchIndexFor } from '../../../shared/library/snapshot-validation';
import { SearchEngine, type SerializedSearchIndex } from '../../../shared/search/search-engine';
import { readSnapshotJson } from '../../../shared/sync/snapshot-json';
import { FixtureRepo, gitAvailable } from '../../support/git-fixtures';

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;
let folder: string;
let workerFile: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'failsafe-reader-'));
  workerFile = path.join(folder, 'parse-worker.cjs');
  // As scripts/build-electron.mjs bundles it for the desktop app.
  await build({ entryPoints: ['electron/parse-worker.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerFile, logLevel: 'warning' });
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('reading a library in a worker thread', () => {
  it('gives the same snapshot as reading in this thread, refusals included', async () => {
    const options = { limits: { ...DEFAULT_LIMITS, maxFileBytes: 6_000 }, followLinks: false };
    const read = await createWorkerReader(workerFile)('runbooks', source, options);
    const here = await readInThisThread('runbooks', source, options);
    expect({ ...read, index: undefined }).toEqual({ ...here, index: undefined });
    const inWorker = readSnapshotJson(read.text) as LibrarySnapshot;
    expect(read.runbooks).toBe(inWorker.runbooks.length);
    expect(inWorker.runbooks.length).toBeGreaterThan(20);
    expect(inWorker.problems).toContainEqual(expect.objectContaining({ reason: expect.stringMatching(/over the 6000-byte limit/), level: 'error' }));
  });

  if (!gitAvailable()) it.skip('reading a commit from its objects needs git installed (the commit is made with it); it is not installed on this machine', () => undefined);
  else it('reads a commit from its objects the same way, a symbolic link refused', { timeout: 30_000 }, async () => {
    const { files } = await readLibraryFolder('runbooks');
    const repo = await FixtureRepo.create(folder, 'reader', { ...Object.fromEntries(files.map((file) => [file.path, file.text])), 'linked.md': { symlink: 'security/security-incident-response.md' } });
    try {
      const where = { gitdir: path.join(repo.work, '.git'), commit: repo.head(), subfolder: '' };
      const read = await createWorkerReader(workerFile)(where, source, {});
      expect({ ...read, index: undefined }).toEqual({ ...(await readInThisThread(where, source, {})), index: undefined });
      const inWorker = readSnapshotJson(read.text) as LibrarySnapshot;
      // Every runbook of the folder, read from the commit.
      expect(read.text).toBe((await readInThisThread('runbooks', source, {})).text.replace(/"problems":\[[^\]]*\]/, `"problems":${JSON.stringify(inWorker.problems)}`));
      expect(inWorker.problems).toContainEqual({ path: 'linked.md', reason: 'symbolic link refused: links are not read from a synced repository', level: 'error' });
    } finally {
      await repo.remove();
    }
  });

  it('counts the search index after handing over the snapshot, and it finds what the window would', async () => {
    const read = await createWorkerReader(workerFile)('runbooks', source, {});
    const snapshot = readSnapshotJson(read.text) as LibrarySnapshot;
    const index: unknown = JSON.parse(await read.index);
    expect(isSearchIndexFor(index, snapshot.version)).toBe(true);
    const counted = SearchEngine.load(index as SerializedSearchIndex);
    const built = SearchEngine.build(snapshot.version, snapshot.runbooks);
    for (const query of ['postgres failover', 'certificate expired', 'disk full']) {
      expect(counted.search(query).map((hit) => hit.summary.id)).toEqual(built.search(query).map((hit) => hit.summary.id));
    }
    expect(counted.search('postgres failover').length).toBeGreaterThan(0);
    expect(await read.index).toEqual(await (await readInThisThread('runbooks', source, {})).index);
  });

  it('reads the same library with threads readied ahead, once; a released read has no thread left to read with', async () => {
    const reader = createWorkerReader(workerFile);
    const prepared = reader.prepare!();
    const read = await prepared.read('runbooks', source, {});
    expect({ ...read, index: undefined }).toEqual({ ...(await readInThisThread('runbooks', source, {})), index: undefined });
    expect(JSON.parse(await read.index)).toMatchObject({ version: (readSnapshotJson(read.text) as LibrarySnapshot).version });
    await expect(prepared.read('runbooks', source, {})).rejects.toThrow(/reads once/);
    const released = reader.prepare!();
    released.release();
    await expect(released.read('runbooks', source, {})).rejects.toThrow(/the library reader stopped/);
  });

  it('rejects with the reason when the folder cannot be read', async () => {
    await expect(createWorkerReader(workerFile)(path.join(folder, 'missing'), source, {})).rejects.toThrow(/ENOENT/);
  });
});
