import fs from 'node:fs';
import git from 'isomorphic-git';
import type { HttpClient } from 'isomorphic-git';
import { inflateWithNodeZlib } from './native-inflate';
import { basicAuthHeader, type CheckedOut, type GitTransport, type TransportOptions } from './git-transport';
import { plainMessage, SyncFailure } from './sync-errors';

/** Built in: works on a machine with no git installed; https (and loopback http) with an optional token. */
export function createIsomorphicGitTransport(http: HttpClient): GitTransport {
  inflateWithNodeZlib();
  // `cache`: isomorphic-git keeps parsed pack indexes there between calls; shared by the fetch and
  // the checkout of one sync, it cuts a 1,000-file checkout by a third.
  const common = (options: TransportOptions, cache: object) => ({
    fs,
    cache,
    http,
    url: options.url,
    headers: (options.token ? { Authorization: basicAuthHeader(options.token) } : {}) as Record<string, string>,
    onProgress: (event: { phase: string; loaded: number; total?: number }) =>
      options.onProgress(event.phase, event.total ? Math.round((100 * event.loaded) / event.total) : undefined),
  });
  return {
    name: 'isomorphic-git',
    async clone(dir, options) {
      const cache = {};
      await branchMustExist(options.branch, () =>
        git.clone({ ...common(options, cache), dir, ref: options.branch || undefined, singleBranch: true, depth: 1, noTags: true, noCheckout: true }),
      );
      options.onProgress('Writing files');
      await checkoutSafely(dir, undefined, cache);
      return checkedOut(dir);
    },
    async update(dir, options) {
      const branch = options.branch || (await git.currentBranch({ fs, dir })) || 'main';
      const cache = {};
      const fetched = await branchMustExist(branch, () => git.fetch({ ...common(options, cache), dir, ref: branch, singleBranch: true, depth: 1, tags: false, prune: true }));
      if (!fetched.fetchHead) throw new SyncFailure('branch-not-found', plainMessage('branch-not-found'));
      const local = await git.resolveRef({ fs, dir, ref: `refs/heads/${branch}` }).catch(() => undefined);
      // Nothing new: the work tree already holds this commit (a checkout cut off midway leaves the
      // service's "updating" mark, which makes the next sync clone afresh instead of coming here),
      // and comparing every file with the index would cost more than the fetch itself.
      if (local === fetched.fetchHead) return checkedOut(dir);
      // Point the local branch at whatever the server has now, even if history was rewritten.
      await git.writeRef({ fs, dir, ref: `refs/heads/${branch}`, value: fetched.fetchHead, force: true });
      options.onProgress('Updating files');
      await checkoutSafely(dir, branch, cache);
      return checkedOut(dir);
    },
    async symlinks(dir) {
      return (await treeEntries(dir)).filter((entry) => entry.mode === 0o120000).map((entry) => entry.path);
    },
  };
}

async function branchMustExist<T>(branch: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (branch && error instanceof Error && error.name === 'NotFoundError') throw new SyncFailure('branch-not-found', plainMessage('branch-not-found'));
    throw error;
  }
}

/**
 * isomorphic-git will not even read a tree holding a path that could escape the folder
 * (`..\\x.md`, `.git`), so such a commit is refused whole, naming the path. The system git checks
 * it out as an odd file name, which the loader then refuses on its own.
 */
async function checkoutSafely(dir: string, ref: string | undefined, cache: object): Promise<void> {
  try {
    await git.checkout({ fs, dir, ref, force: true, cache });
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'UnsafeFilepathError') throw error;
    const file = String((error as { data?: { filepath?: string } }).data?.filepath ?? 'unknown');
    throw new SyncFailure(
      'content-refused',
      `${plainMessage('content-refused')} The file name "${file}" could escape the library folder, so the built-in transport refuses this commit; rename the file, or use the system git.`,
      [{ path: file, reason: 'file name could escape the library folder', level: 'error' }],
    );
  }
}

async function treeEntries(dir: string): Promise<{ path: string; mode: number }[]> {
  const found: { path: string; mode: number }[] = [];
  await git.walk({
    fs,
    dir,
    trees: [git.TREE({ ref: 'HEAD' })],
    map: async (filepath, [entry]) => {
      if (entry && filepath !== '.') found.push({ path: filepath, mode: await entry.mode() });
      return true;
    },
  });
  return found;
}

async function checkedOut(dir: string): Promise<CheckedOut> {
  const commit = await git.resolveRef({ fs, dir, ref: 'HEAD' });
  const { commit: info } = await git.readCommit({ fs, dir, oid: commit });
  return { commit, committedAt: new Date(info.committer.timestamp * 1000).toISOString() };
}
