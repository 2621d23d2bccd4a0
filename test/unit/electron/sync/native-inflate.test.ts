import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGitHttpClient } from '../../../../electron/sync/git-http-client';
import { createIsomorphicGitTransport } from '../../../../electron/sync/isomorphic-git-transport';
import { FixtureRepo, gitAvailable, runbook } from '../../../support/git-fixtures';
import { startGitServer, type GitServer } from '../../../support/git-http-server';

// The built-in transport has isomorphic-git inflate with Node's zlib instead of pako (speed): the
// files it checks out must still be exactly what was committed, deltas included, and corrupt
// objects must still fail rather than yield text.

// Similar runbooks, so git packs most of them as deltas of one another; one large, one not ASCII.
const files: Record<string, string> = {
  ...Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`team/r${index}.md`, runbook(`Restart worker ${index}`, `\nCheck queue ${index} drains.\n${'Watch the lag graph.\n'.repeat(50)}`)])),
  'big/archive.md': runbook('Archive', `${'A long procedure line with a number 12345 in it.\n'.repeat(6000)}`),
  'intl/zurich.md': runbook('Zürich failover ✅', '\nÉtape: vérifier la réplique — 東京 as well.\n'),
};

if (!gitAvailable()) {
  it.skip('needs git installed (the test server is git http-backend)', () => undefined);
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

    it('checks out every file byte for byte as committed, through Node zlib', async () => {
      const inflate = vi.spyOn(zlib, 'inflateSync');
      const dir = path.join(root, 'clone');
      const checkedOut = await createIsomorphicGitTransport(http).clone(dir, { url: server.url('library'), branch: '', onProgress: () => undefined });
      expect(checkedOut.commit).toBe(repo.head());
      for (const [file, text] of Object.entries(files)) expect(await readFile(path.join(dir, file), 'utf8'), file).toBe(text);
      // At least one inflate per file read and one for each tree on the way.
      expect(inflate.mock.calls.length).toBeGreaterThanOrEqual(Object.keys(files).length);
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
