import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../shared/library/library-parser';
import { libraryHealth } from '../../../shared/library/library-health';
import { createDatabase, type FailsafeDatabase } from '../../../renderer/app/services/database';
import { importSnapshot } from '../../../renderer/features/search/import-snapshot';
import { readLibraryForHealthChecks } from '../../../renderer/features/library/library-reads';

const source = { kind: 'bundled', builtAt: '2026-12-01T00:00:00Z' } as const;
const rules = (names: string[]) => ({ path: 'rules/app.yml', text: `groups:\n  - name: app\n    rules:\n${names.map((name) => `      - alert: ${name}\n`).join('')}` });
const disk = { path: 'ops/disk-full.md', text: '---\nalerts: [NodeFilesystemAlmostOutOfSpace]\n---\n# Disk full\n\n1. Free space\n' };

let db: FailsafeDatabase | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('alerting rules in the stored library', () => {
  it('are stored by an import, replaced by the next, and read for Library health', async () => {
    db = createDatabase('alert-rules-import');
    await db.open();
    await importSnapshot(db, parseLibrary([disk, rules(['NodeFilesystemAlmostOutOfSpace', 'OldAlert'])], source));
    await importSnapshot(db, parseLibrary([disk, rules(['NodeFilesystemAlmostOutOfSpace', 'ApiLatencyHigh'])], source));
    const stored = await readLibraryForHealthChecks(db);
    expect(stored.alertRules.map((rule) => rule.alert)).toEqual(['NodeFilesystemAlmostOutOfSpace', 'ApiLatencyHigh']);
    const gaps = libraryHealth(stored, '2026-12-01').filter((finding) => finding.check === 'alert-no-runbook');
    expect(gaps.map((finding) => finding.text.split(';')[0])).toEqual(['ApiLatencyHigh has no runbook']);
  });

  it('a library without rules stores none, and health lists no alert findings', async () => {
    db = createDatabase('alert-rules-none');
    await db.open();
    await importSnapshot(db, parseLibrary([disk, rules(['Gone'])], source));
    await importSnapshot(db, parseLibrary([disk], source));
    const stored = await readLibraryForHealthChecks(db);
    expect(stored.alertRules).toEqual([]);
    expect(libraryHealth(stored, '2026-12-01').some((finding) => finding.check.startsWith('alert-'))).toBe(false);
  });
});
