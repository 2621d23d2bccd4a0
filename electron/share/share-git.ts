// The few Git operations incident sharing needs, on a bare clone (no work tree: nothing a
// repository holds is ever checked out, so no link or odd file name in it can reach the disk).
// Two implementations, as for library sync: the system git and isomorphic-git.
import type { TransportName } from '../../shared/sync/sync-contract';

/** An entry under `incidents/` of a commit: a blob, a link, a folder nested too deep, a submodule. */
export interface TreeEntry {
  /** Relative to the repository, forward slashes. */
  path: string;
  /** Git's mode: `100644`/`100755` a file, `120000` a link, `040000` a folder, `160000` a submodule. */
  mode: string;
  oid: string;
  /** A blob's size in bytes, where the transport knows it without reading the blob. */
  size?: number;
}

export interface Remote {
  url: string;
  branch: string;
  token?: string;
}

export interface ShareGit {
  readonly name: TransportName;
  /** A bare repository in `dir` (made when missing) whose `origin` is `url`, links never made. */
  prepare(dir: string, url: string): Promise<void>;
  /** The remote branch's commit, kept as `refs/remotes/origin/<branch>`; undefined when the branch (or any commit) is absent there. Throws when the server cannot be reached. */
  fetch(dir: string, remote: Remote): Promise<string | undefined>;
  /** A local ref's commit (`refs/heads/x`, `refs/remotes/origin/x`), undefined when absent. */
  resolve(dir: string, ref: string): Promise<string | undefined>;
  setRef(dir: string, ref: string, commit: string): Promise<void>;
  /** Every entry at any depth under `incidents/` of a commit (folders at the writer-file level listed, not entered). */
  entries(dir: string, commit: string): Promise<TreeEntry[]>;
  readBlob(dir: string, oid: string): Promise<Buffer>;
  /** A commit on `parent` (none: a first commit) with these files written (each replacing whatever was at its path). */
  commit(dir: string, parent: string | undefined, files: { path: string; text: string }[], message: string, writer: string): Promise<string>;
  /** Pushes `commit` as the remote branch, fast-forward only: `rejected` when the remote moved on meanwhile. */
  push(dir: string, remote: Remote, commit: string): Promise<'pushed' | 'rejected'>;
}

export const remoteRef = (branch: string) => `refs/remotes/origin/${branch}`;
export const localRef = (branch: string) => `refs/heads/${branch}`;
/** Whose name a commit carries: the writer, at an address that cannot receive mail. */
export const authorOf = (writer: string) => ({ name: `Failsafe ${writer}`, email: `${writer}@failsafe.invalid` });
