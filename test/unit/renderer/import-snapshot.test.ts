import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../shared/library/library-parser';
import type { LibrarySnapshot } from '../../../shared/model';
import { createDatabase, type FailsafeDatabase } from '../../../renderer/app/services/database';
import { importSnapshot } from '../../../renderer/features/search/import-snapshot';
import { importBundledLibrary, rebuildIndex, type BundleSource, type LocalIndexer } from '../../../renderer/features/search/import-bundled';
import { bootLibrary, type BootDependencies } from '../../../renderer/features/library/library-bootstrap';
import { buildSearchIndex, SearchEngine } from '../../../shared/search/search-engine';

let db: FailsafeDatabase;
let name = 0;

function library(titles: string[], builtAt = '2026-11-01T00:00:00Z'): LibrarySnapshot {
  return parseLibrary(
    [...titles.map((title, index) => ({ path: `r/${index}-${title.toLowerCase().replace(/\W+/g, '-')}.md`, text: `# ${title}\n\n1. Step one` })), { path: 'notes/n.md', text: '---\npinned: true\n---\n# Note' }],
    { kind: 'bundled', builtAt },
  );
}

const indexOf = (snapshot: LibrarySnapshot) => buildSearchIndex(snapshot.version, snapshot.runbooks);

beforeEach(async () => {
  db = createDatabase(`test-${++name}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('importSnapshot', () => {
  it('replaces the library and its index, and leaves user data alone', async () => {
    await db.settings.put({ key: 'theme', value: 'dark' });
    const first = library(['Alpha']);
    await importSnapshot(db, first, indexOf(first));
    const second = library(['Beta', 'Gamma']);
    await importSnapshot(db, second, indexOf(second));
    expect((await db.runbooks.toArray()).map((runbook) => runbook.title).sort()).toEqual(['Beta', 'Gamma']);
    expect((await db.searchIndex.toArray()).map((index) => index.version)).toEqual([second.version]);
    expect((await db.meta.get('library'))?.value).toMatchObject({ version: second.version, importCount: 2 });
    expect(await db.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
  });

  it('leaves the previous library whole when an import fails half-way', async () => {
    const first = library(['Alpha', 'Bravo']);
    await importSnapshot(db, first, indexOf(first));
    // 1,200 runbooks with a duplicate id in the third chunk: the first chunks are written, then it fails.
    const broken = library(Array.from({ length: 1200 }, (_, index) => `Runbook ${index}`));
    const index = indexOf(broken);
    broken.runbooks[1100] = { ...broken.runbooks[1100], id: broken.runbooks[10].id };
    await expect(importSnapshot(db, broken, index)).rejects.toThrow(/Key already exists|ConstraintError|BulkError/);
    expect((await db.runbooks.toArray()).map((runbook) => runbook.title).sort()).toEqual(['Alpha', 'Bravo']);
    expect(await db.notes.count()).toBe(1);
    expect((await db.meta.get('library'))?.value.version).toBe(first.version);
    expect((await db.searchIndex.toArray()).map((index) => index.version)).toEqual([first.version]);
  });
});

describe('bootLibrary', () => {
  const deps = (bundled: LibrarySnapshot | undefined, calls: string[], prebuilt = false): BootDependencies => {
    const source: BundleSource = {
      fetchSnapshot: async () => {
        calls.push('fetch');
        if (!bundled) throw new Error('missing');
        return bundled;
      },
      fetchIndex: async (version) => (prebuilt && bundled && version === bundled.version ? buildSearchIndex(version, bundled.runbooks) : undefined),
    };
    const indexer: LocalIndexer = {
      adopt: (index) => {
        calls.push('adopt');
        return index.summaries;
      },
      build: (version, runbooks) => {
        calls.push('build');
        const index = buildSearchIndex(version, runbooks);
        return { index, summaries: index.summaries };
      },
    };
    return {
      fetchBundledMeta: async () => (bundled ? { version: bundled.version, source: bundled.source } : undefined),
      importBundled: async () => (await importBundledLibrary(db, source, indexer)).summaries,
      loadIndex: async (version) => {
        calls.push('load');
        const index = await db.searchIndex.get(version);
        return index ? SearchEngine.load(index).summaries : undefined;
      },
      rebuildIndex: (version) => rebuildIndex(db, version, indexer),
    };
  };

  it('imports the bundle on first launch, then loads the stored index without re-importing', async () => {
    const bundled = library(['Alpha']);
    const calls: string[] = [];
    expect(await bootLibrary(db, deps(bundled, calls))).toMatchObject({ imported: true, meta: { version: bundled.version, importCount: 1 } });
    const again = await bootLibrary(db, deps(bundled, calls));
    expect(again).toMatchObject({ imported: false, meta: { importCount: 1 } });
    expect(again.summaries.map((summary) => summary.title)).toEqual(['Alpha']);
    expect(calls).toEqual(['fetch', 'build', 'load']);
  });

  it('uses the index built with the bundle instead of building one', async () => {
    const calls: string[] = [];
    const result = await bootLibrary(db, deps(library(['Alpha']), calls, true));
    expect(calls).toEqual(['fetch', 'adopt']);
    expect(result.summaries.map((summary) => summary.title)).toEqual(['Alpha']);
    expect(await db.searchIndex.count()).toBe(1);
  });

  it('takes a newer bundle after an upgrade', async () => {
    const calls: string[] = [];
    await bootLibrary(db, deps(library(['Alpha']), calls));
    const upgraded = await bootLibrary(db, deps(library(['Alpha', 'Bravo'], '2026-12-01T00:00:00Z'), calls));
    expect(upgraded.imported).toBe(true);
    expect(upgraded.summaries).toHaveLength(2);
  });

  it('keeps the stored library with a warning when the new bundle cannot be read', async () => {
    await bootLibrary(db, deps(library(['Alpha']), []));
    const newer = library(['Bravo'], '2026-12-01T00:00:00Z');
    const failing = { ...deps(newer, []), importBundled: async () => Promise.reject(new Error('HTTP 500')) };
    const result = await bootLibrary(db, failing);
    expect(result.warning).toMatch(/HTTP 500.*previous library is still in use/);
    expect(result.summaries.map((summary) => summary.title)).toEqual(['Alpha']);
  });

  it('rebuilds a missing search index from the stored runbooks', async () => {
    const bundled = library(['Alpha']);
    await bootLibrary(db, deps(bundled, []));
    await db.searchIndex.clear();
    const calls: string[] = [];
    const result = await bootLibrary(db, deps(bundled, calls));
    expect(calls).toEqual(['load', 'build']);
    expect(result.summaries.map((summary) => summary.title)).toEqual(['Alpha']);
    expect(await db.searchIndex.count()).toBe(1);
  });

  it('fails clearly with no stored library and no bundle', async () => {
    await expect(bootLibrary(db, deps(undefined, []))).rejects.toThrow(/no library yet/);
  });
});
