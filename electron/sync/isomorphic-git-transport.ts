import fs from 'node:fs';
import git from 'isomorphic-git';
import type { HttpClient } from 'isomorphic-git';
import { inflateWithNodeZlib } from './native-inflate';
import { basicAuthHeader, type CheckedOut, type GitTransport, type TransportOptions } from './git-transport';
import { plainMessage, SyncFailure } from './sync-errors';

/** Built in: works on a machine with no git installed; https (and loopback http) with an optional token. */
export function createIsomorphicGitTransport(http: HttpClient): GitTransport {
  inflateWithNodeZlib();
  const common = (options: TransportOptions) => ({
    fs,
    http,
    url: options.url,
    headers: (options.token ? { Authorization: basicAuthHeader(options.token) } : {}) as Record<string, string>,
    onProgress: (event: { phase: string; loaded: number; total?: number }) =>
      options.onProgress(event.phase, event.total ? Math.round((100 * event.loaded) / event.total) : undefined),
  });
  return {
    name: 'isomorphic-git',
    async clone(dir, options) {
      await branchMustExist(options.branch, () =>
        git.clone({ ...common(options), dir, ref: options.branch || undefined, singleBranch: true, depth: 1, noTags: true, noCheckout: true }),
      );
      return checkedOut(dir);
    },
    async update(dir, options) {
      const branch = options.branch || (await git.currentBranch({ fs, dir })) || 'main';
      const fetched = await branchMustExist(branch, () => git.fetch({ ...common(options), dir, ref: branch, singleBranch: true, depth: 1, tags: false, prune: true }));
      if (!fetched.fetchHead) throw new SyncFailure('branch-not-found', plainMessage('branch-not-found'));
      // Point the local branch (HEAD's) at whatever the server has now, even if history was rewritten.
      await git.writeRef({ fs, dir, ref: `refs/heads/${branch}`, value: fetched.fetchHead, force: true });
      return checkedOut(dir);
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

async function checkedOut(dir: string): Promise<CheckedOut> {
  const commit = await git.resolveRef({ fs, dir, ref: 'HEAD' });
  const { commit: info } = await git.readCommit({ fs, dir, oid: commit });
  return { commit, committedAt: new Date(info.committer.timestamp * 1000).toISOString() };
}
