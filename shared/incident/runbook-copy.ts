import { contentHash } from '../content-hash';
import type { LibraryMeta, Runbook } from '../model';
import { runbookParams } from '../library/run-params';
import { splitSections } from '../library/markdown/runbook-sections';
import type { RunbookCopy } from './incident-events';

/** What a run keeps of its runbook when it starts (see RunbookCopy). */
export function runbookCopy(runbook: Runbook, relatedTitles: ReadonlyMap<string, string>, library: LibraryMeta): RunbookCopy {
  const rollback = splitSections(runbook.body).sections.filter((section) => section.kind === 'rollback');
  return {
    id: runbook.id,
    title: runbook.title,
    path: runbook.path,
    version: runbook.version,
    bodyHash: runbookHash(runbook),
    body: runbook.body,
    steps: runbook.steps,
    verification: runbook.verification,
    rollback: rollback.map((section) => section.content).join('\n\n'),
    related: runbook.related.flatMap((id) => (relatedTitles.has(id) ? [{ id, title: relatedTitles.get(id)! }] : [])),
    duration: runbook.duration,
    params: runbookParams(runbook),
    libraryVersion: library.version,
    libraryCommit: library.source.kind === 'git' ? library.source.commit : undefined,
  };
}

/** Changes when anything a run shows changes: the body or the declared parameters. */
export function runbookHash(runbook: Pick<Runbook, 'body' | 'extra'>): string {
  return contentHash(JSON.stringify([runbook.body, runbook.extra.params ?? null]));
}
