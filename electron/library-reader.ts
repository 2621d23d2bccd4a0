import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LibraryLimits } from '../shared/limits';
import { parseLibrary, type LibraryFile } from '../shared/library/library-parser';
import type { LibraryProblem, LibrarySnapshot, LibrarySource, Runbook } from '../shared/model';
import { buildSearchIndex } from '../shared/search/search-engine';
import type { SnapshotText, SyncedLibrary } from '../shared/sync/sync-contract';
import { snapshotJson, type ContentJson } from '../shared/sync/snapshot-json';
import { readLibraryAt, type LibraryLocation, type ReadOptions } from './library-loader';

/**
 * Reads and parses a library (a folder, or a commit's objects) into a snapshot's JSON text, then
 * counts its search index: in this thread, or in worker threads (see createWorkerReader). It
 * resolves once the snapshot is ready; the index follows.
 */
export type ReadLibrary = (where: LibraryLocation, source: LibrarySource, options: ReadOptions) => Promise<SyncedLibrary>;

export interface LibraryReader extends ReadLibrary {
  /**
   * A read made ready ahead, while the repository is cloned: its threads start and load their code
   * meanwhile (about 0.3 s at a first sync of 5,000 runbooks), not after. Read once, or release it.
   */
  prepare?(): PreparedRead;
}

/** A read whose threads are starting: `read` once, or `release` when there is nothing to read. */
export interface PreparedRead {
  read: ReadLibrary;
  /** Stops the threads if `read` was never called; after a read, they end with it. */
  release(): void;
}

/** The snapshot as text (read it with readSnapshotJson), with its runbook count and problems. */
export function snapshotText(snapshot: LibrarySnapshot, content?: ContentJson): SnapshotText {
  return { text: snapshotJson(snapshot, content), runbooks: snapshot.runbooks.length, problems: snapshot.problems };
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

/**
 * A worker that reads a library, started before there is one to read (see PreparedRead): it starts
 * its count thread at once and waits for its ReadJob as its first message.
 */
export interface ReaderStart {
  kind: 'library';
  /** The worker file itself, to start the count and shard workers from. */
  workerFile: string;
  /** At most this many threads parse at once, this one included. */
  threads: number;
}

/** What a reading worker is then sent (structured-clone friendly). */
export interface ReadJob {
  where: LibraryLocation;
  source: LibrarySource;
  options: ReadOptions;
}

/** A worker that counts the search index of the runbooks a library read sends it (electron/count-job.ts). */
export interface CountJob {
  kind: 'count';
}

/**
 * What a library read sends its count job: runbooks in order, then what the library kept. As
 * objects: cloned, a batch costs the parsing thread half what writing it as JSON text did.
 */
export type CountMessage = { runbooks: Runbook[] } | { finish: { version: string; ids: string[] } };

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
  const prepare = () => startReader(workerFile, threads);
  return Object.assign((where: LibraryLocation, source: LibrarySource, options: ReadOptions) => prepare().read(where, source, options), { prepare });
}

/** Starts a reading worker (it loads its code and starts its count thread) that waits for its job. */
function startReader(workerFile: string, threads: number): PreparedRead {
  const worker = new Worker(workerFile, { workerData: { kind: 'library', workerFile, threads } satisfies ReaderStart });
  let snapshotDone: { resolve(library: SyncedLibrary): void; reject(error: Error): void } | undefined;
  const snapshot = new Promise<SyncedLibrary>((resolve, reject) => (snapshotDone = { resolve, reject }));
  let indexDone: { resolve(text: string): void; reject(error: Error): void } | undefined;
  const index = new Promise<string>((resolve, reject) => (indexDone = { resolve, reject }));
  // Nobody may be waiting yet: a worker released unread, or an index the window builds itself
  // when this one fails.
  snapshot.catch(() => undefined);
  index.catch(() => undefined);
  worker.on('message', (message: ReadMessage) => {
    if ('index' in message) indexDone?.resolve(message.index);
    else if ('indexFailed' in message) indexDone?.reject(new Error(message.indexFailed));
    else if (message.ok) snapshotDone?.resolve({ ...message.snapshot, index });
    else snapshotDone?.reject(new Error(message.message));
  });
  // Settling what is already settled does nothing: these only tell whoever still waits.
  const stopped = (error: Error) => {
    snapshotDone?.reject(error);
    indexDone?.reject(error);
  };
  worker.once('error', stopped);
  worker.once('exit', (code) => stopped(new Error(`the library reader stopped (exit code ${code})`)));
  let asked = false;
  return {
    read: (where, source, options) => {
      if (asked) return Promise.reject(new Error('a prepared read reads once'));
      asked = true;
      worker.postMessage({ where, source, options } satisfies ReadJob);
      return snapshot;
    },
    release: () => void (asked || worker.terminate()),
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
