import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHttpClient } from '../../../../electron/sync/git-http-client';
import type { GitTransport } from '../../../../electron/sync/git-transport';
import { createIsomorphicGitTransport } from '../../../../electron/sync/isomorphic-git-transport';
import { createSettingsFile } from '../../../../electron/sync/settings-file';
import { SyncService } from '../../../../electron/sync/sync-service';
import { readInThisThread, type LibraryReader, type ReadLibrary } from '../../../../electron/library-reader';
import { readSyncState, writeSyncState } from '../../../../electron/sync/sync-state';
import { createSystemGitTransport } from '../../../../electron/sync/system-git-transport';
import { createTokenVault, type Cipher } from '../../../../electron/sync/token-vault';
import { DEFAULT_LIMITS } from '../../../../shared/limits';
import type { LibrarySnapshot } from '../../../../shared/model';
import { DEFAULT_SYNC_SETTINGS, type SyncResult, type SyncSettings } from '../../../../shared/sync/sync-contract';
import { readSnapshotJson } from '../../../../shared/sync/snapshot-json';
import { FixtureRepo, gitAvailable, runbook } from '../../../support/git-fixtures';
import { startGitServer, type GitServer, type GitServerOptions } from '../../../support/git-http-server';

// A stand-in for safeStorage: reversible, and visibly not the plain token on disk.
const testCipher: Cipher = {
  available: () => true,
  encrypt: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  decrypt: (data) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
};

const transports: [string, () => GitTransport][] = [
  ['isomorphic-git', () => createIsomorphicGitTransport(createGitHttpClient(5_000))],
  ['system git', () => createSystemGitTransport()],
];

function snapshotOf(result: SyncResult): LibrarySnapshot {
  if (!result.ok) throw new Error(`sync failed: ${result.error.message}`);
  if (result.unchanged) throw new Error('sync reported no change');
  const snapshot = readSnapshotJson(result.snapshot.text) as LibrarySnapshot;
  // What main itself reads of it (the count for the handle, the problems for a refusal) agrees with the text.
  expect(result.snapshot.runbooks).toBe(snapshot.runbooks.length);
  expect(result.snapshot.problems).toEqual(snapshot.problems);
  return snapshot;
}

const titles = (snapshot: LibrarySnapshot) => snapshot.runbooks.map((item) => item.title).sort();

if (!gitAvailable()) {
  it.skip('Git sync integration tests need git installed (the test server is git http-backend); it is not installed on this machine', () => undefined);
} else {
  describe.each(transports)('Git sync over %s', (_name, makeTransport) => {
    let root: string;
    let dataDir: string;
    let server: GitServer;
    let repo: FixtureRepo;
    let service: SyncService;

    const configure = async (settings: Partial<SyncSettings>, token?: string | null) => {
      await createSettingsFile(path.join(dataDir, 'sync-settings.json')).write({ ...DEFAULT_SYNC_SETTINGS, ...settings });
      if (token !== undefined) await createTokenVault(path.join(dataDir, 'token.bin'), testCipher).set(token);
    };
    const newService = (limits = DEFAULT_LIMITS, readLibrary?: LibraryReader) => {
      const transport = makeTransport();
      service = new SyncService({
        dataDir,
        settings: createSettingsFile(path.join(dataDir, 'sync-settings.json')),
        vault: createTokenVault(path.join(dataDir, 'token.bin'), testCipher),
        transports: { [transport.name]: transport },
        limits,
        readLibrary,
      });
      return service;
    };
    const startServer = async (options: Partial<GitServerOptions> = {}) => {
      server = await startGitServer({ root, ...options });
      return server;
    };
    const transportName = () => (_name === 'system git' ? 'system-git' : 'isomorphic-git') as SyncSettings['transport'];

    beforeEach(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'failsafe-git-root-'));
      dataDir = await mkdtemp(path.join(tmpdir(), 'failsafe-userdata-'));
      repo = await FixtureRepo.create(root, 'team-runbooks', {
        'db/failover.md': runbook('Database failover'),
        'web/restart.md': runbook('Restart the web tier'),
        'cache/flush.md': runbook('Flush the cache'),
        'README.md': '# Our runbooks',
      });
      await startServer();
      await configure({ url: server.url('team-runbooks'), transport: transportName() });
      newService();
    });

    afterEach(async () => {
      await server.kill();
      await repo.remove();
      await rm(root, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    });

    it('first sync brings the whole library with its commit', async () => {
      const snapshot = snapshotOf(await service.run());
      expect(titles(snapshot)).toEqual(['Database failover', 'Flush the cache', 'Restart the web tier']);
      expect(snapshot.source).toMatchObject({ kind: 'git', commit: repo.head() });
      expect(await service.status()).toMatchObject({ running: false, lastSuccess: { commit: repo.head() } });
    });

    it('still names the last success after a relaunch, before any sync of the new run', async () => {
      await service.run();
      const before = await service.status();
      newService();
      expect((await service.status()).lastSuccess).toEqual(before.lastSuccess);
    });

    it('readies the reader while a first clone runs and reads with it; releases it when nothing is read', async () => {
      const calls: string[] = [];
      const recorded = (call: string): ReadLibrary => (...args) => (calls.push(call), readInThisThread(...args));
      const reader = Object.assign(recorded('read'), { prepare: () => (calls.push('prepare'), { read: recorded('prepared read'), release: () => void calls.push('release') }) });
      newService(DEFAULT_LIMITS, reader);
      expect(titles(snapshotOf(await service.run()))).toEqual(['Database failover', 'Flush the cache', 'Restart the web tier']);
      expect(calls).toEqual(['prepare', 'prepared read', 'release']);
      // An update fetches what changed: nothing is readied ahead.
      await repo.commit({ 'net/dns.md': runbook('DNS outage') }, 'update');
      calls.length = 0;
      expect(titles(snapshotOf(await service.run()))).toContain('DNS outage');
      expect(calls).toEqual(['read']);
      // A first clone that fails leaves no thread behind.
      await rm(path.join(dataDir, 'library-repo'), { recursive: true, force: true });
      await server.kill();
      calls.length = 0;
      expect((await service.run()).ok).toBe(false);
      expect(calls).toEqual(['prepare', 'release']);
    });

    it('a new commit that changes, adds and removes runbooks shows after the next sync', async () => {
      await service.run();
      await repo.commit({ 'db/failover.md': runbook('Database failover', '\nNow with a second check.\n'), 'net/dns.md': runbook('DNS outage'), 'cache/flush.md': null }, 'update');
      const snapshot = snapshotOf(await service.run());
      expect(titles(snapshot)).toEqual(['DNS outage', 'Database failover', 'Restart the web tier']);
      expect(snapshot.runbooks.find((item) => item.id === 'db/failover')?.body).toContain('Now with a second check.');
      expect(snapshot.source).toMatchObject({ commit: repo.head() });
    });

    it('follows a force-pushed, rewritten history', async () => {
      await service.run();
      const rewritten = await repo.rewrite({ 'only/this.md': runbook('After the rewrite') }, 'history rewritten');
      const snapshot = snapshotOf(await service.run());
      expect(titles(snapshot)).toEqual(['After the rewrite']);
      expect(snapshot.source).toMatchObject({ commit: rewritten });
    });

    it('reads only the configured subfolder', async () => {
      await repo.commit({ 'docs/runbooks/ops/deploy.md': runbook('Deploy from docs') }, 'docs');
      await configure({ url: server.url('team-runbooks'), transport: transportName(), subfolder: 'docs/runbooks' });
      const snapshot = snapshotOf(await service.run());
      expect(snapshot.runbooks.map((item) => item.id)).toEqual(['ops/deploy']);
    });

    it('says the library is unchanged when the renderer already has the commit', async () => {
      const first = snapshotOf(await service.run());
      const again = await service.run(first.source.kind === 'git' ? first.source.commit : undefined);
      expect(again).toEqual({ ok: true, unchanged: true });
    });

    it('clones afresh when the app was closed while an update was under way', async () => {
      await service.run();
      // What a cut-off update leaves: the "updating" mark still set, and a repository that cannot be
      // trusted (here, HEAD written half: updating that repository again would fail).
      const stateFile = path.join(dataDir, 'sync-state.json');
      await writeSyncState(stateFile, { ...(await readSyncState(stateFile))!, updating: true });
      await writeFile(path.join(dataDir, 'library-repo', '.git', 'HEAD'), 'ref: refs/hea');
      expect(titles(snapshotOf(await newService().run()))).toEqual(['Database failover', 'Flush the cache', 'Restart the web tier']);
      expect(await readSyncState(stateFile)).not.toHaveProperty('updating');
    });

    it('joins a sync already running instead of starting a second one', async () => {
      const first = service.run();
      expect(service.run()).toBe(first);
      expect((await first).ok).toBe(true);
    });

    it('with the server down, fails within seconds with an offline message and keeps what it had', async () => {
      await service.run();
      await server.kill();
      const started = Date.now();
      const result = await service.run();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(result).toMatchObject({ ok: false, error: { kind: 'offline', message: expect.stringMatching(/did not answer.*unchanged/) } });
      expect((await service.status()).lastError?.kind).toBe('offline');
      await startServer({ port: server.port });
      expect(titles(snapshotOf(await service.run()))).toHaveLength(3);
    });

    it('cleans up after the server dies in the middle of a clone, and the next sync succeeds', async () => {
      await repo.commit(Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`bulk/r${index}.md`, runbook(`Bulk ${index}`, 'x'.repeat(4000 + index))])), 'bulk');
      await server.kill();
      const port = server.port;
      await startServer({ port, dieAfterPackBytes: 2_000 });
      const result = await service.run();
      expect(result.ok).toBe(false);
      expect((await readdir(dataDir)).filter((name) => name.startsWith('library-repo'))).toEqual([]);
      await server.kill();
      await startServer({ port });
      expect(snapshotOf(await service.run()).runbooks).toHaveLength(63);
    });

    it('keeps the library and recovers when the server dies in the middle of an update', async () => {
      await service.run();
      await repo.commit(Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`bulk/r${index}.md`, runbook(`Bulk ${index}`, 'y'.repeat(4000 + index))])), 'bulk');
      await server.kill();
      const port = server.port;
      await startServer({ port, dieAfterPackBytes: 2_000 });
      expect((await service.run()).ok).toBe(false);
      await server.kill();
      await startServer({ port });
      expect(snapshotOf(await service.run()).runbooks).toHaveLength(63);
    });

    it('removes a clone left half-written by a closed app before syncing', async () => {
      await mkdir(path.join(dataDir, 'library-repo.partial-deadbeef', 'objects'), { recursive: true });
      await writeFile(path.join(dataDir, 'library-repo.partial-deadbeef', 'objects', 'junk'), 'x');
      expect(titles(snapshotOf(await service.run()))).toHaveLength(3);
      expect((await readdir(dataDir)).filter((entry) => entry.startsWith('library-repo'))).toEqual(['library-repo']);
    });

    it('refuses a symlink leaving the repo, a ../ symlink and an oversized file, and imports the rest', async () => {
      await repo.commit({ 'evil/passwd.md': { symlink: '/etc/passwd' }, 'evil/up.md': { symlink: '../../../outside.md' }, 'big/huge.md': `# Huge\n${'x'.repeat(3000)}` }, 'hostile content');
      const snapshot = snapshotOf(await newService({ ...DEFAULT_LIMITS, maxFileBytes: 2048 }).run());
      expect(titles(snapshot)).toEqual(['Database failover', 'Flush the cache', 'Restart the web tier']);
      expect(snapshot.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'evil/passwd.md', reason: expect.stringMatching(/symbolic link refused/) }),
          expect.objectContaining({ path: 'evil/up.md', reason: expect.stringMatching(/symbolic link refused/) }),
          expect.objectContaining({ path: 'big/huge.md', reason: expect.stringMatching(/over the 2048-byte limit/) }),
        ]),
      );
    });

    it('refuses every symbolic link Git records, at any depth, and nothing else', async () => {
      await repo.commit({ 'top.md': { symlink: 'db/failover.md' }, 'a/b/c/deep.md': { symlink: '../../../web/restart.md' }, 'a/b/plain.md': runbook('Plain') }, 'links');
      const snapshot = snapshotOf(await service.run());
      const refused = snapshot.problems.filter((problem) => /symbolic link refused/.test(problem.reason)).map((problem) => problem.path);
      expect(refused.sort()).toEqual(['a/b/c/deep.md', 'top.md']);
      expect(titles(snapshot)).toContain('Plain');
    });

    it('refuses a subfolder that is a link out of the repository, and a folder link on the way, and reads nothing there', async () => {
      const outside = path.join(root, 'outside');
      await mkdir(path.join(outside, 'runbooks'), { recursive: true });
      await writeFile(path.join(outside, 'secret.md'), '# Secret from elsewhere on the disk');
      await writeFile(path.join(outside, 'runbooks', 'secret.md'), '# Another secret');
      await repo.commit({ linked: { symlink: outside }, via: { symlink: outside } }, 'links out');

      await configure({ url: server.url('team-runbooks'), transport: transportName(), subfolder: 'linked' });
      const direct = await service.run();
      expect(direct).toMatchObject({
        ok: false,
        error: { kind: 'content-refused', message: expect.stringMatching(/"linked" is a symbolic link.*nothing outside the repository/), problems: [expect.objectContaining({ path: 'linked' })] },
      });

      await configure({ url: server.url('team-runbooks'), transport: transportName(), subfolder: 'via/runbooks' });
      const onTheWay = await service.run();
      expect(onTheWay).toMatchObject({ ok: false, error: { kind: 'content-refused', message: expect.stringMatching(/"via", on the way to "via\/runbooks", is a symbolic link/) } });
      expect(JSON.stringify([direct, onTheWay])).not.toMatch(/secret/i);
    });

    it('refuses and lists a file name with ../ tricks', async () => {
      await repo.commit({ 'evil/..\\..\\escape.md': '# Escape' }, 'path trick');
      const result = await service.run();
      const listed = { path: expect.stringContaining('..\\..\\escape.md'), reason: expect.stringMatching(/escape the library folder/), level: 'error' };
      // The system git writes the odd name as a plain file, the built-in transport reads it from the
      // commit: either way the loader refuses it and keeps the rest.
      const snapshot = snapshotOf(result);
      expect(titles(snapshot)).toHaveLength(3);
      expect(snapshot.problems).toEqual([listed]);
    });

    it('refuses a repo with no readable runbook, listing why, and says so in plain words', async () => {
      await repo.rewrite({ 'broken.md': '---\ntitle: [\n---\n' }, 'all broken');
      const result = await service.run();
      expect(result).toMatchObject({ ok: false, error: { kind: 'content-refused', problems: [expect.objectContaining({ path: 'broken.md' })] } });
    });

    it('names a missing branch and a URL that is not a repository', async () => {
      await configure({ url: server.url('team-runbooks'), transport: transportName(), branch: 'no-such-branch' });
      expect(await newService().run()).toMatchObject({ ok: false, error: { kind: 'branch-not-found' } });
      await configure({ url: server.url('nothing-here'), transport: transportName() });
      expect(await newService().run()).toMatchObject({ ok: false, error: { kind: 'not-a-repository' } });
    });

    it('with no repository URL saved, says to enter it in Settings and save it (one typed and not saved is not used), and records no failed sync', async () => {
      await configure({ url: '', transport: transportName() });
      const service = newService();
      expect(await service.run()).toMatchObject({ ok: false, error: { kind: 'settings', message: 'Sync is not set up: enter the repository URL in Settings and save it.' } });
      expect(await readdir(dataDir)).not.toContain('library-repo');
      // Nothing failed: the status line has no "Last sync failed" to show.
      expect((await service.status()).lastError).toBeUndefined();
    });

    describe('behind HTTP basic auth', () => {
      const token = 'glpat-s3cr3t-t0ken-value';

      beforeEach(async () => {
        await server.kill();
        await startServer({ token });
      });

      it('succeeds with the right token', async () => {
        await configure({ url: server.url('team-runbooks'), transport: transportName() }, token);
        expect(titles(snapshotOf(await newService().run()))).toHaveLength(3);
      });

      it('fails with "authentication failed" and never shows the token', async () => {
        await configure({ url: server.url('team-runbooks'), transport: transportName() }, 'wrong-token-value');
        const result = await newService().run();
        expect(result).toMatchObject({ ok: false, error: { kind: 'authentication', message: expect.stringMatching(/Authentication failed/) } });
        expect(JSON.stringify(result)).not.toContain('wrong-token-value');
        expect(JSON.stringify(await service.status())).not.toContain('wrong-token-value');
      });
    });
  });
}
