// Worker thread entry (bundled to dist-electron/parse-worker.cjs): reads and parses one library
// folder away from the main process's event loop, and posts the snapshot back as JSON text.
import { parentPort, workerData } from 'node:worker_threads';
import { loadLibraryFolder } from './library-loader';
import { snapshotText, type ReadJob, type ReadOutcome } from './library-reader';

const job = workerData as ReadJob;
loadLibraryFolder(job.root, job.source, { ...job.options, refused: new Map(job.options.refused) }).then(
  (snapshot) => parentPort?.postMessage({ ok: true, snapshot: snapshotText(snapshot) } satisfies ReadOutcome),
  (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ReadOutcome),
);
