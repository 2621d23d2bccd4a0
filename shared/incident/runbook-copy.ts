import { contentHash } from '../content-hash';
import type { LibraryMeta, Runbook } from '../model';
import { isWhole, procedures, procedureTitle } from '../library/document/procedures';
import { procedureParams } from '../library/document/procedure-params';
import { recoveryParts } from '../library/document/recovery-parts';
import { splitSections } from '../library/markdown/runbook-sections';
import type { RunbookCopy } from './incident-events';

/**
 * What a run keeps of its runbook when it starts (see RunbookCopy): of its procedure number
 * `procedure` (from 0, in `procedures(runbook)`), else of its first. A runbook that is one
 * procedure as a whole is copied as it always was; a run of one procedure of several copies what
 * the document has to recover with (`recovery`: the rest of its section, the document's rollbacks).
 */
export function runbookCopy(runbook: Runbook, relatedTitles: ReadonlyMap<string, string>, library: LibraryMeta, procedure = 0): RunbookCopy {
  const all = procedures(runbook);
  const chosen = all[procedure];
  const whole = isWhole(runbook.title, chosen);
  // A Rollback section belongs to the runbook as a whole, not to one of its procedures.
  const rollback = whole ? splitSections(runbook.body).sections.filter((section) => section.kind === 'rollback') : [];
  return {
    id: runbook.id,
    title: procedureTitle(runbook, procedure),
    path: runbook.path,
    version: runbook.version,
    bodyHash: runbookHash(runbook),
    body: runbook.body,
    steps: chosen?.steps ?? runbook.steps,
    verification: chosen?.verification ?? runbook.verification,
    rollback: rollback.map((section) => section.content).join('\n\n'),
    related: runbook.related.flatMap((id) => (relatedTitles.has(id) ? [{ id, title: relatedTitles.get(id)! }] : [])),
    duration: runbook.duration,
    params: procedureParams(runbook, procedure),
    libraryVersion: library.version,
    libraryCommit: library.source.kind === 'git' ? library.source.commit : undefined,
    ...(whole || !chosen ? {} : { procedure: { section: chosen.section, title: chosen.title }, recovery: recoveryParts(runbook.body, all, chosen) }),
  };
}

/** Changes when anything a run shows changes: the body or the declared parameters. */
export function runbookHash(runbook: Pick<Runbook, 'body' | 'extra'>): string {
  return contentHash(JSON.stringify([runbook.body, runbook.extra.params ?? null]));
}
