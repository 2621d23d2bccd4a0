import type { Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseLibrary, type LibraryFile } from '../shared/library/library-parser';
import { libraryFileKind } from '../shared/library/library-paths';
import { DEFAULT_LIMITS, type LibraryLimits } from '../shared/limits';
import type { LibraryProblem, LibrarySnapshot, LibrarySource } from '../shared/model';

export interface LoadedFiles {
  files: LibraryFile[];
  problems: LibraryProblem[];
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
const HIDDEN_REASON = 'skipped: the name starts with a dot, so it is hidden; rename it to have it read';

export interface ReadOptions {
  limits?: LibraryLimits;
  /** Paths the caller already knows must not be read (Git's symbolic links), with the reason. */
  refused?: ReadonlyMap<string, string>;
  /**
   * Follow symbolic links that stay inside the folder (a local library may use them). A synced
   * repository says false: no link is ever read there, whatever it points at.
   */
  followLinks?: boolean;
}

/**
 * Reads the library files under `root`. Refuses, and reports, whatever could read outside the
 * folder or exhaust memory: links leaving it, odd path names, oversized files, too many files.
 */
export async function readLibraryFolder(root: string, options: ReadOptions = {}): Promise<LoadedFiles> {
  const { limits = DEFAULT_LIMITS, refused = new Map<string, string>(), followLinks = true } = options;
  const realRoot = await realpath(root);
  const result: LoadedFiles = { files: [], problems: [] };
  const refuse = (relative: string, reason: string, level: LibraryProblem['level'] = 'error') => result.problems.push({ path: relative, reason, level });
  const accepted: { relative: string; absolute: string; size: number }[] = [];
  let totalBytes = 0;
  let seenFiles = 0;
  const pending: string[] = [''];
  walk: while (pending.length) {
    const directory = pending.pop() as string;
    const entries = await readdir(path.join(realRoot, directory), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    const candidates = entries.flatMap((entry) => {
      const relative = directory ? `${directory}/${entry.name}` : entry.name;
      if (!isPlainName(entry.name)) {
        refuse(relative, 'file name has characters that could escape the library folder');
        return [];
      }
      if (SKIPPED_DIRECTORIES.has(entry.name)) return [];
      if (entry.name.startsWith('.')) {
        // Hidden folders (.github, .obsidian) and hidden library files are listed, so nobody wonders
        // where a runbook went; other hidden files (.gitignore) are not library content at all.
        if (entry.isDirectory() || libraryFileKind(relative) !== 'ignored') refuse(relative, HIDDEN_REASON, 'skipped');
        return [];
      }
      const reason = refused.get(relative);
      if (reason) {
        refuse(relative, reason);
        return [];
      }
      return [{ relative, absolute: path.join(realRoot, relative) }];
    });
    // One directory's entries are looked at together: a thousand sequential round trips to the
    // file system cost more than the parsing that follows.
    const described = await Promise.all(candidates.map(async (candidate) => ({ ...candidate, info: await describeEntry(realRoot, candidate.absolute, followLinks) })));
    for (const { relative, absolute, info } of described) {
      if (info === 'outside') {
        refuse(relative, 'symbolic link points outside the library folder');
        continue;
      }
      if (info === 'link') {
        refuse(relative, 'symbolic link refused: links are not read from a synced repository');
        continue;
      }
      if (info.isDirectory()) {
        pending.push(relative);
        continue;
      }
      if (!info.isFile() || libraryFileKind(relative) === 'ignored') continue;
      seenFiles++;
      if (seenFiles > limits.maxFiles) {
        refuse(relative, `library has more than ${limits.maxFiles} files; the rest were not read`);
        break walk;
      }
      if (info.size > limits.maxFileBytes) {
        refuse(relative, `file is ${info.size} bytes, over the ${limits.maxFileBytes}-byte limit`);
        continue;
      }
      totalBytes += info.size;
      if (totalBytes > limits.maxTotalBytes) {
        refuse(relative, `library is larger than ${limits.maxTotalBytes} bytes; the rest were not read`);
        break walk;
      }
      accepted.push({ relative, absolute, size: info.size });
    }
  }
  for (let start = 0; start < accepted.length; start += READ_BATCH) {
    const batch = accepted.slice(start, start + READ_BATCH);
    const texts = await Promise.all(batch.map((file) => readText(file.absolute, Math.min(file.size, limits.maxFileBytes) + 1)));
    batch.forEach((file, index) => result.files.push({ path: file.relative, text: texts[index] }));
  }
  return result;
}

/** Files open at once while reading: enough to keep the disk busy, far below descriptor limits. */
const READ_BATCH = 32;

/** What a directory entry is, following a symbolic link only when allowed and it stays inside the library. */
async function describeEntry(realRoot: string, absolute: string, followLinks: boolean): Promise<Stats | 'outside' | 'link'> {
  const info = await lstat(absolute);
  if (!info.isSymbolicLink()) return info;
  if (!followLinks) return 'link';
  const target = await realpath(absolute).catch(() => undefined);
  if (!target || !isInside(realRoot, target)) return 'outside';
  return stat(target);
}

export async function loadLibraryFolder(root: string, source: LibrarySource, options: ReadOptions = {}): Promise<LibrarySnapshot> {
  const { files, problems } = await readLibraryFolder(root, options);
  return parseLibrary(files, source, problems, options.limits);
}

function isPlainName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name !== '..' && !/[\\/\u0000-\u001f]/.test(name);
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Reads at most `limit` bytes, so a file that grows between stat and read still cannot flood memory. */
async function readText(file: string, limit: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(buffer, 0, limit, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
