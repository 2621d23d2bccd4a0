import { build } from 'esbuild';
import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLibraryFolder } from '../../../electron/library-loader';
import { createWorkerReader, readInThisThread } from '../../../electron/library-reader';
import { cutIntoShards } from '../../../electron/parse-shards';
import { finishLibrary, joinLibraryShards, parseLibrary, parseLibraryFiles, type LibraryFile } from '../../../shared/library/library-parser';
import type { LibraryProblem, LibrarySnapshot } from '../../../shared/model';
import { syntheticRunbookFiles } from '../../bench/synthetic-library';

// A large synced library is parsed in shards, side by side in worker threads, and joined: what the
// responder gets must be exactly what one parse of all the files gives, whatever the cut.

const source = { kind: 'git', commit: 'c'.repeat(40), committedAt: '2026-11-20T10:00:00Z', syncedAt: '2026-11-23T08:00:00Z' } as const;
const byPath = (a: LibraryFile, b: LibraryFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Files whose meaning depends on others: the same id twice, team files read, unreadable or absent, a templates/ README alone. */
const TRICKY: LibraryFile[] = [
  { path: 'a-first.md', text: '---\nid: same\n---\n# The first of two with one id\n\n1. Keep me.\n' },
  { path: 'z-last.md', text: '---\nid: same\n---\n# The second of two with one id\n\n1. Drop me.\n' },
  { path: 'oncall.yml', text: 'people:\n  - { name: Ada Quill, role: Primary on-call }\n' },
  { path: 'oncall.yaml', text: 'people: [oops\n' },
  { path: 'severity.yaml', text: 'levels:\n  - { id: SEV1, name: Critical, response_time: 15 minutes }\n' },
  { path: 'templates/README.md', text: '# Templates\n' },
  { path: 'templates/status.md', text: '---\ntitle: Status update\n---\nWe are looking into {{what}}.' },
  { path: 'notes/freeze.md', text: '---\ntitle: Deploys are frozen\npinned: true\n---\nNo deploys this week.' },
  { path: 'notes/freeze-again.md', text: '---\nid: notes/freeze\ntitle: Same id\n---\nA second note with the first one\'s id.' },
  { path: 'db/broken-front-matter.md', text: '---\ntitle: [unclosed\n---\n# Broken\n' },
  { path: 'db/params.md', text: '---\nparams:\n  - { name: 1bad }\n---\n# With a bad parameter\n\n1. Run `echo <host>`\n' },
  { path: 'db/_index.md', text: '---\ntitle: Section index\n---\n' },
];
const EARLIER: LibraryProblem[] = [
  { path: '.hidden.md', reason: 'skipped: the name starts with a dot', level: 'skipped' },
  { path: 'severity.yml', reason: 'symbolic link refused', level: 'error' },
];

let pool: LibraryFile[];
let folder: string;
let workerFile: string;

beforeAll(async () => {
  const folders = await Promise.all(['runbooks', 'test/fixtures/broken-library', 'test/fixtures/foreign'].map((root) => readLibraryFolder(root)));
  pool = [...folders.flatMap((read, index) => read.files.map((file) => ({ ...file, path: `${index}/${file.path}` }))), ...TRICKY].sort(byPath);
  folder = await mkdtemp(path.join(tmpdir(), 'failsafe-shards-'));
  workerFile = path.join(folder, 'parse-worker.cjs');
  // As scripts/build-electron.mjs bundles it for the desktop app.
  await build({ entryPoints: ['electron/parse-worker.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerFile, logLevel: 'warning' });
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Parsed in consecutive runs cut at `cuts`, the earlier problems with the first, then joined and finished. */
function parsedInShards(files: LibraryFile[], cuts: number[], earlier: LibraryProblem[]): LibrarySnapshot {
  const sorted = [...files].sort(byPath);
  const edges = [0, ...[...new Set(cuts)].sort((a, b) => a - b), sorted.length];
  const shards = edges.slice(1).map((end, index) => sorted.slice(edges[index], end));
  return finishLibrary(joinLibraryShards(shards.map((shard, index) => parseLibraryFiles(shard, source, index === 0 ? earlier : [], undefined))));
}

describe('a library parsed in shards', () => {
  it('is the library parsed whole, for any files and any cuts: duplicates, team files and problems included', () => {
    const library = fc
      .subarray(pool.map((_, index) => index), { minLength: 1 })
      .chain((picked) => fc.tuple(fc.constant(picked.map((index) => pool[index])), fc.array(fc.nat(picked.length), { maxLength: 4 }), fc.boolean()));
    fc.assert(
      fc.property(library, ([files, cuts, withEarlier]) => {
        const earlier = withEarlier ? EARLIER : [];
        expect(parsedInShards(files, cuts, earlier)).toEqual(parseLibrary(files, source, earlier));
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  it('keeps the first of two runbooks with one id when they fall in different shards, and says so', () => {
    const files = TRICKY.filter((file) => file.path === 'a-first.md' || file.path === 'z-last.md');
    const snapshot = parsedInShards(files, [1], []);
    expect(snapshot.runbooks.map((runbook) => runbook.title)).toEqual(['The first of two with one id']);
    expect(snapshot.problems).toEqual([{ path: 'z-last.md', reason: 'id "same" is already used by a-first.md', level: 'error' }]);
  });

  it('cuts the path-sorted files into consecutive runs of about equal size, no more than the threads, one for a small library', () => {
    const files = Object.entries(syntheticRunbookFiles(1300)).map(([file, text]) => ({ path: file, text })).sort(byPath);
    const shards = cutIntoShards(files, 3);
    expect(shards).toHaveLength(3);
    expect(shards.flat()).toEqual(files);
    const sizes = shards.map((shard) => shard.reduce((sum, file) => sum + file.text.length, 0));
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeLessThan(1.1);
    expect(cutIntoShards(files.slice(0, 100), 3)).toEqual([files.slice(0, 100)]);
    expect(cutIntoShards([], 4)).toEqual([[]]);
  });

  it('in worker threads gives what one parse in this thread gives', async () => {
    const root = path.join(folder, 'library');
    const files = { ...syntheticRunbookFiles(1300), ...Object.fromEntries(TRICKY.map((file) => [file.path, file.text])) };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    const options = { refused: new Map([['db/params.md', 'symbolic link refused']]), followLinks: false };
    const read = (await readLibraryFolder(root, options)).files.sort(byPath);
    // Big enough to be shared among three threads.
    expect(cutIntoShards(read, 3)).toHaveLength(3);
    const inWorkers = await createWorkerReader(workerFile, 3)(root, source, options);
    const here = await readInThisThread(root, source, options);
    expect({ ...inWorkers, index: undefined }).toEqual({ ...here, index: undefined });
    expect(await inWorkers.index).toEqual(await here.index);
    expect(inWorkers.runbooks).toBeGreaterThan(1300);
    // One thread parses in batches, each counted as it is read; the second "same" comes in the
    // last batch, and the index leaves it out as the snapshot does.
    const oneThread = await createWorkerReader(workerFile, 1)(root, source, options);
    expect({ ...oneThread, index: undefined }).toEqual({ ...here, index: undefined });
    expect(await oneThread.index).toEqual(await here.index);
    expect(JSON.parse(await oneThread.index).summaries.filter((summary: { id: string }) => summary.id === 'same')).toEqual([expect.objectContaining({ title: 'The first of two with one id' })]);
  }, 60_000);
});
