import type { MessagePort } from 'node:worker_threads';
import type { Runbook } from '../shared/model';
import { serializeIndex } from '../shared/search/search-engine';
import { buildIndex, SearchIndexBuilder } from '../shared/search/search-index-builder';
import type { CountMessage, ReadMessage } from './library-reader';

/**
 * A count job (electron/parse-worker.ts): builds the search index of the runbooks a library read
 * sends as it parses them, then, told the library's version and the ids it kept, posts the index's
 * JSON text and ends. A library that dropped runbooks (two with one id) is counted again from the
 * ones it kept, so the index is always the one `buildSearchIndex` gives for the snapshot.
 */
export function countRunbooks(port: MessagePort): void {
  const builder = new SearchIndexBuilder();
  const received: Runbook[] = [];
  const ids = new Set<string>();
  let inOrder = true;
  port.on('message', (request: CountMessage) => {
    if ('runbooks' in request) {
      for (const runbook of request.runbooks) {
        received.push(runbook);
        // A second runbook under an id: finishLibrary drops it, so counting stops here until the end.
        if (ids.has(runbook.id)) inOrder = false;
        ids.add(runbook.id);
        if (inOrder) builder.add(runbook);
      }
      return;
    }
    let reply: ReadMessage;
    try {
      const { version, ids: kept } = request.finish;
      const same = inOrder && kept.length === received.length && kept.every((id, index) => received[index].id === id);
      reply = { index: JSON.stringify(serializeIndex(version, same ? builder.finish() : buildIndex(keptRunbooks(received, kept)))) };
    } catch (error) {
      reply = { indexFailed: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
    port.close();
  });
}

/** The runbooks the library kept, in its order: the first read under each id (as finishLibrary keeps). */
function keptRunbooks(received: Runbook[], kept: string[]): Runbook[] {
  const first = new Map<string, Runbook>();
  for (const runbook of received) if (!first.has(runbook.id)) first.set(runbook.id, runbook);
  return kept.map((id) => {
    const runbook = first.get(id);
    if (!runbook) throw new Error(`the library kept a runbook the index was not sent: ${id}`);
    return runbook;
  });
}
