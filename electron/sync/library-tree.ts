import { libraryFileKind } from '../../shared/library/library-paths';
import type { EntryInfo, LibraryTree } from '../library-walk';
import { GitObjectsError, type GitObject, type GitObjects } from './git-objects';

/** A library read from a commit's objects instead of a work tree (the built-in transport checks nothing out). */
export interface CommitLocation {
  /** The repository's `.git` folder. */
  gitdir: string;
  commit: string;
  /** The library's folder in the commit ('' for the whole commit); the sync has checked it is a folder. */
  subfolder: string;
}

interface TreeItem {
  mode: string;
  name: string;
  oid: string;
}

const LINK_REASON = 'symbolic link refused: links are not read from a synced repository';

/**
 * The commit's tree under `subfolder`, as a library tree for walkLibrary: what Git records is
 * what is read, so a symbolic link (mode 120000) is refused whatever it points at, and a
 * submodule (160000) is an empty folder, as the system git checks them out.
 */
export function commitTree(objects: GitObjects, { commit, subfolder }: Omit<CommitLocation, 'gitdir'>): LibraryTree {
  const top = folderIn(objects, commit, subfolder);
  if (top.kind !== 'folder') throw new GitObjectsError(`the folder "${subfolder}" is not a folder of commit ${commit}`);
  const folders = new Map<string, string>([['', top.tree]]);
  const files = new Map<string, string>();
  return {
    list(directory) {
      const oid = folders.get(directory);
      if (oid === undefined) throw new GitObjectsError(`the folder "${directory}" was not listed`);
      return readTree(objects, oid).map((item) => {
        const relative = directory ? `${directory}/${item.name}` : item.name;
        return { name: item.name, isDirectory: item.mode === '40000', describe: () => describe(item, relative) };
      });
    },
    read(relative, limit) {
      const oid = files.get(relative);
      if (oid === undefined) throw new GitObjectsError(`the file "${relative}" was not listed`);
      const { data } = expect(objects.read(oid), 'blob', oid);
      return data.toString('utf8', 0, Math.min(limit, data.length));
    },
  };

  function describe(item: TreeItem, relative: string): EntryInfo {
    if (item.mode === '40000') {
      folders.set(relative, item.oid);
      return { kind: 'directory' };
    }
    if (item.mode === '120000') return { kind: 'refused', reason: LINK_REASON };
    // A file the library never reads is not looked at (it may be a large image): the walk skips it anyway.
    if (!/^100(644|755|664)$/.test(item.mode) || libraryFileKind(relative) === 'ignored') return { kind: 'other' };
    files.set(relative, item.oid);
    return { kind: 'file', size: objects.size(item.oid) };
  }
}

/** What a path of folders leads to in a commit: the folder's tree, a symbolic link on the way (or at the end), or nothing. */
export type FolderInCommit = { kind: 'folder'; tree: string } | { kind: 'link'; path: string } | { kind: 'missing' };

/** Follows `folder` (relative; '' for the top) through the commit's trees. */
export function folderIn(objects: GitObjects, commit: string, folder: string): FolderInCommit {
  let tree = treeIdOf(expect(objects.read(commit), 'commit', commit));
  const parts = folder.split('/').filter(Boolean);
  for (let depth = 0; depth < parts.length; depth++) {
    const item = readTree(objects, tree).find((entry) => entry.name === parts[depth]);
    if (item?.mode === '120000') return { kind: 'link', path: parts.slice(0, depth + 1).join('/') };
    if (item?.mode !== '40000') return { kind: 'missing' };
    tree = item.oid;
  }
  return { kind: 'folder', tree };
}

function expect(object: GitObject, type: GitObject['type'], oid: string): GitObject {
  if (object.type !== type) throw new GitObjectsError(`object ${oid} is a ${object.type}, not a ${type}`);
  return object;
}

/** The tree a commit records: its first line, `tree <id>`. */
function treeIdOf(commit: GitObject): string {
  const match = /^tree ([0-9a-f]{40})\n/.exec(commit.data.toString('latin1', 0, 46));
  if (!match) throw new GitObjectsError('the commit names no tree');
  return match[1];
}

/** A tree's entries: `<mode> <name>\0<20-byte id>`, one after another. */
function readTree(objects: GitObjects, oid: string): TreeItem[] {
  const { data } = expect(objects.read(oid), 'tree', oid);
  const items: TreeItem[] = [];
  for (let at = 0; at < data.length; ) {
    const space = data.indexOf(0x20, at);
    const nul = space < 0 ? -1 : data.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 21 > data.length) throw new GitObjectsError(`tree ${oid} is malformed`);
    items.push({ mode: data.toString('latin1', at, space), name: data.toString('utf8', space + 1, nul), oid: data.toString('hex', nul + 1, nul + 21) });
    at = nul + 21;
  }
  return items;
}
