import { finishLibraryContent, joinLibraryShards, parseLibraryFiles, type LibraryFile } from '../shared/library/library-parser';
import { DEFAULT_LIMITS, type LibraryLimits } from '../shared/limits';
import type { LibraryProblem, LibrarySnapshot, LibrarySource, Runbook } from '../shared/model';
import { readSnapshotJson, type ContentJson } from '../shared/sync/snapshot-json';
import { runShardWorker, type ShardJob } from './library-reader';

/**
 * Characters of Markdown per shard at least: below this, starting a thread (about 0.1 s to load the
 * parser) costs more than the parse it takes over.
 */
const MIN_SHARD_CHARS = 1_500_000;

/** Files parsed at a time in this thread when the runbooks are wanted as they are read: about 2 MB of Markdown. */
const BATCH_FILES = 500;

/**
 * Parses a library's files as parseLibrary does, sharing the work among up to `threads` threads:
 * the path-sorted files are cut into consecutive runs of about equal size; this thread parses the
 * first while workers (`workerFile`) parse the others, and the parts are joined in order, so the
 * result is the one a single parse gives (test/unit/electron/parse-shards.test.ts).
 * `onRunbooks` is given the runbooks as they are read, in order (this thread's own in batches), so
 * their search index is counted meanwhile; whatever finishLibrary then drops is the counter's to
 * leave out. With the snapshot comes its content's JSON text, for its own text (snapshotJson).
 */
export async function parseInShards(
  files: LibraryFile[],
  source: LibrarySource,
  earlierProblems: LibraryProblem[],
  limits: LibraryLimits = DEFAULT_LIMITS,
  { threads, workerFile }: { threads: number; workerFile: string },
  onRunbooks: (runbooks: Runbook[]) => void = () => undefined,
): Promise<{ snapshot: LibrarySnapshot; content: ContentJson }> {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const shards = cutIntoShards(sorted, threads);
  const others = shards.slice(1).map((shard) => {
    const job: ShardJob = { kind: 'shard', files: shard, source, earlierProblems: [], limits };
    return runShardWorker(workerFile, job).then((outcome) => (outcome.ok ? (readSnapshotJson(outcome.shard) as LibrarySnapshot) : Promise.reject(new Error(outcome.message))));
  });
  // This thread's own shard is parsed while the others are; a worker that fails fails the read.
  const parts: LibrarySnapshot[] = [];
  for (let start = 0; start < shards[0].length || start === 0; start += BATCH_FILES) {
    parts.push(parseLibraryFiles(shards[0].slice(start, start + BATCH_FILES), source, start === 0 ? earlierProblems : [], limits));
    onRunbooks(parts[parts.length - 1].runbooks);
  }
  for (const other of others) {
    parts.push(await other);
    onRunbooks(parts[parts.length - 1].runbooks);
  }
  const snapshot = joinLibraryShards(parts);
  return { content: finishLibraryContent(snapshot), snapshot };
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
