import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LibraryLimits } from '../shared/limits';
import type { LibraryFile } from '../shared/library/library-parser';
import type { LibraryProblem, LibrarySnapshot, LibrarySource } from '../shared/model';
import type { SnapshotText } from '../shared/sync/sync-contract';
import { snapshotJson } from '../shared/sync/snapshot-json';
import { loadLibraryFolder, type ReadOptions } from './library-loader';

/** Reads and parses a library folder into a snapshot's JSON text: in this thread, or in worker threads (see createWorkerReader). */
export type LibraryReader = (root: string, source: LibrarySource, options: ReadOptions) => Promise<SnapshotText>;

/** The snapshot as text (read it with readSnapshotJson), with its runbook count and problems. */
export function snapshotText(snapshot: LibrarySnapshot): SnapshotText {
  return { text: snapshotJson(snapshot), runbooks: snapshot.runbooks.length, problems: snapshot.problems };
}

/** In this thread: tests, where nothing else waits on the event loop. */
export const readInThisThread: LibraryReader = async (root, source, options) => snapshotText(await loadLibraryFolder(root, source, options));

/** What crosses to the worker that reads a library: structured-clone friendly (a Map becomes entries). */
export interface ReadJob {
  kind: 'library';
  root: string;
  source: LibrarySource;
  options: Omit<ReadOptions, 'refused'> & { refused: [string, string][] };
  /** The worker file itself, to start the shard workers from. */
  workerFile: string;
  /** At most this many threads parse at once, this one included. */
  threads: number;
}

/** What crosses to a worker that parses one shard of a library's files (see parseLibraryFiles). */
export interface ShardJob {
  kind: 'shard';
  files: LibraryFile[];
  source: LibrarySource;
  earlierProblems: LibraryProblem[];
  limits: LibraryLimits;
}

export type ReadOutcome = { ok: true; snapshot: SnapshotText } | { ok: false; message: string };
/** A shard comes back as JSON text too (snapshotJson): parsing it again costs the receiving thread less than a structured clone. */
export type ShardOutcome = { ok: true; shard: string } | { ok: false; message: string };

/**
 * Parsing threads: one per core but one, which stays for the rest of the app (the window, main), and
 * at most four: past that, starting threads and joining their shards cost more than the parse left
 * to share. On two cores, then, one thread parses: on a busy 2-core machine two took longer.
 */
const THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));

/**
 * In a worker thread, one per read: parsing thousands of runbooks takes seconds of CPU, and in
 * Electron's main process that would stall every IPC reply and the app:// protocol meanwhile. That
 * worker shares a large library's parse with more workers, one per spare core (see parse-shards.ts).
 * It sends back JSON text, not objects: one string crosses threads in a tenth of the time a
 * structured clone of 5,000 runbooks takes, and it is what the renderer receives anyway.
 * `workerFile`: the bundled electron/parse-worker.ts (dist-electron/parse-worker.cjs).
 */
export function createWorkerReader(workerFile: string, threads = THREADS): LibraryReader {
  return (root, source, options) => {
    const job: ReadJob = { kind: 'library', root, source, options: { ...options, refused: [...(options.refused ?? new Map()).entries()] }, workerFile, threads };
    return runWorker<ReadOutcome>(workerFile, job).then((outcome) => (outcome.ok ? outcome.snapshot : Promise.reject(new Error(outcome.message))));
  };
}

/** Starts a worker on `job` and resolves with the one message it posts. */
export function runWorker<T>(workerFile: string, job: ReadJob | ShardJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the library reader stopped (exit code ${code})`)));
  });
}
