import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LibraryLimits } from '../shared/limits';
import { parseLibrary, type LibraryFile } from '../shared/library/library-parser';
import type { LibraryProblem, LibrarySnapshot, LibrarySource } from '../shared/model';
import { buildSearchIndex } from '../shared/search/search-engine';
import type { SnapshotText, SyncedLibrary } from '../shared/sync/sync-contract';
import { snapshotJson } from '../shared/sync/snapshot-json';
import { readLibraryAt, type LibraryLocation, type ReadOptions } from './library-loader';

/**
 * Reads and parses a library (a folder, or a commit's objects) into a snapshot's JSON text, then
 * counts its search index: in this thread, or in worker threads (see createWorkerReader). It
 * resolves once the snapshot is ready; the index follows.
 */
export type LibraryReader = (where: LibraryLocation, source: LibrarySource, options: ReadOptions) => Promise<SyncedLibrary>;

/** The snapshot as text (read it with readSnapshotJson), with its runbook count and problems. */
export function snapshotText(snapshot: LibrarySnapshot): SnapshotText {
  return { text: snapshotJson(snapshot), runbooks: snapshot.runbooks.length, problems: snapshot.problems };
}

/** The search index of a snapshot as the search worker stores and loads it. */
export function searchIndexText(snapshot: LibrarySnapshot): string {
  return JSON.stringify(buildSearchIndex(snapshot.version, snapshot.runbooks));
}

/** In this thread: tests, where nothing else waits on the event loop. */
export const readInThisThread: LibraryReader = async (where, source, options) => {
  const { files, problems } = await readLibraryAt(where, options);
  const snapshot = parseLibrary(files, source, problems, options.limits);
  return { ...snapshotText(snapshot), index: Promise.resolve().then(() => searchIndexText(snapshot)) };
};

/** What crosses to the worker that reads a library (structured-clone friendly). */
export interface ReadJob {
  kind: 'library';
  where: LibraryLocation;
  source: LibrarySource;
  options: ReadOptions;
  /** The worker file itself, to start the shard workers from. */
  workerFile: string;
  /** At most this many threads parse at once, this one included. */
  threads: number;
}

/** A worker that counts the search index of the runbooks a library read sends it (electron/count-job.ts). */
export interface CountJob {
  kind: 'count';
}

/** What a library read sends its count job: runbooks as JSON text, in order, then what the library kept. */
export type CountMessage = { runbooks: string } | { finish: { version: string; ids: string[] } };

/** What crosses to a worker that parses one shard of a library's files (see parseLibraryFiles). */
export interface ShardJob {
  kind: 'shard';
  files: LibraryFile[];
  source: LibrarySource;
  earlierProblems: LibraryProblem[];
  limits: LibraryLimits;
}

/**
 * What a library worker posts: the snapshot (or why not), then its search index (or why not). The
 * index is counted beside the parse (electron/count-job.ts) and comes a little after the snapshot,
 * which main hands on meanwhile.
 */
export type ReadMessage = { ok: true; snapshot: SnapshotText } | { ok: false; message: string } | { index: string } | { indexFailed: string };
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
 * structured clone of 5,000 runbooks takes, and it is what the renderer receives anyway. One more
 * thread counts the search index of what is parsed as it goes (`index`, resolved after the snapshot).
 * `workerFile`: the bundled electron/parse-worker.ts (dist-electron/parse-worker.cjs).
 */
export function createWorkerReader(workerFile: string, threads = THREADS): LibraryReader {
  return (where, source, options) => {
    const job: ReadJob = { kind: 'library', where, source, options, workerFile, threads };
    return new Promise((resolve, reject) => {
      let indexDone: { resolve(text: string): void; reject(error: Error): void } | undefined;
      const index = new Promise<string>((resolveIndex, rejectIndex) => (indexDone = { resolve: resolveIndex, reject: rejectIndex }));
      // The window builds the index itself when this one fails; nobody may be waiting for it yet.
      index.catch(() => undefined);
      const worker = new Worker(workerFile, { workerData: job });
      worker.on('message', (message: ReadMessage) => {
        if ('index' in message) indexDone?.resolve(message.index);
        else if ('indexFailed' in message) indexDone?.reject(new Error(message.indexFailed));
        else if (message.ok) resolve({ ...message.snapshot, index });
        else reject(new Error(message.message));
      });
      // Settling what is already settled does nothing: these only tell whoever still waits.
      const stopped = (error: Error) => {
        reject(error);
        indexDone?.reject(error);
      };
      worker.once('error', stopped);
      worker.once('exit', (code) => stopped(new Error(`the library reader stopped (exit code ${code})`)));
    });
  };
}

/** Starts a worker on a shard and resolves with the one message it posts. */
export function runShardWorker(workerFile: string, job: ShardJob): Promise<ShardOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the library reader stopped (exit code ${code})`)));
  });
}
