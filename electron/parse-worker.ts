// Worker thread entry (bundled to dist-electron/parse-worker.cjs), for three kinds of job.
// - A library: read one library (a folder, or a commit's objects) away from the main process's event loop, parse it (a large
//   one in shards, side by side in more workers of this same file), and post the snapshot back as
//   JSON text, then its search index: counted meanwhile by a count job the runbooks go to as they
//   are parsed when a core is free for it, else here once the snapshot is posted.
// - A shard: parse the files given and post the part back.
// - A count: build the search index of the runbooks sent, as they come; at the end, post it.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { parseLibraryFiles } from '../shared/library/library-parser';
import type { LibrarySnapshot } from '../shared/model';
import { snapshotJson } from '../shared/sync/snapshot-json';
import { readLibraryAt } from './library-loader';
import { countRunbooks } from './count-job';
import { searchIndexText, snapshotText, type CountJob, type CountMessage, type ReadJob, type ReadMessage, type ShardJob, type ShardOutcome } from './library-reader';
import { parseInShards } from './parse-shards';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const job = workerData as ReadJob | ShardJob | CountJob;
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
  const { options } = job;
  // Counted beside the parse when a core is free for it (see COUNT_BESIDE in library-reader.ts).
  const counter = job.countBeside ? new Worker(job.workerFile, { workerData: { kind: 'count' } satisfies CountJob }) : undefined;
  const count = (request: CountMessage) => counter?.postMessage(request);
  counter?.on('message', (counted: ReadMessage) => parentPort?.postMessage(counted));
  counter?.on('error', (error) => parentPort?.postMessage({ indexFailed: message(error) } satisfies ReadMessage));
  readLibraryAt(job.where, options)
    .then(({ files, problems }) => parseInShards(files, job.source, problems, options.limits, job, counter ? (runbooks) => count({ runbooks: JSON.stringify(runbooks) }) : undefined))
    .then(
      (snapshot) => {
        parentPort?.postMessage({ ok: true, snapshot: snapshotText(snapshot) } satisfies ReadMessage);
        if (counter) count({ finish: { version: snapshot.version, ids: snapshot.runbooks.map((runbook) => runbook.id) } });
        else parentPort?.postMessage(countedHere(snapshot));
      },
      (error: unknown) => {
        void counter?.terminate();
        parentPort?.postMessage({ ok: false, message: message(error) } satisfies ReadMessage);
      },
    );
}

/** The index of a snapshot already handed over, counted in this thread while the window stores the library. */
function countedHere(snapshot: LibrarySnapshot): ReadMessage {
  try {
    return { index: searchIndexText(snapshot) };
  } catch (error) {
    return { indexFailed: message(error) };
  }
}
