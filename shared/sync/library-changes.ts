import { contentHash } from '../content-hash';
import type { Runbook } from '../model';

export interface RunbookFingerprint {
  id: string;
  title: string;
  hash: string;
}

export interface LibraryChanges {
  added: { id: string; title: string }[];
  updated: { id: string; title: string }[];
  removed: { id: string; title: string }[];
}

export function fingerprint(runbook: Runbook): RunbookFingerprint {
  return { id: runbook.id, title: runbook.title, hash: contentHash(JSON.stringify(runbook)) };
}

/** What a new library adds, changes and removes compared with the one it replaces. */
export function compareLibraries(before: RunbookFingerprint[], after: RunbookFingerprint[]): LibraryChanges {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const pick = ({ id, title }: RunbookFingerprint) => ({ id, title });
  return {
    added: after.filter((item) => !old.has(item.id)).map(pick),
    updated: after.filter((item) => old.has(item.id) && old.get(item.id)?.hash !== item.hash).map(pick),
    removed: before.filter((item) => !now.has(item.id)).map(pick),
  };
}

export function describeChanges(changes: LibraryChanges): string {
  const parts = [
    [changes.updated.length, 'updated'],
    [changes.added.length, 'added'],
    [changes.removed.length, 'removed'],
  ].filter(([count]) => count) as [number, string][];
  if (!parts.length) return 'No runbook changed';
  return parts.map(([count, word], index) => `${count}${index === 0 ? ` runbook${count === 1 ? '' : 's'}` : ''} ${word}`).join(', ');
}
