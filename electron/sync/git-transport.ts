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

/** One way of talking to Git. The work tree is only ever written by Git itself, never edited. */
export interface GitTransport {
  readonly name: TransportName;
  /** A shallow, single-branch clone into `dir`, which must not exist yet. */
  clone(dir: string, options: TransportOptions): Promise<CheckedOut>;
  /** Fetches the branch and hard-resets the work tree to it: rewritten history included. */
  update(dir: string, options: TransportOptions): Promise<CheckedOut>;
  /** Paths (relative, forward slashes) that Git records as symbolic links in the checked-out commit. */
  symlinks(dir: string): Promise<string[]>;
}

/** The Basic credentials most Git hosts accept for a personal or project access token. */
export function basicAuthHeader(token: string): string {
  return `Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}
