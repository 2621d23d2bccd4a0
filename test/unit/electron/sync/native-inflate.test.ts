import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import git from 'isomorphic-git';
import pako from 'pako';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGitHttpClient } from '../../../../electron/sync/git-http-client';
import { createIsomorphicGitTransport } from '../../../../electron/sync/isomorphic-git-transport';
import { inflateWithNodeZlib } from '../../../../electron/sync/native-inflate';
import { FixtureRepo, gitAvailable, runbook } from '../../../support/git-fixtures';
import { startGitServer, type GitServer } from '../../../support/git-http-server';

// The built-in transport has isomorphic-git inflate with Node's zlib instead of pako (speed): the
// objects of a pack it fetched must still be exactly what was committed, deltas included, and
// corrupt objects must still fail rather than yield text.

// Similar runbooks, so git packs most of them as deltas of one another; one large, one not ASCII.
const files: Record<string, string> = {
  ...Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`team/r${index}.md`, runbook(`Restart worker ${index}`, `\nCheck queue ${index} drains.\n${'Watch the lag graph.\n'.repeat(50)}`)])),
  'big/archive.md': runbook('Archive', `${'A long procedure line with a number 12345 in it.\n'.repeat(6000)}`),
  'intl/zurich.md': runbook('Zürich failover ✅', '\nÉtape: vérifier la réplique — 東京 as well.\n'),
};

// How isomorphic-git's pack indexing drives pako's streaming Inflate: push chunks until `result`,
// then the next object starts `strm.avail_in` bytes before the end of the last chunk.
function inflateStream(chunks: Uint8Array[]): { result?: Uint8Array; rest: number; err: number } {
  const inflater = new pako.Inflate();
  for (const chunk of chunks) {
    inflater.push(chunk, false);
    if (inflater.err || inflater.result) break;
  }
  return { result: inflater.result, rest: inflater.strm.avail_in, err: inflater.err };
}

describe('the streaming inflater a fetched pack is indexed with', () => {
  inflateWithNodeZlib();

  it('finds where an object ends and the next begins, however the pack is cut into chunks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 4 }), (content, next, cuts) => {
        const pack = Buffer.concat([zlib.deflateSync(content), next]);
        const points = [...new Set(cuts.map((cut) => cut % (pack.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, index, all) => pack.subarray(from, all[index + 1] ?? pack.length)).filter((chunk) => chunk.length);
        const { result, rest, err } = inflateStream(chunks);
        expect(err).toBe(0);
        expect(Buffer.from(result ?? [])).toEqual(Buffer.from(content));
        // The chunk the stream ended in, less what lies past the end, is where the next object starts.
        const ended = chunks.findIndex((_, index) => chunks.slice(0, index + 1).reduce((sum, chunk) => sum + chunk.length, 0) >= pack.length - next.length);
        const end = chunks.slice(0, ended + 1).reduce((sum, chunk) => sum + chunk.length, 0) - rest;
        expect(end).toBe(pack.length - next.length);
      }),
    );
  });

  it('reports damaged or cut-off data as an error or no result, never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 5_000 }), { maxLength: 4 }), (chunks) => {
        const { result, err } = inflateStream(chunks);
        if (err === 0 && result) expect(zlib.inflateSync(Buffer.concat(chunks))).toEqual(Buffer.from(result));
      }),
    );
    const good = zlib.deflateSync(Buffer.from('a runbook'));
    expect(inflateStream([Buffer.from('not zlib at all')]).err).not.toBe(0);
    expect(inflateStream([good.subarray(0, good.length - 4)]).result).toBeUndefined();
  });
});

if (!gitAvailable()) {
  it.skip('inflating a real fetch needs git installed (the test server is git http-backend); it is not installed on this machine', () => undefined);
} else {
  describe('the built-in transport inflating with Node zlib', () => {
    let root: string;
    let server: GitServer;
    let repo: FixtureRepo;
    const http = createGitHttpClient(5_000);

    beforeEach(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'failsafe-inflate-'));
      repo = await FixtureRepo.create(root, 'library', files);
      server = await startGitServer({ root });
    });

    afterEach(async () => {
      vi.restoreAllMocks();
      await server.kill();
      await repo.remove();
      await rm(root, { recursive: true, force: true });
    });

    it('indexes a fetched pack through Node zlib: every file then reads back byte for byte as committed', async () => {
      const inflate = vi.spyOn(zlib, 'inflateSync');
      const dir = path.join(root, 'clone');
      const checkedOut = await createIsomorphicGitTransport(http).clone(dir, { url: server.url('library'), branch: '', onProgress: () => undefined });
      expect(checkedOut.commit).toBe(repo.head());
      // Indexing the pack inflated every object once.
      expect(inflate.mock.calls.length).toBeGreaterThanOrEqual(Object.keys(files).length);
      for (const [file, text] of Object.entries(files)) {
        const { blob } = await git.readBlob({ fs, dir, oid: checkedOut.commit, filepath: file });
        expect(Buffer.from(blob).toString('utf8'), file).toBe(text);
      }
    });

    it('fails on a corrupt object instead of giving back text', async () => {
      const dir = path.join(root, 'clone');
      await createIsomorphicGitTransport(http).clone(dir, { url: server.url('library'), branch: '', onProgress: () => undefined });
      // A loose object is read before the pack: put a damaged one where a real blob's id points.
      const { blobs } = await blobIds(dir);
      const oid = blobs[0];
      const loose = path.join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
      await mkdir(path.dirname(loose), { recursive: true });
      const good = zlib.deflateSync(Buffer.from('blob 5\0hello'));
      await writeFile(loose, Buffer.concat([good.subarray(0, 6), Buffer.from('damaged bytes'), good.subarray(6)]));
      await expect(git.readBlob({ fs, dir, oid })).rejects.toThrow();
    });
  });
}

async function blobIds(dir: string): Promise<{ blobs: string[] }> {
  const blobs: string[] = [];
  await git.walk({
    fs,
    dir,
    trees: [git.TREE({ ref: 'HEAD' })],
    map: async (_path, [entry]) => {
      if (entry && (await entry.type()) === 'blob') blobs.push(await entry.oid());
      return true;
    },
  });
  return { blobs };
}
