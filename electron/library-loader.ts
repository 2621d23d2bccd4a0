import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseLibrary, type LibraryFile } from '../shared/library-parser';
import { libraryFileKind } from '../shared/library-paths';
import { DEFAULT_LIMITS, type LibraryLimits } from '../shared/limits';
import type { LibraryProblem, LibrarySnapshot, LibrarySource } from '../shared/model';

export interface LoadedFiles {
  files: LibraryFile[];
  problems: LibraryProblem[];
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/**
 * Reads the library files under `root`. Refuses, and reports, whatever could read outside the
 * folder or exhaust memory: links leaving it, odd path names, oversized files, too many files.
 */
export async function readLibraryFolder(root: string, limits: LibraryLimits = DEFAULT_LIMITS, refused: ReadonlyMap<string, string> = new Map()): Promise<LoadedFiles> {
  const realRoot = await realpath(root);
  const result: LoadedFiles = { files: [], problems: [] };
  const refuse = (relative: string, reason: string) => result.problems.push({ path: relative, reason, level: 'error' });
  let totalBytes = 0;
  let seenFiles = 0;
  const pending: string[] = [''];
  while (pending.length) {
    const directory = pending.pop() as string;
    const entries = await readdir(path.join(realRoot, directory), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const relative = directory ? `${directory}/${entry.name}` : entry.name;
      if (!isPlainName(entry.name)) {
        refuse(relative, 'file name has characters that could escape the library folder');
        continue;
      }
      if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const reason = refused.get(relative);
      if (reason) {
        refuse(relative, reason);
        continue;
      }
      const absolute = path.join(realRoot, relative);
      let info = await lstat(absolute);
      if (info.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => undefined);
        if (!target || !isInside(realRoot, target)) {
          refuse(relative, 'symbolic link points outside the library folder');
          continue;
        }
        info = await stat(target);
      }
      if (info.isDirectory()) {
        pending.push(relative);
        continue;
      }
      if (!info.isFile() || libraryFileKind(relative) === 'ignored') continue;
      seenFiles++;
      if (seenFiles > limits.maxFiles) {
        refuse(relative, `library has more than ${limits.maxFiles} files; the rest were not read`);
        return result;
      }
      if (info.size > limits.maxFileBytes) {
        refuse(relative, `file is ${info.size} bytes, over the ${limits.maxFileBytes}-byte limit`);
        continue;
      }
      totalBytes += info.size;
      if (totalBytes > limits.maxTotalBytes) {
        refuse(relative, `library is larger than ${limits.maxTotalBytes} bytes; the rest were not read`);
        return result;
      }
      result.files.push({ path: relative, text: await readText(absolute, Math.min(info.size, limits.maxFileBytes) + 1) });
    }
  }
  return result;
}

/** `refused`: paths the caller already knows must not be read (Git's symbolic links), with the reason. */
export async function loadLibraryFolder(
  root: string,
  source: LibrarySource,
  limits: LibraryLimits = DEFAULT_LIMITS,
  refused: ReadonlyMap<string, string> = new Map(),
): Promise<LibrarySnapshot> {
  const { files, problems } = await readLibraryFolder(root, limits, refused);
  return parseLibrary(files, source, problems, limits);
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
