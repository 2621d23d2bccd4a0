import { Worker } from 'node:worker_threads';
import type { LibrarySnapshot, LibrarySource } from '../shared/model';
import type { SnapshotText } from '../shared/sync/sync-contract';
import { loadLibraryFolder, type ReadOptions } from './library-loader';

/** Reads and parses a library folder into a snapshot's JSON text: in this thread, or in a worker thread (see createWorkerReader). */
export type LibraryReader = (root: string, source: LibrarySource, options: ReadOptions) => Promise<SnapshotText>;

/** The snapshot as text, with its runbook count and problems. */
export function snapshotText(snapshot: LibrarySnapshot): SnapshotText {
  return { text: JSON.stringify(snapshot), runbooks: snapshot.runbooks.length, problems: snapshot.problems };
}

/** In this thread: tests, where nothing else waits on the event loop. */
export const readInThisThread: LibraryReader = async (root, source, options) => snapshotText(await loadLibraryFolder(root, source, options));

/** What crosses to the worker: structured-clone friendly (a Map becomes entries). */
export interface ReadJob {
  root: string;
  source: LibrarySource;
  options: Omit<ReadOptions, 'refused'> & { refused: [string, string][] };
}

export type ReadOutcome = { ok: true; snapshot: SnapshotText } | { ok: false; message: string };

/**
 * In a worker thread, one per read: parsing thousands of runbooks takes seconds of CPU, and in
 * Electron's main process that would stall every IPC reply and the app:// protocol meanwhile. The
 * worker sends back JSON text, not objects: one string crosses threads in a tenth of the time a
 * structured clone of 5,000 runbooks takes, and it is what the renderer receives anyway.
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
