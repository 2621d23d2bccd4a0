import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatabase, LIBRARY_TABLES, SCHEMA_VERSIONS, USER_TABLES, type FailsafeDatabase } from '../../../renderer/app/services/database';
import { importSnapshot } from '../../../renderer/features/search/import-snapshot';
import { appendEvents, summaryOf } from '../../../renderer/features/incident/incident-record';
import { runStats } from '../../../shared/incident/runs/run-stats';
import { TestRecord, testRunbook } from '../../support/incident-record';
import { recordRunbookOpened, syncChangeWrites, unseenChanges } from '../../../renderer/features/search/runbook-history';
import { parseLibrary } from '../../../shared/library/library-parser';
import { stepMarkdown } from '../../../shared/library/markdown/runbook-steps';

let name = 0;
const opened: FailsafeDatabase[] = [];
const fresh = (version?: number, dbName = `database-test-${++name}`) => {
  const db = createDatabase(dbName, version);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const snapshot = parseLibrary([{ path: 'db/outage.md', text: '# Database outage\n\n1. Fail over' }], { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' });

describe('the schema', () => {
  it('puts every table in exactly one of the library and user lists', async () => {
    const db = fresh();
    await db.open();
    const tables = db.tables.map((table) => table.name).sort();
    const listed = [...LIBRARY_TABLES, ...USER_TABLES];
    expect([...listed].sort()).toEqual(tables);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('writes user data with strict durability and leaves the library import to the browser default', async () => {
    // Dexie binds IndexedDB's transaction() when it opens: watch it before then.
    const probe = fresh();
    await probe.open();
    const transaction = vi.spyOn(Object.getPrototypeOf(probe.backendDB()) as IDBDatabase, 'transaction');
    const db = fresh();
    await db.open();
    await recordRunbookOpened(db, 'db/outage', new Date('2026-11-20T03:00:00Z'));
    await importSnapshot(db, snapshot);
    const incident = new TestRecord().add({ type: 'incident-declared', title: 'API down', severity: 'P1' });
    await appendEvents(db, incident.events, incident.current);
    const durabilities = transaction.mock.calls.map(([stores, mode, options]) => ({ stores: [stores].flat().sort(), mode, durability: options?.durability }));
    expect(durabilities).toContainEqual({ stores: ['runbookVisits'], mode: 'readwrite', durability: 'strict' });
    expect(durabilities).toContainEqual({ stores: ['incidentEvents', 'incidents', 'runSummaries'], mode: 'readwrite', durability: 'strict' });
    expect(durabilities).toContainEqual({ stores: [...LIBRARY_TABLES].sort(), mode: 'readwrite', durability: undefined });
  });
});

// An incident with an aborted run and a run still going, as any version since 4 recorded it.
const pastIncident = new TestRecord('inc-past')
  .add({ type: 'incident-declared', title: 'API down', severity: 'P1' })
  .add({ type: 'run-started', runId: 'r1', runbook: testRunbook() }, { type: 'step-started', runId: 'r1', step: 0 }, { type: 'step-skipped', runId: 'r1', step: 0, reason: 'no pods' })
  .add({ type: 'run-finished', runId: 'r1', outcome: 'aborted', reason: 'wrong runbook' })
  .wait(3_600_000)
  .add({ type: 'run-started', runId: 'r2', runbook: testRunbook() }, { type: 'step-started', runId: 'r2', step: 0 }, { type: 'step-failed', runId: 'r2', step: 0, note: 'timeout' });

describe('upgrades keep what the user had', () => {
  for (const { version } of SCHEMA_VERSIONS.slice(0, -1)) {
    it(`opens a filled database of version ${version} with its library and the user's data`, async () => {
      const dbName = `upgrade-from-${version}-${++name}`;
      const old = createDatabase(dbName, version);
      await old.open();
      await importSnapshot(old, snapshot);
      // As format 1 stored a step (before version 3): its text copied, commands beside it.
      if (version < 3) {
        await old.runbooks.toCollection().modify((runbook) => {
          runbook.steps = [{ index: 1, title: 'Fail over', body: 'Fail over', commands: [] }] as never;
        });
      }
      await old.settings.put({ key: 'theme', value: 'dark' });
      if (version >= 2) {
        await Promise.all(syncChangeWrites(old, { added: [{ id: 'db/outage', title: 'Database outage' }], updated: [], removed: [] }, new Date('2026-11-20T03:00:00Z')));
      }
      // As versions 4 to 6 wrote an incident: its events and the list's summary, no run summaries;
      // from version 7, the run summaries with them.
      if (version >= 7) await appendEvents(old, pastIncident.events, pastIncident.current);
      else if (version >= 4) {
        await old.incidentEvents.bulkAdd(pastIncident.events);
        await old.incidents.put(summaryOf(pastIncident.current));
      }
      old.close();

      const current = fresh(undefined, dbName);
      await current.open();
      expect(current.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version);
      const [runbook] = await current.runbooks.toArray();
      expect(runbook.title).toBe('Database outage');
      expect(runbook.steps).toEqual([{ index: 1, title: 'Fail over', fromLine: 2, toLine: 3, listItem: true }]);
      expect(stepMarkdown(runbook, runbook.steps[0])).toBe('Fail over');
      expect((await current.meta.get('library'))?.value.version).toBe(snapshot.version);
      expect(await current.settings.get('theme')).toEqual({ key: 'theme', value: 'dark' });
      expect([...(await unseenChanges(current))]).toEqual(version >= 2 ? ['db/outage'] : []);
      await recordRunbookOpened(current, 'db/outage', new Date('2026-11-21T03:00:00Z'));
      expect([...(await unseenChanges(current))]).toEqual([]);
      // How the runbook fared in the incidents recorded before the upgrade: the same figures after it.
      expect(runStats(await current.runSummaries.toArray()).get('incident-response/restart-api')).toEqual(
        version >= 4
          ? {
              runs: 2,
              completed: 0,
              aborted: 1,
              lastRunAt: pastIncident.current.runs[1].startedAt.at,
              troubledSteps: [{ title: 'Check the pods', skipped: 1, failed: 1 }],
            }
          : undefined,
      );
    });
  }
});
