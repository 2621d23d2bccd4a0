import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLibraryAt, readLibraryFolder } from '../../../../electron/library-loader';
import { GitObjects, GitObjectsError, MAX_OBJECT_BYTES } from '../../../../electron/sync/git-objects';
import { DEFAULT_LIMITS } from '../../../../shared/limits';
import { gitAvailable, runbook } from '../../../support/git-fixtures';

// The sync reads a commit's files from the repository's objects (no work tree): every object must
// read back exactly as git stores it, packed (deltas by offset or by id, several packs) or loose;
// a damaged or hostile pack must give a GitObjectsError, never other text, a hang or a huge
// allocation; and the library walk over a commit must read what the walk over its checkout reads.

const run = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.invalid' },
  });

/** Every object of the repository as git itself gives it: id, type and raw content. */
function objectsByGit(dir: string): { oid: string; type: string; data: Buffer }[] {
  const ids = run(dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname)').toString().trim().split('\n');
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: dir, input: `${ids.join('\n')}\n`, maxBuffer: 256 * 1024 * 1024 });
  const objects: { oid: string; type: string; data: Buffer }[] = [];
  for (let at = 0; at < out.length; ) {
    const newline = out.indexOf(0x0a, at);
    const [oid, type, size] = out.toString('latin1', at, newline).split(' ');
    const data = out.subarray(newline + 1, newline + 1 + Number(size));
    objects.push({ oid, type, data });
    at = newline + 1 + Number(size) + 1;
  }
  return objects;
}

// Similar runbooks, so that git stores most as deltas of one another; one large, one not ASCII.
const FILES: Record<string, string> = {
  ...Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`team/r${index}.md`, runbook(`Restart worker ${index}`, `\nCheck queue ${index} drains.\n${'Watch the lag graph.\n'.repeat(40 + index)}`)])),
  'big/archive.md': runbook('Archive', 'A long procedure line with a number 12345 in it.\n'.repeat(5000)),
  'intl/zurich.md': runbook('Zürich failover ✅', '\nÉtape: vérifier la réplique — 東京 as well.\n'),
};

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'failsafe-objects-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function repoWith(files: Record<string, string | { symlink: string }>, name = 'repo'): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  run(dir, 'init', '--quiet', '--initial-branch=main');
  for (const [file, spec] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    if (typeof spec === 'string') writeFileSync(path.join(dir, file), spec);
    else symlinkSync(spec.symlink, path.join(dir, file));
  }
  run(dir, 'add', '--all');
  run(dir, 'commit', '--quiet', '-m', 'library');
  return dir;
}

function expectAllRead(dir: string): void {
  const objects = new GitObjects(path.join(dir, '.git'));
  try {
    const all = objectsByGit(dir);
    expect(all.length).toBeGreaterThan(30);
    for (const { oid, type, data } of all) {
      const read = objects.read(oid);
      expect(read.type, oid).toBe(type);
      expect(read.data.equals(data), `${type} ${oid}`).toBe(true);
      expect(objects.size(oid)).toBe(data.length);
    }
  } finally {
    objects.close();
  }
}

const packFiles = (dir: string) => readdirSync(path.join(dir, '.git', 'objects', 'pack')).filter((name) => name.endsWith('.pack'));

if (!gitAvailable()) it.skip('reading real repositories’ objects needs git installed (it makes and packs them); it is not installed on this machine', () => undefined);
else describe('reading a repository’s objects', () => {
  it('reads loose objects as git stores them', () => {
    const dir = repoWith(FILES);
    expect(packFiles(dir)).toEqual([]);
    expectAllRead(dir);
  });

  it('reads a pack of deltas by offset, deep chains included', () => {
    // Each file shares most lines with the one before it, so git chains their deltas.
    const sliding = Object.fromEntries(
      Array.from({ length: 30 }, (_, file) => [`slide/s${file}.md`, `# Restart worker\n${Array.from({ length: 40 }, (_, line) => `Step ${file + line}: watch the lag of queue ${file + line}.\n`).join('')}`]),
    );
    const dir = repoWith({ ...FILES, ...sliding });
    run(dir, 'repack', '-a', '-d', '-f', '--depth=60', '--window=60', '--quiet');
    const stats = run(dir, 'verify-pack', '-v', path.join('.git', 'objects', 'pack', packFiles(dir)[0])).toString();
    expect(stats).toMatch(/chain length = (\d\d|[5-9])/);
    expectAllRead(dir);
  });

  it('reads a pack of deltas by id, and objects spread over several packs', () => {
    const dir = repoWith(FILES);
    run(dir, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-a', '-d', '-f', '--quiet');
    writeFileSync(path.join(dir, 'team', 'r0.md'), `${FILES['team/r0.md']}\nOne more check.\n`);
    run(dir, 'commit', '--quiet', '-am', 'more');
    run(dir, 'repack', '-d', '--quiet');
    expect(packFiles(dir).length).toBe(2);
    expectAllRead(dir);
  });

  it('gives a GitObjectsError for any damage to a pack, never other text or another error', () => {
    const dir = repoWith(FILES);
    run(dir, 'repack', '-a', '-d', '-f', '--quiet');
    const packFile = path.join(dir, '.git', 'objects', 'pack', packFiles(dir)[0]);
    const original = readFileSync(packFile);
    const all = objectsByGit(dir);
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }), fc.option(fc.nat()), (changes, cut) => {
        const damaged = Buffer.from(original);
        for (const { at, byte } of changes) damaged[at % damaged.length] = byte;
        writeFileSync(packFile, cut === null ? damaged : damaged.subarray(0, cut % damaged.length));
        const objects = new GitObjects(path.join(dir, '.git'));
        try {
          for (const { oid, data } of all) {
            try {
              expect(objects.read(oid).data.equals(data)).toBe(true);
            } catch (error) {
              expect(error).toBeInstanceOf(GitObjectsError);
            }
          }
        } finally {
          objects.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a file too large by its size, loose or packed, and reads the rest', async () => {
    const huge = `# Huge\n${'0'.repeat(MAX_OBJECT_BYTES + 1024)}`;
    const dir = repoWith({ 'a.md': runbook('Small'), 'huge.md': huge });
    const commit = run(dir, 'rev-parse', 'HEAD').toString().trim();
    const hugeId = run(dir, 'rev-parse', 'HEAD:huge.md').toString().trim();
    for (const packed of [false, true]) {
      if (packed) run(dir, 'repack', '-a', '-d', '--quiet');
      expect(packFiles(dir).length).toBe(packed ? 1 : 0);
      const objects = new GitObjects(path.join(dir, '.git'));
      expect(objects.size(hugeId)).toBe(huge.length);
      expect(() => objects.read(hugeId)).toThrow(GitObjectsError);
      objects.close();
      const read = await readLibraryAt({ gitdir: path.join(dir, '.git'), commit, subfolder: '' });
      expect(read.files.map((file) => file.path)).toEqual(['a.md']);
      expect(read.problems).toEqual([{ path: 'huge.md', reason: `file is ${huge.length} bytes, over the ${DEFAULT_LIMITS.maxFileBytes}-byte limit`, level: 'error' }]);
    }
  });

  it('walks a commit as it walks the commit’s checkout: links refused, odd names, hidden and oversized files listed', async () => {
    const dir = repoWith({
      ...FILES,
      'ops/link.md': { symlink: '../team/r1.md' },
      'ops/..\\..\\escape.md': '# Escape',
      '.github/notes.md': '# Hidden',
      'rules/alerts.yaml': 'groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up == 0\n',
      'assets/diagram.png': 'not really a png',
      'README.md': '',
    });
    // A submodule: the system git checks out an empty folder, the commit records a link to another commit.
    run(dir, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/tools`);
    run(dir, 'commit', '--quiet', '-m', 'submodule');
    const commit = run(dir, 'rev-parse', 'HEAD').toString().trim();
    const options = { limits: { ...DEFAULT_LIMITS, maxFileBytes: 50_000 }, followLinks: false };
    const fromCommit = await readLibraryAt({ gitdir: path.join(dir, '.git'), commit, subfolder: '' }, options);
    rmSync(path.join(dir, '.git', 'modules'), { recursive: true, force: true });
    mkdirSync(path.join(dir, 'vendor', 'tools'), { recursive: true });
    const fromFolder = await readLibraryFolder(dir, options);
    expect(fromCommit).toEqual(fromFolder);
    expect(fromCommit.problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(['ops/link.md', 'ops/..\\..\\escape.md', '.github', 'big/archive.md']));
    const sub = await readLibraryAt({ gitdir: path.join(dir, '.git'), commit, subfolder: 'team' }, options);
    expect(sub.files.map((file) => file.path)).toHaveLength(30);
  });
});

describe('a hostile pack', () => {
  /** A pack of these entries (raw header and data bytes) with a version 2 index naming them by the ids given. */
  function writePack(entries: { oid: string; bytes: Buffer }[]): string {
    const gitdir = path.join(root, '.git');
    const folder = path.join(gitdir, 'objects', 'pack');
    mkdirSync(folder, { recursive: true });
    const head = Buffer.alloc(12);
    head.write('PACK', 0, 'latin1');
    head.writeUInt32BE(2, 4);
    head.writeUInt32BE(entries.length, 8);
    const offsets: number[] = [];
    let size = 12;
    for (const entry of entries) {
      offsets.push(size);
      size += entry.bytes.length;
    }
    writeFileSync(path.join(folder, 'pack-test.pack'), Buffer.concat([head, ...entries.map((entry) => entry.bytes), Buffer.alloc(20)]));
    const sorted = entries.map((entry, index) => ({ oid: entry.oid, offset: offsets[index] })).sort((a, b) => (a.oid < b.oid ? -1 : 1));
    const fanout = Buffer.alloc(256 * 4);
    for (let byte = 0; byte < 256; byte++) fanout.writeUInt32BE(sorted.filter((entry) => parseInt(entry.oid.slice(0, 2), 16) <= byte).length, byte * 4);
    const ids = Buffer.concat(sorted.map((entry) => Buffer.from(entry.oid, 'hex')));
    const offsetTable = Buffer.alloc(sorted.length * 4);
    sorted.forEach((entry, index) => offsetTable.writeUInt32BE(entry.offset, index * 4));
    const index = Buffer.concat([Buffer.from([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]), fanout, ids, Buffer.alloc(sorted.length * 4), offsetTable, Buffer.alloc(40)]);
    writeFileSync(path.join(folder, 'pack-test.idx'), index);
    return gitdir;
  }
  const varint = (value: number) => {
    const bytes: number[] = [];
    do {
      bytes.push((value & 0x7f) | (value >= 0x80 ? 0x80 : 0));
      value = Math.floor(value / 128);
    } while (value > 0);
    return Buffer.from(bytes);
  };
  /** An entry header: type and size, git's variable length. */
  const header = (type: number, size: number) => {
    const bytes = [((size > 15 ? 0x80 : 0) | (type << 4) | (size & 15)) & 0xff];
    for (let rest = Math.floor(size / 16); rest > 0; rest = Math.floor(rest / 128)) bytes.push((rest & 0x7f) | (rest >= 128 ? 0x80 : 0));
    return Buffer.from(bytes);
  };
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);

  it('refuses a delta that claims a result of gigabytes, without making it', () => {
    const delta = Buffer.concat([varint(1), varint(2 ** 33), Buffer.from([0x91, 0, 1])]);
    const base = Buffer.concat([header(3, 1), zlib.deflateSync(Buffer.from('a'))]);
    const gitdir = writePack([
      { oid: A, bytes: base },
      // Its base is the entry just before it.
      { oid: B, bytes: Buffer.concat([header(6, delta.length), Buffer.from([base.length]), zlib.deflateSync(delta)]) },
    ]);
    const objects = new GitObjects(gitdir);
    expect(() => objects.read(B)).toThrow(`delta result is ${2 ** 33} bytes, over the ${MAX_OBJECT_BYTES}-byte limit`);
    expect(objects.size(B)).toBe(2 ** 33);
    objects.close();
  });

  it('refuses an object whose header claims more than the limit, and one that inflates past its size', () => {
    const small = zlib.deflateSync(Buffer.alloc(1000));
    const gitdir = writePack([
      { oid: A, bytes: Buffer.concat([header(3, MAX_OBJECT_BYTES + 1), small]) },
      { oid: B, bytes: Buffer.concat([header(3, 10), small]) },
    ]);
    const objects = new GitObjects(gitdir);
    expect(() => objects.read(A)).toThrow(/over the .*-byte limit/);
    expect(() => objects.read(B)).toThrow(GitObjectsError);
    objects.close();
  });

  it('stops a chain of deltas that names itself as its base', () => {
    const delta = Buffer.concat([varint(1), varint(1), Buffer.from([1, 0x61])]);
    const gitdir = writePack([{ oid: A, bytes: Buffer.concat([header(7, delta.length), Buffer.from(A, 'hex'), zlib.deflateSync(delta)]) }]);
    const objects = new GitObjects(gitdir);
    expect(() => objects.read(A)).toThrow(/a chain of more than/);
    objects.close();
  });

  it('says which object is missing, and refuses what is not an object id', () => {
    const gitdir = writePack([{ oid: A, bytes: Buffer.concat([header(3, 1), zlib.deflateSync(Buffer.from('a'))]) }]);
    const objects = new GitObjects(gitdir);
    expect(() => objects.read(B)).toThrow(`object ${B} is not in the repository`);
    expect(() => objects.read('../../etc/passwd')).toThrow(/not an object id/);
    // Its content is not what its id says: refused, not given back.
    expect(() => objects.read(A)).toThrow(/does not match its id/);
    objects.close();
    copyFileSync(path.join(gitdir, 'objects', 'pack', 'pack-test.idx'), path.join(gitdir, 'objects', 'pack', 'pack-other.idx'));
    writeFileSync(path.join(gitdir, 'objects', 'pack', 'pack-other.idx'), 'not an index');
    expect(() => new GitObjects(gitdir)).toThrow(/not a version 2 pack index/);
  });
});
