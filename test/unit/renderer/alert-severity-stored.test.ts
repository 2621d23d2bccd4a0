import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { levelForAlert } from '../../../shared/alerts/alert-severity';
import type { Alert } from '../../../shared/alerts/alert';
import { parseLibrary } from '../../../shared/library/library-parser';
import { createDatabase, type FailsafeDatabase } from '../../../renderer/app/services/database';
import { importSnapshotKeepingTeamParts } from '../../../renderer/features/search/import-snapshot';

// severity.yml's alert_severity lives on the stored levels: it survives the import, and a later
// sync of a repository without severity.yml keeps it with the levels it belongs to.

let db: FailsafeDatabase;
let name = 0;
beforeEach(async () => {
  db = createDatabase(`alert-severity-${++name}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const sync = (files: Record<string, string>, commit: string) =>
  parseLibrary(Object.entries(files).map(([path, text]) => ({ path, text })), { kind: 'git', commit, committedAt: '2026-12-01T02:00:00Z', syncedAt: '2026-12-01T03:00:00Z' });
const critical: Alert = { name: 'KubePodCrashLooping', state: 'firing', labels: { alertname: 'KubePodCrashLooping', severity: 'critical' }, annotations: {}, source: 'alertmanager' };

it('keeps the mapping on the stored levels, through a sync that has no severity.yml', async () => {
  const severity = 'alert_severity: { critical: SEV1 }\nlevels:\n  - { id: SEV1, response_time: 15 minutes }\n  - { id: SEV2, response_time: 1 hour }\n';
  await importSnapshotKeepingTeamParts(db, sync({ 'a.md': '# A', 'severity.yml': severity }, 'a'.repeat(40)), new Date('2026-12-01T03:00:00Z'));
  expect(levelForAlert(critical, await db.severity.toArray())?.id).toBe('SEV1');
  await importSnapshotKeepingTeamParts(db, sync({ 'a.md': '# A, changed' }, 'b'.repeat(40)), new Date('2026-12-01T04:00:00Z'));
  expect(levelForAlert(critical, await db.severity.toArray())?.id).toBe('SEV1');
});
