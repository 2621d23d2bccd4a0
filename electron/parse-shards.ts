import { finishLibrary, joinLibraryShards, parseLibraryFiles, type LibraryFile } from '../shared/library/library-parser';
import { DEFAULT_LIMITS, type LibraryLimits } from '../shared/limits';
import type { LibraryProblem, LibrarySnapshot, LibrarySource } from '../shared/model';
import { readSnapshotJson } from '../shared/sync/snapshot-json';
import { runWorker, type ShardJob, type ShardOutcome } from './library-reader';

/**
 * Characters of Markdown per shard at least: below this, starting a thread (about 0.1 s to load the
 * parser) costs more than the parse it takes over.
 */
const MIN_SHARD_CHARS = 1_500_000;

/**
 * Parses a library's files as parseLibrary does, sharing the work among up to `threads` threads:
 * the path-sorted files are cut into consecutive runs of about equal size; this thread parses the
 * first while workers (`workerFile`) parse the others, and the parts are joined in order, so the
 * result is the one a single parse gives (test/unit/electron/parse-shards.test.ts).
 */
export async function parseInShards(
  files: LibraryFile[],
  source: LibrarySource,
  earlierProblems: LibraryProblem[],
  limits: LibraryLimits = DEFAULT_LIMITS,
  { threads, workerFile }: { threads: number; workerFile: string },
): Promise<LibrarySnapshot> {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const shards = cutIntoShards(sorted, threads);
  const others = shards.slice(1).map((shard) => {
    const job: ShardJob = { kind: 'shard', files: shard, source, earlierProblems: [], limits };
    return runWorker<ShardOutcome>(workerFile, job).then((outcome) => (outcome.ok ? (readSnapshotJson(outcome.shard) as LibrarySnapshot) : Promise.reject(new Error(outcome.message))));
  });
  // This thread's own shard is parsed while the others are; a worker that fails fails the read.
  const first = parseLibraryFiles(shards[0], source, earlierProblems, limits);
  return finishLibrary(joinLibraryShards([first, ...(await Promise.all(others))]));
}

/** Consecutive runs of about equal characters, as many as `threads` and the library's size allow (at least one). */
export function cutIntoShards(sorted: LibraryFile[], threads: number): LibraryFile[][] {
  let total = 0;
  for (const file of sorted) total += file.text.length;
  const count = Math.max(1, Math.min(threads, Math.floor(total / MIN_SHARD_CHARS)));
  const shards: LibraryFile[][] = [[]];
  let filled = 0;
  for (const file of sorted) {
    if (filled >= (total * shards.length) / count && shards.length < count) shards.push([]);
    shards[shards.length - 1].push(file);
    filled += file.text.length;
  }
  return shards;
}
