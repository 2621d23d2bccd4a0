import { contentHash } from '../content-hash';
import type { LibrarySnapshot, Runbook } from '../model';

/**
 * A parsed library as JSON text for a hand-over between threads (main's worker to the renderer's
 * search worker; a shard's parse to the thread that joins them). A runbook's `steps` and
 * `verification` are its first procedure's (runbook-parser.ts), the same arrays: written out
 * twice they were a sixth of the text at 5,000 runbooks, to make, send, parse and check. The text
 * writes `0` in their place where they are the first procedure's; `readSnapshotJson` puts them
 * back. The keys stay where they were: runbooks are compared by their JSON (library-changes.ts)
 * and the library's version is a hash of it.
 */
export function snapshotJson(snapshot: LibrarySnapshot, content: ContentJson = contentJson(snapshot)): string {
  // The content's text is joined to the rest's, key for key in the snapshot's order, not written again.
  const written: Record<string, string> = { ...content, alertRules: content.alertRules ?? JSON.stringify(snapshot.alertRules) };
  const fields = Object.entries(snapshot)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}:${key in written ? written[key] : JSON.stringify(value)}`);
  return `{${fields.join(',')}}`;
}

/**
 * A library's content (what its version hashes) as JSON text, each part as snapshotJson writes it:
 * made once for a large library, where the version's hash and the snapshot's text both need it.
 * `alertRules` only when there are some: a library without rules keeps the version it had before
 * rules were read.
 */
export interface ContentJson {
  runbooks: string;
  notes: string;
  templates: string;
  contacts: string;
  severity: string;
  alertRules?: string;
}

export function contentJson(snapshot: LibrarySnapshot): ContentJson {
  const { notes, templates, contacts, severity, alertRules = [] } = snapshot;
  const json: ContentJson = {
    runbooks: JSON.stringify(snapshot.runbooks.map(withoutFirstProcedureCopy)),
    notes: JSON.stringify(notes),
    templates: JSON.stringify(templates),
    contacts: JSON.stringify(contacts),
    severity: JSON.stringify(severity),
  };
  if (alertRules.length) json.alertRules = JSON.stringify(alertRules);
  return json;
}

/** The library's version: a hash of its content's text. */
export function contentVersion(content: ContentJson): string {
  return contentHash(`[${Object.values(content).join(',')}]`);
}

/** In the text, in place of `steps` and `verification`: "the first procedure's". */
const FIRST_PROCEDURE = 0;

/**
 * Parses text made by snapshotJson, its runbooks' steps and checks again those of their first
 * procedure (the same arrays, so IndexedDB stores them once). The text may come from outside
 * this thread: the result is not checked here (assertSnapshot does that after), and a runbook
 * that is not as snapshotJson writes it is left as it is, for that check to refuse.
 */
export function readSnapshotJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const runbooks = isRecord(value) ? value.runbooks : undefined;
  if (!Array.isArray(runbooks)) return value;
  for (const runbook of runbooks) {
    if (!isRecord(runbook) || runbook.steps !== FIRST_PROCEDURE || runbook.verification !== FIRST_PROCEDURE || !Array.isArray(runbook.procedures)) continue;
    const first: unknown = runbook.procedures[0];
    if (first === undefined) {
      runbook.steps = [];
      runbook.verification = [];
    } else if (isRecord(first)) {
      runbook.steps = first.steps;
      runbook.verification = first.verification;
    }
  }
  return value;
}

type WrittenRunbook = Omit<Runbook, 'steps' | 'verification'> & { steps: Runbook['steps'] | typeof FIRST_PROCEDURE; verification: Runbook['verification'] | typeof FIRST_PROCEDURE };

/** The runbook with `0` for `steps` and `verification` when they are its first procedure's own (or, with none, empty). */
function withoutFirstProcedureCopy(runbook: Runbook): WrittenRunbook {
  const first = runbook.procedures[0];
  const derivable = first ? runbook.steps === first.steps && runbook.verification === first.verification : runbook.steps.length === 0 && runbook.verification.length === 0;
  return derivable ? { ...runbook, steps: FIRST_PROCEDURE, verification: FIRST_PROCEDURE } : runbook;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
