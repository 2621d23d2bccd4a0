import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeChanges } from '../../../shared/library-changes';
import { parseLibrary } from '../../../shared/library-parser';
import { buildSearchIndex } from '../../../shared/search/search-engine';
import { createDatabase, type FailsafeDatabase } from '../../../renderer/db/database';
import { importSyncedSnapshot, unseenChanges } from '../../../renderer/db/import-synced';

let db: FailsafeDatabase;
let name = 0;

const gitLibrary = (files: Record<string, string>, commit: string) => {
  const snapshot = parseLibrary(Object.entries(files).map(([path, text]) => ({ path, text })), { kind: 'git', commit, committedAt: '2026-11-20T10:00:00Z', syncedAt: '2026-11-23T08:00:00Z' });
  return { snapshot, index: buildSearchIndex(snapshot.version, snapshot.runbooks) };
};

beforeEach(async () => {
  db = createDatabase(`synced-${++name}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('importSyncedSnapshot', () => {
  it('reports what changed and badges changed runbooks until they are opened', async () => {
    const first = gitLibrary({ 'a.md': '# A', 'b.md': '# B', 'c.md': '# C' }, 'a'.repeat(40));
    await importSyncedSnapshot(db, first.snapshot, first.index, new Date('2026-11-23T08:00:00Z'));
    await db.runbookVisits.bulkPut([{ id: 'a', openedAt: '2026-11-23T08:30:00Z' }, { id: 'b', openedAt: '2026-11-23T08:30:00Z' }]);
    const second = gitLibrary({ 'a.md': '# A\n\nchanged', 'b.md': '# B', 'd.md': '# D' }, 'b'.repeat(40));
    const changes = await importSyncedSnapshot(db, second.snapshot, second.index, new Date('2026-11-23T09:00:00Z'));
    expect(changes).toEqual({ added: [{ id: 'd', title: 'D' }], updated: [{ id: 'a', title: 'A' }], removed: [{ id: 'c', title: 'C' }] });
    expect(describeChanges(changes)).toBe('1 runbook updated, 1 added, 1 removed');
    expect([...(await unseenChanges(db))].sort()).toEqual(['a', 'd']);
    await db.runbookVisits.put({ id: 'a', openedAt: '2026-11-23T09:05:00Z' });
    expect([...(await unseenChanges(db))]).toEqual(['d']);
  });

  it('keeps what the user made when the import fails', async () => {
    const first = gitLibrary({ 'a.md': '# A' }, 'a'.repeat(40));
    await importSyncedSnapshot(db, first.snapshot, first.index, new Date());
    await db.runbookVisits.put({ id: 'a', openedAt: '2026-11-23T08:30:00Z' });
    const second = gitLibrary({ 'b.md': '# B' }, 'b'.repeat(40));
    await expect(importSyncedSnapshot(db, second.snapshot, first.index, new Date())).rejects.toThrow(/does not belong/);
    expect((await db.runbooks.toArray()).map((runbook) => runbook.id)).toEqual(['a']);
    expect(await db.runbookVisits.count()).toBe(1);
  });
});
