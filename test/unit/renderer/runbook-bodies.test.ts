import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../shared/library/library-parser';
import { createDatabase, type FailsafeDatabase } from '../../../renderer/app/services/database';
import { importSnapshot } from '../../../renderer/features/search/import-snapshot';
import { RunbookBodies } from '../../../renderer/features/search/runbook-bodies';

let db: FailsafeDatabase;
let name = 0;

const library = (files: Record<string, string>) => parseLibrary(Object.entries(files).map(([path, text]) => ({ path, text })), { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' });
/** Seven runbooks, so that a chunk of three reads them in three transactions. */
const SEVEN = Object.fromEntries(Array.from({ length: 7 }, (_, index) => [`rb-${index}.md`, `# Runbook ${index}\n\nCheck the pool ${index}.`]));

beforeEach(async () => {
  db = createDatabase(`bodies-${++name}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('RunbookBodies', () => {
  it('keeps every body of the stored library, read in chunks, and answers from them without the database', async () => {
    const snapshot = library(SEVEN);
    await importSnapshot(db, snapshot);
    const bodies = new RunbookBodies(() => db, 3);
    await bodies.keep(snapshot.version);
    // Gone from the database, still answered: they were kept.
    await db.runbooks.clear();
    expect(await bodies.read(snapshot.version, ['rb-6', 'rb-0', 'rb-3'])).toEqual([SEVEN['rb-6.md'], SEVEN['rb-0.md'], SEVEN['rb-3.md']]);
  });

  it('reads from the database what it has not kept, and says undefined for a runbook that is not stored', async () => {
    const snapshot = library(SEVEN);
    await importSnapshot(db, snapshot);
    const bodies = new RunbookBodies(() => db, 3);
    expect(await bodies.read(snapshot.version, ['rb-2', 'missing'])).toEqual([SEVEN['rb-2.md'], undefined]);
  });

  it('keeps nothing of a library that is not the one stored, and reads it once it is', async () => {
    const before = library({ 'a.md': '# A\n\nold text' });
    const after = library({ 'a.md': '# A\n\nnew text' });
    await importSnapshot(db, before);
    const bodies = new RunbookBodies(() => db);
    // The search worker adopts a synced library's index before its import has committed.
    await bodies.keep(after.version);
    await importSnapshot(db, after);
    await db.runbooks.clear();
    expect(await bodies.read(after.version, ['a'])).toEqual([undefined]);
    await importSnapshot(db, after);
    await bodies.keep(after.version);
    await db.runbooks.clear();
    expect(await bodies.read(after.version, ['a'])).toEqual(['# A\n\nnew text']);
  });

  it('lets the previous library’s bodies go when another is searched: an old version is read from the database', async () => {
    const first = library({ 'a.md': '# A\n\nfirst' });
    const second = library({ 'a.md': '# A\n\nsecond' });
    await importSnapshot(db, first);
    const bodies = new RunbookBodies(() => db);
    await bodies.keep(first.version);
    await importSnapshot(db, second);
    await bodies.keep(second.version);
    expect(await bodies.read(second.version, ['a'])).toEqual(['# A\n\nsecond']);
    // A search still on the first library's engine gets what the database holds, never a kept body of another library.
    expect(await bodies.read(first.version, ['a'])).toEqual(['# A\n\nsecond']);
  });
});
