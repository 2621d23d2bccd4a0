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
    symlinks: symlinkPaths,
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

/**
 * Git's symbolic links in HEAD, read from the trees alone: a walk of the whole commit also visited
 * every file to learn what the tree entries already say (at 5,000 runbooks 0.1 to 0.3 s, against
 * 0.05 to 0.07 s).
 */
async function symlinkPaths(dir: string): Promise<string[]> {
  const { commit } = await git.readCommit({ fs, dir, oid: await git.resolveRef({ fs, dir, ref: 'HEAD' }) });
  const found: string[] = [];
  const pending = [{ oid: commit.tree, prefix: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { tree } = await git.readTree({ fs, dir, oid: next.oid });
    for (const entry of tree) {
      const entryPath = `${next.prefix}${entry.path}`;
      if (entry.mode === '120000') found.push(entryPath);
      else if (entry.type === 'tree') pending.push({ oid: entry.oid, prefix: `${entryPath}/` });
    }
  }
  return found;
}

async function checkedOut(dir: string): Promise<CheckedOut> {
  const commit = await git.resolveRef({ fs, dir, ref: 'HEAD' });
  const { commit: info } = await git.readCommit({ fs, dir, oid: commit });
  return { commit, committedAt: new Date(info.committer.timestamp * 1000).toISOString() };
}
