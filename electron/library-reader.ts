import { Worker } from 'node:worker_threads';
import type { LibrarySnapshot, LibrarySource } from '../shared/model';
import { loadLibraryFolder, type ReadOptions } from './library-loader';

/** Reads and parses a library folder: in this thread, or in a worker thread (see createWorkerReader). */
export type LibraryReader = (root: string, source: LibrarySource, options: ReadOptions) => Promise<LibrarySnapshot>;

/** In this thread: tests, the lint command and the build, where nothing else waits on the event loop. */
export const readInThisThread: LibraryReader = loadLibraryFolder;

/** What crosses to the worker: structured-clone friendly (a Map becomes entries). */
export interface ReadJob {
  root: string;
  source: LibrarySource;
  options: Omit<ReadOptions, 'refused'> & { refused: [string, string][] };
}

export type ReadOutcome = { ok: true; snapshot: LibrarySnapshot } | { ok: false; message: string };

/**
 * In a worker thread, one per read: parsing thousands of runbooks takes seconds of CPU, and in
 * Electron's main process that would stall every IPC reply and the app:// protocol meanwhile.
 * `workerFile`: the bundled electron/parse-worker.ts (dist-electron/parse-worker.cjs).
 */
export function createWorkerReader(workerFile: string): LibraryReader {
  return (root, source, options) =>
    new Promise((resolve, reject) => {
      const job: ReadJob = { root, source, options: { ...options, refused: [...(options.refused ?? new Map()).entries()] } };
      const worker = new Worker(workerFile, { workerData: job });
      worker.once('message', (outcome: ReadOutcome) => (outcome.ok ? resolve(outcome.snapshot) : reject(new Error(outcome.message))));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the library reader stopped (exit code ${code})`)));
    });
}
