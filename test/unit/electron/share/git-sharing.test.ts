import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIsomorphicGitShare } from '../../../../electron/share/isomorphic-git-share';
import type { ShareGit } from '../../../../electron/share/share-git';
import { createSystemGitShare } from '../../../../electron/share/system-git-share';
import { createGitHttpClient } from '../../../../electron/sync/git-http-client';
import type { TransportName } from '../../../../shared/sync/sync-contract';
import { FixtureRepo, gitAvailable } from '../../../support/git-fixtures';
import { startGitServer, type GitServer } from '../../../support/git-http-server';
import { desk, eventsOf, expectNoSecret, seqsFrom, sharedSeq, type Desk } from './share-support';

const TOKEN = 'tok-3a9f-very-secret';
const BRANCH = 'failsafe-incidents';
const gits = (): Record<TransportName, ShareGit> => ({ 'isomorphic-git': createIsomorphicGitShare(createGitHttpClient(5_000)), 'system-git': createSystemGitShare() });
const bareGit = (bare: string, ...args: string[]) => execFileSync('git', ['--git-dir', bare, ...args], { stdio: 'pipe' }).toString();

if (!gitAvailable()) {
  it.skip('Git sharing tests need git installed (the test server is git http-backend); it is not installed on this machine', () => undefined);
} else {
  describe.each(['isomorphic-git', 'system-git'] as const)('sharing incidents over Git with %s', (transport) => {
    let root: string;
    let bare: string;
    let server: GitServer;
    const desks: Desk[] = [];
    const open = async (writer: string, options: Parameters<typeof desk>[3] = {}) => {
      // An empty URL: the library's own repository, on the incidents branch, with the library's token.
      const made = await desk(writer, { mode: 'git', url: '', branch: BRANCH, transport }, { url: server.url('team'), token: TOKEN }, { gits: gits(), ...options });
      desks.push(made);
      return made;
    };

    beforeEach(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'failsafe-share-root-'));
      bare = path.join(root, 'team.git');
      // An empty repository: no commit, no branch.
      execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', bare]);
      server = await startGitServer({ root, token: TOKEN, push: true });
    });

    afterEach(async () => {
      await server.kill();
      for (const made of desks.splice(0)) await rm(made.userData, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    });

    it('two writers exchange through one repository; the first exchange creates the branch; again brings nothing new', async () => {
      const a = await open('writer-a');
      const b = await open('writer-b');
      const first = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 3) }]);
      expect(first.offline).toBeUndefined();
      expect(sharedSeq(first)).toBe(3);
      expect(bareGit(bare, 'ls-tree', '-r', '--name-only', BRANCH).trim().split('\n')).toEqual(['incidents/inc-1/writer-a.jsonl']);
      expect(bareGit(bare, 'log', '--format=%s %an', BRANCH).trim()).toBe('Failsafe: writer-a events of inc-1 Failsafe writer-a');

      const fromB = await b.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-b', 2) }]);
      expect(fromB.offline).toBeUndefined();
      expect(seqsFrom(fromB, 'writer-a')).toEqual([1, 2, 3]);
      expect(sharedSeq(fromB)).toBe(2);
      expect(fromB.incoming.flatMap((file) => file.events)).toEqual(eventsOf('writer-a', 3));

      // A grows its file: only the new events go to B, past what B holds.
      const grown = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 5) }], [{ incidentId: 'inc-1', writer: 'writer-b', lastSeq: 0 }]);
      expect(seqsFrom(grown, 'writer-b')).toEqual([1, 2]);
      const onB = await b.exchange([], [{ incidentId: 'inc-1', writer: 'writer-a', lastSeq: 3 }]);
      expect(seqsFrom(onB, 'writer-a')).toEqual([4, 5]);

      // Idempotent: exchanging again with what each holds brings nothing, and commits nothing.
      const head = bareGit(bare, 'rev-parse', BRANCH);
      const again = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 5) }], [{ incidentId: 'inc-1', writer: 'writer-b', lastSeq: 2 }]);
      expect(again.incoming).toEqual([]);
      expect(again.refused).toEqual([]);
      expect(bareGit(bare, 'rev-parse', BRANCH)).toBe(head);
      expectNoSecret([first, fromB, grown, onB, again], TOKEN);
    });

    it('a push refused because another writer pushed first fetches, goes on top and pushes again', async () => {
      const b = await open('writer-b');
      let pushes = 0;
      // Between A's fetch and A's first push, B publishes.
      const a = await open('writer-a', { beforePush: async () => void (pushes++ === 0 && (await b.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-b', 2) }]))) });
      const reply = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 3) }]);
      expect(pushes).toBe(2);
      expect(reply.offline).toBeUndefined();
      expect(sharedSeq(reply)).toBe(3);
      expect(seqsFrom(reply, 'writer-b')).toEqual([1, 2]);
      expect(bareGit(bare, 'ls-tree', '-r', '--name-only', BRANCH).trim().split('\n')).toEqual(['incidents/inc-1/writer-a.jsonl', 'incidents/inc-1/writer-b.jsonl']);
      // B's commit is kept under A's: nothing was forced.
      expect(bareGit(bare, 'log', '--format=%s', BRANCH).trim().split('\n')).toEqual(['Failsafe: writer-a events of inc-1', 'Failsafe: writer-b events of inc-1']);
    });

    it('with the server down, events wait in the clone and go out when it is back on the same port', async () => {
      const a = await open('writer-a');
      const b = await open('writer-b');
      await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 2) }]);
      await b.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-b', 1) }]);
      expect(seqsFrom(await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 2) }]), 'writer-b')).toEqual([1]);
      const { port } = server;
      await server.kill();

      const offline = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 4) }, { incidentId: 'inc-2', events: eventsOf('writer-a', 1, 'inc-2') }]);
      expect(offline.offline?.kind).toBe('offline');
      expect(offline.offline?.message).toMatch(/wait on this machine/);
      expectNoSecret(offline, TOKEN);
      // Only what reached the server counts as shared; what B had published before is still read from the clone.
      expect(sharedSeq(offline)).toBe(2);
      expect(sharedSeq(offline, 'inc-2')).toBe(0);
      expect(seqsFrom(offline, 'writer-b')).toEqual([1]);

      server = await startGitServer({ root, token: TOKEN, push: true, port });
      // The renderer sends only what it still has to share; the clone's queued commit for inc-2 goes out too.
      const back = await a.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 4) }], [{ incidentId: 'inc-1', writer: 'writer-b', lastSeq: 1 }]);
      expect(back.offline).toBeUndefined();
      expect(sharedSeq(back)).toBe(4);
      const onB = await b.exchange([], [{ incidentId: 'inc-1', writer: 'writer-a', lastSeq: 2 }]);
      expect(seqsFrom(onB, 'writer-a')).toEqual([3, 4]);
      expect(seqsFrom(onB, 'writer-a', 'inc-2')).toEqual([1]);
    });

    it('a token the server refuses is said in words, never shown, and nothing is lost', async () => {
      const wrong = 'tok-wrong-0000';
      const made = await desk('writer-a', { mode: 'git', url: '', branch: BRANCH, transport }, { url: server.url('team'), token: wrong }, { gits: gits() });
      desks.push(made);
      const reply = await made.exchange([{ incidentId: 'inc-1', events: eventsOf('writer-a', 1) }]);
      expect(reply.offline).toMatchObject({ kind: 'authentication', message: expect.stringMatching(/token/) });
      expect(sharedSeq(reply)).toBe(0);
      expectNoSecret(reply, wrong);
    });

    it('a forged line is refused and listed; links and odd files are never read; nothing is written outside', async () => {
      const outside = await mkdtemp(path.join(tmpdir(), 'failsafe-outside-'));
      const aEvents = eventsOf('writer-a', 1);
      const bEvents = eventsOf('writer-b', 2);
      // A hostile (or broken) writer B: one of A's events in B's file, a link as a writer file, an incident folder that is a link.
      const hostile = await FixtureRepo.create(
        root,
        'hostile',
        {
          'incidents/inc-1/writer-b.jsonl': `${JSON.stringify(bEvents[0])}\n${JSON.stringify(aEvents[0])}\n${JSON.stringify(bEvents[1])}\n`,
          'incidents/inc-1/writer-c.jsonl': { symlink: '/etc/passwd' },
          'incidents/inc-2': { symlink: outside },
          'incidents/inc-3': { symlink: outside },
          'incidents/notes.txt': 'not a writer file',
        },
        BRANCH,
      );
      const d = await desk('writer-d', { mode: 'git', url: server.url('hostile'), branch: BRANCH, transport }, { url: server.url('team'), token: TOKEN }, { gits: gits() });
      desks.push(d);
      const reply = await d.exchange([{ incidentId: 'inc-2', events: eventsOf('writer-d', 1, 'inc-2') }]);
      expect(seqsFrom(reply, 'writer-b')).toEqual([1, 2]);
      expect(reply.incoming.map((file) => file.writer)).toEqual(['writer-b']);
      expect(reply.refused).toEqual(
        expect.arrayContaining([
          { path: 'incidents/inc-1/writer-b.jsonl', line: 2, reason: expect.stringMatching(/another writer/) },
          { path: 'incidents/inc-1/writer-c.jsonl', reason: expect.stringMatching(/link/) },
          { path: 'incidents/inc-3', reason: expect.stringMatching(/link/) },
          { path: 'incidents/notes.txt', reason: expect.stringMatching(/not a writer/) },
        ]),
      );
      expect(await readdir(outside)).toEqual([]);
      // Its own file went where it belongs: the link at inc-2 became a real folder of the branch, and only under the clone.
      expect(bareGit(path.join(root, 'hostile.git'), 'ls-tree', '-r', BRANCH, '--', 'incidents/inc-2/')).toMatch(/^100644 blob \w+\tincidents\/inc-2\/writer-d.jsonl$/m);
      expect((await readdir(path.join(d.userData, 'share'))).sort()).toEqual(['repo', 'share-settings.json']);
      await hostile.remove();
      await rm(outside, { recursive: true, force: true });
    });
  });

  it('Git settings: an empty URL needs the library’s repository; the view says whose URL and token are used', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'failsafe-share-settings-'));
    await mkdir(root, { recursive: true });
    const made = await desk('writer-a', { mode: 'off' }, undefined, { gits: gits() });
    expect(await made.share.saveSettings({ mode: 'git', url: '', branch: BRANCH, transport: 'isomorphic-git', folder: '', pollSeconds: 2 })).toMatchObject({ ok: false, reason: expect.stringMatching(/library sync/) });
    expect(await made.share.saveSettings({ mode: 'git', url: 'http://git.example.com/x.git', branch: BRANCH, transport: 'isomorphic-git', folder: '', pollSeconds: 2 })).toMatchObject({ ok: false, reason: expect.stringMatching(/https/) });
    expect(await made.share.saveSettings({ mode: 'git', url: 'https://git.example.com/x.git', branch: '', transport: 'isomorphic-git', folder: '', pollSeconds: 2 })).toMatchObject({ ok: false, reason: expect.stringMatching(/branch/) });
    const withLibrary = await desk('writer-b', { mode: 'git', url: '', branch: BRANCH, transport: 'system-git' }, { url: 'https://git.example.com/runbooks.git', token: TOKEN }, { gits: gits() });
    const view = await withLibrary.share.settings();
    expect(view).toMatchObject({ mode: 'git', url: '', branch: BRANCH, libraryUrl: 'https://git.example.com/runbooks.git', hasToken: true, systemGitAvailable: true });
    expectNoSecret(view, TOKEN);
    for (const userData of [made.userData, withLibrary.userData, root]) await rm(userData, { recursive: true, force: true });
  });
}
