// Worker thread entry (bundled to dist-electron/parse-worker.cjs), for three kinds of job.
// - A library: started ahead (it loads while the repository is cloned), then sent where to read:
//   read one library (a folder, or a commit's objects) away from the main process's event loop,
//   parse it (a large one in shards, side by side in more workers of this same file), and post the
//   snapshot back as JSON text. Its runbooks go, as they are parsed, to a count job, whose search
//   index follows.
// - A shard: parse the files given and post the part back.
// - A count: build the search index of the runbooks sent, as they come; at the end, post it.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { parseLibraryFiles } from '../shared/library/library-parser';
import { snapshotJson } from '../shared/sync/snapshot-json';
import { readLibraryAt } from './library-loader';
import { countRunbooks } from './count-job';
import { snapshotText, type CountJob, type CountMessage, type ReadJob, type ReaderStart, type ReadMessage, type ShardJob, type ShardOutcome } from './library-reader';
import { parseInShards } from './parse-shards';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const job = workerData as ReaderStart | ShardJob | CountJob;
if (job.kind === 'shard') {
  let outcome: ShardOutcome;
  try {
    outcome = { ok: true, shard: snapshotJson(parseLibraryFiles(job.files, job.source, job.earlierProblems, job.limits)) };
  } catch (error) {
    outcome = { ok: false, message: message(error) };
  }
  parentPort?.postMessage(outcome);
} else if (job.kind === 'count') {
  if (parentPort) countRunbooks(parentPort);
} else {
  // Counting runs beside the parse: on two cores, the index is nearly done when the snapshot is.
  // The count thread starts now, while the job is still to come (see PreparedRead).
  const counter = new Worker(job.workerFile, { workerData: { kind: 'count' } satisfies CountJob });
  const count = (request: CountMessage) => counter.postMessage(request);
  counter.on('message', (counted: ReadMessage) => parentPort?.postMessage(counted));
  counter.on('error', (error) => parentPort?.postMessage({ indexFailed: message(error) } satisfies ReadMessage));
  parentPort?.once('message', ({ where, source, options }: ReadJob) => {
    readLibraryAt(where, options)
      .then(({ files, problems }) => parseInShards(files, source, problems, options.limits, job, (runbooks) => count({ runbooks })))
      .then(
        ({ snapshot, content }) => {
          parentPort?.postMessage({ ok: true, snapshot: snapshotText(snapshot, content) } satisfies ReadMessage);
          count({ finish: { version: snapshot.version, ids: snapshot.runbooks.map((runbook) => runbook.id) } });
        },
        (error: unknown) => {
          void counter.terminate();
          parentPort?.postMessage({ ok: false, message: message(error) } satisfies ReadMessage);
        },
      );
  });
}
