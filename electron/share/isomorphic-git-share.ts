// Incident sharing with isomorphic-git, built in: the bare clone's objects are read and written
// directly (trees built in memory), as the system git's plumbing does.
import fs from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import type { HttpClient } from 'isomorphic-git';
import { basicAuthHeader } from '../sync/git-transport';
import { inflateWithNodeZlib } from '../sync/native-inflate';
import { withHeadAt } from './remote-head';
import { authorOf, localRef, remoteRef, type Remote, type ShareGit, type TreeEntry } from './share-git';

export function createIsomorphicGitShare(http: HttpClient): ShareGit {
  inflateWithNodeZlib();
  const cache = {};
  const network = (remote: Remote) => ({
    http: withHeadAt(http, remote.branch),
    url: remote.url,
    headers: (remote.token ? { Authorization: basicAuthHeader(remote.token) } : {}) as Record<string, string>,
  });
  const resolve = (gitdir: string, ref: string) => git.resolveRef({ fs, gitdir, ref }).catch(() => undefined);
  return {
    name: 'isomorphic-git',
    async prepare(gitdir, url) {
      if (!(await access(path.join(gitdir, 'HEAD')).then(() => true, () => false))) await git.init({ fs, dir: gitdir, bare: true });
      await git.setConfig({ fs, gitdir, path: 'core.symlinks', value: false });
      await git.setConfig({ fs, gitdir, path: 'remote.origin.url', value: url });
      // isomorphic-git files what it fetched under this; it refuses to fetch without one.
      await git.setConfig({ fs, gitdir, path: 'remote.origin.fetch', value: '+refs/heads/*:refs/remotes/origin/*' });
    },
    async fetch(gitdir, remote) {
      let fetched: string | null;
      try {
        ({ fetchHead: fetched } = await git.fetch({ fs, cache, gitdir, ...network(remote), ref: remote.branch, singleBranch: true, tags: false }));
      } catch (error) {
        // An empty repository, or one without the branch yet: the first push makes it.
        if (error instanceof Error && error.name === 'NotFoundError') return undefined;
        throw error;
      }
      if (!fetched) return undefined;
      await git.writeRef({ fs, gitdir, ref: remoteRef(remote.branch), value: fetched, force: true });
      return fetched;
    },
    resolve,
    async setRef(gitdir, ref, commit) {
      await git.writeRef({ fs, gitdir, ref, value: commit, force: true });
    },
    async entries(gitdir, commit) {
      const found: TreeEntry[] = [];
      let top;
      try {
        top = await git.readTree({ fs, cache, gitdir, oid: commit, filepath: 'incidents' });
      } catch {
        return found; // no `incidents` folder (or something else by that name): nothing shared yet
      }
      const pending = [{ oid: top.oid, prefix: 'incidents/' }];
      for (let next = pending.pop(); next; next = pending.pop()) {
        for (const entry of (await git.readTree({ fs, cache, gitdir, oid: next.oid })).tree) {
          const entryPath = `${next.prefix}${entry.path}`;
          if (entry.type === 'tree') pending.push({ oid: entry.oid, prefix: `${entryPath}/` });
          else found.push({ path: entryPath, mode: entry.mode, oid: entry.oid });
        }
      }
      return found;
    },
    async readBlob(gitdir, oid) {
      return Buffer.from((await git.readBlob({ fs, cache, gitdir, oid })).blob);
    },
    async commit(gitdir, parent, files, message, writer) {
      let tree = parent ? (await git.readCommit({ fs, cache, gitdir, oid: parent })).commit.tree : undefined;
      for (const file of files) {
        const blob = await git.writeBlob({ fs, gitdir, blob: Buffer.from(file.text, 'utf8') });
        tree = await withFile(gitdir, tree, file.path.split('/'), blob, cache);
      }
      if (!tree) tree = await git.writeTree({ fs, gitdir, tree: [] });
      const author = { ...authorOf(writer), timestamp: Math.floor(Date.now() / 1000), timezoneOffset: 0 };
      return git.commit({ fs, cache, gitdir, message, author, committer: author, tree, parent: parent ? [parent] : [], noUpdateBranch: true });
    },
    async push(gitdir, remote, commit) {
      // isomorphic-git pushes a local branch: point it at the commit first.
      await git.writeRef({ fs, gitdir, ref: localRef(remote.branch), value: commit, force: true });
      try {
        await git.push({ fs, cache, gitdir, ...network(remote), ref: remote.branch, remoteRef: remote.branch, remote: 'origin' });
        return 'pushed';
      } catch (error) {
        // Someone pushed first: refused here when their commit is not under ours, or by the server.
        if (error instanceof Error && (error.name === 'PushRejectedError' || (error.name === 'GitPushError' && /fetch first|non-fast-forward/i.test(error.message)))) return 'rejected';
        throw error;
      }
    },
  };
}

/** A tree like `tree` with the file at `parts` (whatever was there replaced), written; its id. */
async function withFile(gitdir: string, tree: string | undefined, parts: string[], blob: string, cache: object): Promise<string> {
  const entries = tree ? (await git.readTree({ fs, cache, gitdir, oid: tree })).tree : [];
  const [name, ...rest] = parts;
  const existing = entries.find((entry) => entry.path === name);
  const entry =
    rest.length === 0
      ? { mode: '100644', path: name, oid: blob, type: 'blob' as const }
      : { mode: '040000', path: name, oid: await withFile(gitdir, existing?.type === 'tree' ? existing.oid : undefined, rest, blob, cache), type: 'tree' as const };
  return git.writeTree({ fs, gitdir, tree: [...entries.filter((other) => other.path !== name), entry] });
}
