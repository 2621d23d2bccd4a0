import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replay } from '../../../shared/incident/incident-state';
import { forgetFreshApp, relaunchOnDatabase } from '../../support/fresh-app';
import { testRunbook } from '../../support/incident-record';

// The incident store in a plain Node process: fake IndexedDB, no desktop bridge (so no journal).
// Each test loads the modules afresh, as a relaunch does, on a database of its own.

let databaseName = 0;

async function freshApp(name: string) {
  relaunchOnDatabase(name);
  const { useIncidentStore } = await import('../../../renderer/features/incident/incident-store');
  const { appDatabase } = await import('../../../renderer/app/services/app-services');
  const record = await import('../../../renderer/features/incident/incident-record');
  return { store: useIncidentStore, db: appDatabase(), record };
}

beforeEach(() => {
  vi.stubGlobal('window', {});
});
afterEach(() => {
  vi.unstubAllGlobals();
  forgetFreshApp();
});

async function withRun(name: string) {
  const app = await freshApp(name);
  const id = await app.store.getState().declare('Checkout down', 'P1');
  expect(id).toBeDefined();
  const ok = await app.store.getState().record(id!, [{ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'step-started', runId: 'run-1', step: 0 }]);
  expect(ok).toBe(true);
  return { ...app, id: id! };
}

describe('the incident store', () => {
  it('writes events before it shows them: the database holds exactly what the store shows', async () => {
    const { store, db, record, id } = await withRun(`incident-store-${++databaseName}`);
    const events = await record.readIncidentEvents(db, id);
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3]);
    const replayed = replay(events);
    expect(replayed.ok && replayed.state).toEqual(store.getState().loaded[id].state);
    expect(await db.incidents.get(id)).toMatchObject({ title: 'Checkout down', status: 'investigating', runs: [{ runbookTitle: 'Restart the API', outcome: 'running' }] });
  });

  it('a responder who declares before the store has started still has every event stamped as one writer, numbered on', async () => {
    const { store, db, record } = await freshApp(`incident-store-${++databaseName}`);
    const starting = store.getState().init();
    const id = (await store.getState().declare('Checkout down', 'P1'))!;
    await starting;
    expect(await store.getState().record(id, [{ type: 'milestone-set', milestone: 'acknowledged', time: Date.now() }])).toBe(true);
    const events = await record.readIncidentEvents(db, id);
    expect(events.map((event) => [event.seq, event.writer])).toEqual([
      [1, store.getState().writer.id],
      [2, store.getState().writer.id],
    ]);
    expect(store.getState().writer.id).toMatch(/^w-/);
  });

  it('an event the state function refuses is neither written nor shown, and says why', async () => {
    const { store, db, record, id } = await withRun(`incident-store-${++databaseName}`);
    const before = store.getState().loaded[id];
    expect(await store.getState().record(id, [{ type: 'step-done', runId: 'run-1', step: 2 }])).toBe(false);
    expect(store.getState().problem).toMatch(/^Not recorded: Event 4 \(step-done\): step 3 is not in progress/);
    expect(store.getState().loaded[id]).toBe(before);
    expect(await record.readIncidentEvents(db, id)).toHaveLength(3);
  });

  it('an event the database does not take is not shown as done', async () => {
    const { store, db, id } = await withRun(`incident-store-${++databaseName}`);
    const before = store.getState().loaded[id];
    vi.spyOn(db, 'transaction').mockRejectedValueOnce(new Error('QuotaExceededError'));
    expect(await store.getState().record(id, [{ type: 'step-done', runId: 'run-1', step: 0 }])).toBe(false);
    expect(store.getState().loaded[id]).toBe(before);
    expect(store.getState().problem).toMatch(/the database refused the write \(QuotaExceededError\)/);
    // The next try goes through, numbered right after the last event written.
    expect(await store.getState().record(id, [{ type: 'step-done', runId: 'run-1', step: 0 }])).toBe(true);
    expect(store.getState().loaded[id].state.eventCount).toBe(4);
  });

  it('actions given as functions each see the state the writes before them left: two quick D presses settle two steps', async () => {
    const { store, id } = await withRun(`incident-store-${++databaseName}`);
    const settle = () =>
      store.getState().record(id, (state) => {
        const run = state.runs[0];
        return [
          { type: 'step-done', runId: run.id, step: run.current },
          { type: 'step-started', runId: run.id, step: run.current + 1 },
        ];
      });
    expect(await Promise.all([settle(), settle()])).toEqual([true, true]);
    expect(store.getState().loaded[id].state.runs[0].steps.map((step) => step.outcome)).toEqual(['done', 'done', 'active']);
  });

  it('after a relaunch the current incident comes back with its run where it was', async () => {
    const name = `incident-store-${++databaseName}`;
    const { store, id } = await withRun(name);
    await store.getState().record(id, [{ type: 'step-done', runId: 'run-1', step: 0 }, { type: 'step-started', runId: 'run-1', step: 1 }]);
    const shown = store.getState().loaded[id].state;
    const relaunched = await freshApp(name);
    await relaunched.store.getState().init();
    expect(relaunched.store.getState().currentId).toBe(id);
    expect(relaunched.store.getState().loaded[id].state).toEqual(shown);
    expect(relaunched.store.getState().loaded[id].state.runs[0].current).toBe(1);
  });
});
