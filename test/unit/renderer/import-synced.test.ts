import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeChanges } from '../../../shared/sync/library-changes';
import { parseLibrary } from '../../../shared/library/library-parser';
import { buildSearchIndex, SearchEngine } from '../../../shared/search/search-engine';
import { createDatabase, type FailsafeDatabase } from '../../../renderer/app/services/database';
import { importSyncedLibrary, IndexNotBuiltError, type Indexer } from '../../../renderer/features/search/import-synced';
import { unseenChanges } from '../../../renderer/features/search/runbook-history';

let db: FailsafeDatabase;
let name = 0;

const gitLibrary = (files: Record<string, string>, commit: string) => {
  return parseLibrary(Object.entries(files).map(([path, text]) => ({ path, text })), { kind: 'git', commit, committedAt: '2026-11-20T10:00:00Z', syncedAt: '2026-11-23T08:00:00Z' });
};

beforeEach(async () => {
  db = createDatabase(`synced-${++name}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** The search worker's part, done in-process with the same engine; records what it was asked. */
const indexer = (calls: string[], failBuild = false): Indexer => ({
  build: async (version, runbooks) => {
    calls.push(`build ${version}`);
    if (failBuild) throw new Error('out of memory');
    const index = buildSearchIndex(version, runbooks);
    return { index, summaries: SearchEngine.load(index).summaries };
  },
  load: async (version) => calls.push(`load ${version}`),
});

describe('importSyncedLibrary', () => {
  it('reports what changed, stores the new index and badges changed runbooks until they are opened', async () => {
    const calls: string[] = [];
    const first = gitLibrary({ 'a.md': '# A', 'b.md': '# B', 'c.md': '# C' }, 'a'.repeat(40));
    await importSyncedLibrary(db, indexer(calls), first, undefined, new Date('2026-11-23T08:00:00Z'));
    await db.runbookVisits.bulkPut([{ id: 'a', openedAt: '2026-11-23T08:30:00Z' }, { id: 'b', openedAt: '2026-11-23T08:30:00Z' }]);
    const second = gitLibrary({ 'a.md': '# A\n\nchanged', 'b.md': '# B', 'd.md': '# D' }, 'b'.repeat(40));
    const { changes, summaries } = await importSyncedLibrary(db, indexer(calls), second, first.version, new Date('2026-11-23T09:00:00Z'));
    expect(changes).toEqual({ added: [{ id: 'd', title: 'D' }], updated: [{ id: 'a', title: 'A' }], removed: [{ id: 'c', title: 'C' }] });
    expect(describeChanges(changes)).toBe('1 runbook updated, 1 added, 1 removed');
    expect(summaries.map((summary) => summary.id).sort()).toEqual(['a', 'b', 'd']);
    expect((await db.searchIndex.toArray()).map((index) => index.version)).toEqual([second.version]);
    expect([...(await unseenChanges(db))].sort()).toEqual(['a', 'd']);
    await db.runbookVisits.put({ id: 'a', openedAt: '2026-11-23T09:05:00Z' });
    expect([...(await unseenChanges(db))]).toEqual(['d']);
  });

  it('keeps the library, its index and what the user made when the write fails, and searches the previous library again', async () => {
    const calls: string[] = [];
    const first = gitLibrary({ 'a.md': '# A' }, 'a'.repeat(40));
    await importSyncedLibrary(db, indexer(calls), first, undefined, new Date());
    await db.runbookVisits.put({ id: 'a', openedAt: '2026-11-23T08:30:00Z' });
    const second = gitLibrary({ 'b.md': '# B', 'c.md': '# C' }, 'b'.repeat(40));
    // Two runbooks with one id: the transaction fails half-way and rolls back.
    second.runbooks[1] = { ...second.runbooks[1], id: second.runbooks[0].id };
    await expect(importSyncedLibrary(db, indexer(calls), second, first.version, new Date())).rejects.toThrow(/Key already exists|ConstraintError|BulkError/);
    expect((await db.runbooks.toArray()).map((runbook) => runbook.id)).toEqual(['a']);
    expect((await db.searchIndex.toArray()).map((index) => index.version)).toEqual([first.version]);
    expect(await db.runbookVisits.count()).toBe(1);
    expect(calls.at(-1)).toBe(`load ${first.version}`);
  });

  it('says the library was saved when only the index could not be built, leaving it to be rebuilt at launch', async () => {
    const first = gitLibrary({ 'a.md': '# A' }, 'a'.repeat(40));
    const error = await importSyncedLibrary(db, indexer([], true), first, undefined, new Date()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IndexNotBuiltError);
    expect((error as Error).message).toContain('out of memory');
    expect((await db.runbooks.toArray()).map((runbook) => runbook.id)).toEqual(['a']);
    expect(await db.searchIndex.count()).toBe(0);
  });
});
