import { libraryFileKind } from '../shared/library/library-paths';
import { DEFAULT_LIMITS, type LibraryLimits } from '../shared/limits';
import type { LibraryFile } from '../shared/library/library-parser';
import type { LibraryProblem } from '../shared/model';

export interface LoadedFiles {
  files: LibraryFile[];
  problems: LibraryProblem[];
}

/** What an entry of a library's tree is, once looked at (a folder's entry follows a link only when allowed). */
export type EntryInfo = { kind: 'directory' } | { kind: 'file'; size: number } | { kind: 'refused'; reason: string } | { kind: 'other' };

export interface TreeEntry {
  name: string;
  /** What the listing itself says, before any link is followed. */
  isDirectory: boolean;
  describe(): EntryInfo;
}

/** A library's files as a tree: a folder on disk (library-loader.ts) or a commit's objects (sync/library-tree.ts). */
export interface LibraryTree {
  /** The entries of `directory` ('' for the top), in any order. */
  list(directory: string): TreeEntry[];
  /** The text of the file at `relative`: at most `limit` bytes of it. */
  read(relative: string, limit: number): string;
}

export interface WalkOptions {
  limits?: LibraryLimits;
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
/** YAML files read for alerting rules, apart from the file limit. */
const MAX_YAML_FILES = 5_000;
const HIDDEN_REASON = 'skipped: the name starts with a dot, so it is hidden; rename it to have it read';

/**
 * Reads the library files of a tree. Refuses, and reports, whatever could read outside it or
 * exhaust memory: odd path names, oversized files, too many files (and, as the tree says, links).
 * One walk for a folder and for a commit, so both read the same files with the same problems.
 */
export function walkLibrary(tree: LibraryTree, options: WalkOptions = {}): LoadedFiles {
  const { limits = DEFAULT_LIMITS } = options;
  const result: LoadedFiles = { files: [], problems: [] };
  const refuse = (relative: string, reason: string, level: LibraryProblem['level'] = 'error') => result.problems.push({ path: relative, reason, level });
  const accepted: { relative: string; size: number }[] = [];
  let totalBytes = 0;
  let seenFiles = 0;
  let seenYaml = 0;
  const pending: string[] = [''];
  walk: while (pending.length) {
    const directory = pending.pop() as string;
    const entries = tree.list(directory).sort((a, b) => (a.name < b.name ? -1 : 1));
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
        // Hidden YAML (.gitlab-ci.yml, .pre-commit-config.yaml) is tooling, never alerting rules.
        const kind = libraryFileKind(relative);
        if (entry.isDirectory || (kind !== 'ignored' && kind !== 'alert-rules')) refuse(relative, HIDDEN_REASON, 'skipped');
        return [];
      }
      return [{ relative, entry }];
    });
    for (const { relative, entry } of candidates) {
      const info = entry.describe();
      if (info.kind === 'refused') {
        refuse(relative, info.reason);
        continue;
      }
      if (info.kind === 'directory') {
        pending.push(relative);
        continue;
      }
      const kind = libraryFileKind(relative);
      if (info.kind !== 'file' || kind === 'ignored') continue;
      // YAML is read for alerting rules only: its own, smaller allowance, so a repository full of
      // manifests never crowds out a runbook, and one too big is skipped, not an error.
      if (kind === 'alert-rules') {
        if (++seenYaml > MAX_YAML_FILES || info.size > limits.maxFileBytes) {
          if (seenYaml === MAX_YAML_FILES + 1) refuse(relative, `skipped: more than ${MAX_YAML_FILES} YAML files; alerting rules in the rest are not read`, 'skipped');
          else if (seenYaml <= MAX_YAML_FILES) refuse(relative, `skipped: YAML file of ${info.size} bytes, over the ${limits.maxFileBytes}-byte limit; alerting rules in it are not read`, 'skipped');
          continue;
        }
      } else seenFiles++;
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
      accepted.push({ relative, size: info.size });
    }
  }
  for (const file of accepted) result.files.push({ path: file.relative, text: tree.read(file.relative, Math.min(file.size, limits.maxFileBytes) + 1) });
  return result;
}

function isPlainName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name !== '..' && !/[\\/\u0000-\u001f]/.test(name);
}
