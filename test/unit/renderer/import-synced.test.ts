import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeChanges } from '../../../shared/sync/library-changes';
import { parseLibrary } from '../../../shared/library/library-parser';
import { buildSearchIndex, SearchEngine } from '../../../shared/search/search-engine';
import { createDatabase, type FailsafeDatabase } from '../../../renderer/app/services/database';
import { importSyncedLibrary, IndexNotBuiltError, type Indexer } from '../../../renderer/features/search/import-synced';
import { importSnapshot } from '../../../renderer/features/search/import-snapshot';
import { readLibraryOverview } from '../../../renderer/features/library/library-reads';
import { unseenChanges } from '../../../renderer/features/search/runbook-history';

let db: FailsafeDatabase;
let name = 0;

const gitLibrary = (files: Record<string, string>, commit: string, committedAt = '2026-11-20T10:00:00Z') => {
  return parseLibrary(Object.entries(files).map(([path, text]) => ({ path, text })), { kind: 'git', commit, committedAt, syncedAt: '2026-11-23T08:00:00Z' });
};

const BUNDLED = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;
const TEAM_FILES = {
  'oncall.yml': 'people:\n  - { name: Ada Quill, role: Primary on-call, phone: "+1 555 0100" }\n  - { name: Bram Oduya, role: Secondary, phone: "+1 555 0101" }\n',
  'severity.yml': 'levels:\n  - { id: SEV1, name: Critical, response_time: 15 minutes }\n  - { id: SEV2, name: Major, response_time: 1 hour }\n',
  'templates/status.md': '---\ntitle: Status update\n---\nWe are looking into {{what}}.',
  'notes/freeze.md': '---\ntitle: Deploys are frozen\npinned: true\n---\nNo deploys this week.',
};
const bundledLibrary = () => parseLibrary(Object.entries({ 'a.md': '# A', ...TEAM_FILES }).map(([path, text]) => ({ path, text })), BUNDLED);
const names = <T extends { id: string }>(items: T[]) => items.map((item) => item.id).sort();

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
  adopt: (index) => {
    calls.push(`adopt ${index.version}`);
    return SearchEngine.load(index).summaries;
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
    expect(changes).toEqual({ added: [{ id: 'd', title: 'D' }], updated: [{ id: 'a', title: 'A' }], removed: [{ id: 'c', title: 'C' }], kept: [], alsoRemoved: [], marked: true });
    expect(describeChanges(changes)).toBe('1 runbook updated, 1 added, 1 removed');
    expect(summaries.map((summary) => summary.id).sort()).toEqual(['a', 'b', 'd']);
    expect((await db.searchIndex.toArray()).map((index) => index.version)).toEqual([second.version]);
    expect([...(await unseenChanges(db))].sort()).toEqual(['a', 'd']);
    await db.runbookVisits.put({ id: 'a', openedAt: '2026-11-23T09:05:00Z' });
    expect([...(await unseenChanges(db))]).toEqual(['d']);
  });

  it('marks nothing changed at a first sync, where every runbook is new: it says so, and the next sync marks what it changes', async () => {
    await importSnapshot(db, bundledLibrary());
    const first = gitLibrary({ 'a.md': '# A\n\nThe team\'s own.', 'b.md': '# B', 'c.md': '# C' }, 'a'.repeat(40));
    const firstSync = await importSyncedLibrary(db, indexer([]), first, bundledLibrary().version, new Date('2026-11-23T08:00:00Z'));
    expect(firstSync.changes).toMatchObject({ added: [{ id: 'b' }, { id: 'c' }], updated: [{ id: 'a' }], marked: false });
    expect(await db.runbookChanges.count()).toBe(0);
    expect([...(await unseenChanges(db))]).toEqual([]);
    const second = gitLibrary({ 'a.md': '# A\n\nThe team\'s own.', 'b.md': '# B\n\nchanged', 'c.md': '# C' }, 'b'.repeat(40));
    const secondSync = await importSyncedLibrary(db, indexer([]), second, first.version, new Date('2026-11-23T09:00:00Z'));
    expect(secondSync.changes).toMatchObject({ added: [], updated: [{ id: 'b' }], marked: true });
    expect([...(await unseenChanges(db))]).toEqual(['b']);
  });

  it('keeps the library, its index, its badges and what the user made when the write fails, and searches the previous library again', async () => {
    const calls: string[] = [];
    // A library synced before, then one that adds 'a': marked changed.
    const before = gitLibrary({ 'z.md': '# Z' }, 'f'.repeat(40));
    await importSyncedLibrary(db, indexer(calls), before, undefined, new Date());
    const first = gitLibrary({ 'a.md': '# A' }, 'a'.repeat(40));
    await importSyncedLibrary(db, indexer(calls), first, before.version, new Date());
    await db.runbookVisits.put({ id: 'a', openedAt: '2026-11-23T08:30:00Z' });
    const second = gitLibrary({ 'b.md': '# B', 'c.md': '# C' }, 'b'.repeat(40));
    // Two runbooks with one id: the transaction fails half-way and rolls back.
    second.runbooks[1] = { ...second.runbooks[1], id: second.runbooks[0].id };
    await expect(importSyncedLibrary(db, indexer(calls), second, first.version, new Date())).rejects.toThrow(/Key already exists|ConstraintError|BulkError/);
    expect((await db.runbooks.toArray()).map((runbook) => runbook.id)).toEqual(['a']);
    expect((await db.searchIndex.toArray()).map((index) => index.version)).toEqual([first.version]);
    expect(await db.runbookVisits.count()).toBe(1);
    // No "changed" badge for a library that was not stored.
    expect((await db.runbookChanges.toArray()).map((change) => change.id)).toEqual(['a']);
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

  it("searches with the index main counted, and builds one itself when main's is missing, another library's or unreadable", async () => {
    const first = gitLibrary({ 'a.md': '# A', 'b.md': '# B' }, 'a'.repeat(40));
    const calls: string[] = [];
    const { summaries } = await importSyncedLibrary(db, indexer(calls), first, undefined, new Date(), Promise.resolve(buildSearchIndex(first.version, first.runbooks)));
    expect(calls).toEqual([`adopt ${first.version}`]);
    expect(summaries.map((summary) => summary.id).sort()).toEqual(['a', 'b']);
    expect((await db.searchIndex.toArray()).map((index) => index.version)).toEqual([first.version]);

    const second = gitLibrary({ 'a.md': '# A', 'c.md': '# C' }, 'b'.repeat(40));
    const unusable = [
      async () => Promise.reject(new Error('not counted')),
      async () => buildSearchIndex(first.version, first.runbooks),
      async () => ({ ...buildSearchIndex(second.version, second.runbooks), fullText: '{"not":"an index"}' }),
    ];
    for (const counted of unusable) {
      const tried: string[] = [];
      const imported = await importSyncedLibrary(db, indexer(tried), second, first.version, new Date(), counted());
      expect(tried.at(-1)).toBe(`build ${second.version}`);
      expect(imported.summaries.map((summary) => summary.id).sort()).toEqual(['a', 'c']);
    }
  });

  it('keeps the roster, the severity levels and the templates when the synced repository has no file for them, and says where they came from', async () => {
    await importSnapshot(db, bundledLibrary());
    await db.contactOverrides.put({ id: 'gus', kind: 'add', contact: { id: 'gus', name: 'Gus', role: 'Cover', escalationOrder: 1 }, reason: 'covering', createdAt: '2026-11-20T00:00:00Z' });
    const bare = gitLibrary({ 'a.md': '# A' }, 'c'.repeat(40), '2026-11-30T09:00:00Z');
    const { changes } = await importSyncedLibrary(db, indexer([]), bare, undefined, new Date('2026-11-30T10:00:00Z'));

    const overview = await readLibraryOverview(db);
    expect(names(overview.contacts)).toEqual(['ada-quill', 'bram-oduya']);
    expect(names(overview.severity)).toEqual(['SEV1', 'SEV2']);
    expect(names(overview.templates)).toEqual(['templates/status']);
    expect(overview.meta?.source).toEqual(bare.source);
    expect(overview.meta?.kept).toEqual({ contacts: { because: 'absent', from: BUNDLED }, severity: { because: 'absent', from: BUNDLED }, templates: { because: 'absent', from: BUNDLED } });
    expect(changes.kept).toEqual([
      { part: 'contacts', count: 2, because: 'absent', from: BUNDLED },
      { part: 'severity', count: 2, because: 'absent', from: BUNDLED },
      { part: 'templates', count: 1, because: 'absent', from: BUNDLED },
    ]);
    // The note was the library's, and the synced one has none: it is gone, and said to be.
    expect(changes.alsoRemoved).toEqual([{ what: 'pinned-notes', items: [{ id: 'notes/freeze', title: 'Deploys are frozen' }] }]);
    expect(await db.contactOverrides.count()).toBe(1);
  });

  it('keeps a part through several syncs without it, still naming the library it came from, until a sync brings its own file', async () => {
    const withFiles = gitLibrary({ 'a.md': '# A', ...TEAM_FILES }, 'a'.repeat(40), '2026-11-20T10:00:00Z');
    await importSyncedLibrary(db, indexer([]), withFiles, undefined, new Date());
    expect((await readLibraryOverview(db)).meta?.kept).toBeUndefined();
    await importSyncedLibrary(db, indexer([]), gitLibrary({ 'a.md': '# A', 'b.md': '# B' }, 'b'.repeat(40)), withFiles.version, new Date());
    await importSyncedLibrary(db, indexer([]), gitLibrary({ 'a.md': '# A' }, 'c'.repeat(40)), undefined, new Date());
    const kept = (await readLibraryOverview(db)).meta?.kept;
    expect(kept?.contacts).toEqual({ because: 'absent', from: withFiles.source });

    // The team's own oncall.yml replaces the roster; what it no longer lists is named.
    const own = gitLibrary({ 'a.md': '# A', 'oncall.yml': 'people:\n  - { name: Ines Park, role: Primary on-call }\n' }, 'd'.repeat(40));
    const { changes } = await importSyncedLibrary(db, indexer([]), own, undefined, new Date());
    const overview = await readLibraryOverview(db);
    expect(names(overview.contacts)).toEqual(['ines-park']);
    expect(overview.meta?.kept?.contacts).toBeUndefined();
    expect(overview.meta?.kept?.severity).toEqual({ because: 'absent', from: withFiles.source });
    expect(changes.alsoRemoved).toEqual([{ what: 'contacts', items: [{ id: 'ada-quill', title: 'Ada Quill' }, { id: 'bram-oduya', title: 'Bram Oduya' }] }]);
    expect(changes.kept.map((entry) => entry.part)).toEqual(['severity', 'templates']);
  });

  it('empties a part whose file lists nothing, naming what went, and replaces every part a repository has files for', async () => {
    await importSnapshot(db, bundledLibrary());
    const emptied = gitLibrary({ 'a.md': '# A', 'oncall.yml': 'people: []\n', 'severity.yml': 'levels:\n  - { id: SEV1, name: Critical, response_time: 5 minutes }\n', 'templates/other.md': '# Other' }, 'e'.repeat(40));
    const { changes } = await importSyncedLibrary(db, indexer([]), emptied, undefined, new Date());
    const overview = await readLibraryOverview(db);
    expect(overview.contacts).toEqual([]);
    expect(overview.severity.map((level) => level.responseTime)).toEqual(['5 minutes']);
    expect(names(overview.templates)).toEqual(['templates/other']);
    expect(overview.meta?.kept).toBeUndefined();
    expect(changes.kept).toEqual([]);
    expect(changes.alsoRemoved).toEqual([
      { what: 'pinned-notes', items: [{ id: 'notes/freeze', title: 'Deploys are frozen' }] },
      { what: 'contacts', items: [{ id: 'ada-quill', title: 'Ada Quill' }, { id: 'bram-oduya', title: 'Bram Oduya' }] },
      { what: 'severity', items: [{ id: 'SEV2', title: 'SEV2 Major' }] },
      { what: 'templates', items: [{ id: 'templates/status', title: 'Status update' }] },
    ]);
  });

  it('keeps the roster when the synced oncall.yml cannot be read, saying so', async () => {
    await importSnapshot(db, bundledLibrary());
    const broken = gitLibrary({ 'a.md': '# A', ...TEAM_FILES, 'oncall.yml': 'people: [oops\n' }, 'f'.repeat(40));
    const { changes } = await importSyncedLibrary(db, indexer([]), broken, undefined, new Date());
    expect(names((await readLibraryOverview(db)).contacts)).toEqual(['ada-quill', 'bram-oduya']);
    expect(changes.kept).toEqual([{ part: 'contacts', count: 2, because: 'unreadable', from: BUNDLED }]);
    expect(changes.alsoRemoved).toEqual([]);
  });

  it('keeps the previous roster and its meta whole when a sync that would keep parts fails half-way', async () => {
    await importSnapshot(db, bundledLibrary());
    const broken = gitLibrary({ 'b.md': '# B', 'c.md': '# C' }, 'b'.repeat(40));
    broken.runbooks[1] = { ...broken.runbooks[1], id: broken.runbooks[0].id };
    await expect(importSyncedLibrary(db, indexer([]), broken, undefined, new Date())).rejects.toThrow(/Key already exists|ConstraintError|BulkError/);
    const overview = await readLibraryOverview(db);
    expect(names(overview.contacts)).toEqual(['ada-quill', 'bram-oduya']);
    expect(overview.meta).toMatchObject({ source: BUNDLED });
    expect(overview.meta?.kept).toBeUndefined();
  });
});
