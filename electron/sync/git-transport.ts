import type { TransportName } from '../../shared/sync/sync-contract';

export interface TransportOptions {
  url: string;
  /** Empty: the remote's default branch (clone) or the branch already checked out (update). */
  branch: string;
  token?: string;
  onProgress(phase: string, percent?: number): void;
}

export interface CheckedOut {
  commit: string;
  committedAt: string;
}

/**
 * One way of talking to Git. The repository has no work tree: the library is read from the
 * commit's objects (library-tree.ts), so checking out thousands of files is not part of a sync
 * (a clone of 5,000 runbooks took 3 s with the checkout, 0.3 s without, on a machine whose disk
 * was slow to take many small files).
 */
export interface GitTransport {
  readonly name: TransportName;
  /** A shallow, single-branch clone into `dir` (which must not exist yet), with no work tree. */
  clone(dir: string, options: TransportOptions): Promise<CheckedOut>;
  /** Fetches the branch and points the repository's branch at it: rewritten history included. */
  update(dir: string, options: TransportOptions): Promise<CheckedOut>;
}

/** The Basic credentials most Git hosts accept for a personal or project access token. */
export function basicAuthHeader(token: string): string {
  return `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}
