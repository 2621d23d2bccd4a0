import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLibrary } from '../../../shared/library/library-parser';
import { assertSnapshot } from '../../../shared/library/snapshot-validation';
import type { LibrarySnapshot } from '../../../shared/model';
import { contentJson, contentVersion, readSnapshotJson, snapshotJson } from '../../../shared/sync/snapshot-json';

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;

const library = (): LibrarySnapshot =>
  parseLibrary(
    [
      { path: 'db/failover.md', text: '---\ntitle: Fail over the database\n---\n## Steps\n\n1. Stop writes: `kubectl scale deploy/api --replicas=0`\n2. Promote the replica\n\n## Verification\n\n- Writes succeed\n\n## Rollback\n\n1. Demote it again\n' },
      { path: 'db/about.md', text: '# About the database\n\nIt runs on three hosts.\n' },
    ],
    source,
  );

describe('a snapshot as JSON text between threads', () => {
  it('comes back whole, each runbook with its steps and checks', () => {
    const snapshot = library();
    expect(snapshot.runbooks.find((runbook) => runbook.id === 'db/failover')?.steps.length).toBe(2);
    const read = assertSnapshot(readSnapshotJson(snapshotJson(snapshot)));
    expect(read).toEqual(snapshot);
    // Key for key in the same order: runbooks are compared by their JSON (library-changes.ts).
    expect(JSON.stringify(read)).toBe(JSON.stringify(snapshot));
    const failover = read.runbooks.find((runbook) => runbook.id === 'db/failover');
    // One array, not a copy: IndexedDB then stores it once too.
    expect(failover?.steps).toBe(failover?.procedures[0].steps);
    expect(failover?.verification).toBe(failover?.procedures[0].verification);
  });

  it('writes the text from the content its version hashes: a changed step changes the version, a problem does not', () => {
    const snapshot = library();
    const content = contentJson(snapshot);
    expect(contentVersion(content)).toBe(snapshot.version);
    expect(snapshotJson(snapshot, content)).toBe(snapshotJson(snapshot));
    const edited = library();
    edited.runbooks.find((runbook) => runbook.id === 'db/failover')!.procedures[0].steps[1].title = 'Promote the other replica';
    expect(contentVersion(contentJson(edited))).not.toBe(snapshot.version);
    const withProblem = library();
    withProblem.problems.push({ path: 'x.md', reason: 'broken', level: 'error' });
    expect(contentVersion(contentJson(withProblem))).toBe(snapshot.version);
  });

  it('writes the first procedure’s steps once', () => {
    const snapshot = library();
    expect(snapshotJson(snapshot).length).toBeLessThan(JSON.stringify(snapshot).length - JSON.stringify(snapshot.runbooks[0].steps).length);
  });

  it('keeps steps that are not the first procedure’s as they are', () => {
    const snapshot = library();
    const failover = snapshot.runbooks.find((runbook) => runbook.id === 'db/failover')!;
    failover.steps = failover.steps.slice(0, 1);
    expect(assertSnapshot(readSnapshotJson(snapshotJson(snapshot)))).toEqual(snapshot);
  });

  it('leaves a runbook without steps whose first procedure has none to be refused by the check', () => {
    const snapshot = JSON.parse(JSON.stringify(library())) as Record<string, unknown> & { runbooks: Record<string, unknown>[] };
    const failover = snapshot.runbooks.find((runbook) => runbook.id === 'db/failover')!;
    failover.steps = 0;
    failover.verification = 0;
    failover.procedures = [{ section: 'steps' }];
    expect(() => assertSnapshot(readSnapshotJson(JSON.stringify(snapshot)))).toThrow(/snapshot refused/);
  });

  it('reads any JSON without throwing, whatever its shape', () => {
    const runbookish = fc.dictionary(fc.constantFrom('id', 'steps', 'verification', 'procedures', 'title'), fc.oneof(fc.constant(0), fc.jsonValue({ maxDepth: 3 })));
    const shape = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ runbooks: fc.oneof(fc.array(runbookish), fc.jsonValue({ maxDepth: 2 })) }));
    fc.assert(fc.property(shape, (value) => void readSnapshotJson(JSON.stringify(value))), { numRuns: 500, seed: 5 });
  });
});
