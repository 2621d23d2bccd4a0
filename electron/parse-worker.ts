// Worker thread entry (bundled to dist-electron/parse-worker.cjs), for two kinds of job. A library:
// read one library folder away from the main process's event loop, parse it (a large one in shards,
// side by side in more workers of this same file), and post the snapshot back as JSON text. A
// shard: parse the files given and post the part back.
import { parentPort, workerData } from 'node:worker_threads';
import { parseLibraryFiles } from '../shared/library/library-parser';
import { snapshotJson } from '../shared/sync/snapshot-json';
import { readLibraryFolder } from './library-loader';
import { snapshotText, type ReadJob, type ReadOutcome, type ShardJob, type ShardOutcome } from './library-reader';
import { parseInShards } from './parse-shards';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const job = workerData as ReadJob | ShardJob;
if (job.kind === 'shard') {
  let outcome: ShardOutcome;
  try {
    outcome = { ok: true, shard: snapshotJson(parseLibraryFiles(job.files, job.source, job.earlierProblems, job.limits)) };
  } catch (error) {
    outcome = { ok: false, message: message(error) };
  }
  parentPort?.postMessage(outcome);
} else {
  const options = { ...job.options, refused: new Map(job.options.refused) };
  readLibraryFolder(job.root, options)
    .then(({ files, problems }) => parseInShards(files, job.source, problems, options.limits, job))
    .then(
      (snapshot) => parentPort?.postMessage({ ok: true, snapshot: snapshotText(snapshot) } satisfies ReadOutcome),
      (error: unknown) => parentPort?.postMessage({ ok: false, message: message(error) } satisfies ReadOutcome),
    );
}
