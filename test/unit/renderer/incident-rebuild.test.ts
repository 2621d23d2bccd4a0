import { tickClock } from '../../../shared/incident/hybrid-clock';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { journalLine } from '../../../shared/incident/journal';
import type { IncidentEvent } from '../../../shared/incident/incident-events';
import { forgetFreshApp, relaunchOnDatabase } from '../../support/fresh-app';
import { testRunbook } from '../../support/incident-record';

// "Rebuild from the journal" on fake IndexedDB, with a journal file the test writes: it asks first,
// a cancel changes nothing, and a confirmed rebuild only adds to what the database holds.

let databaseName = 0;
let journalText = '';

async function freshApp() {
  relaunchOnDatabase(`incident-rebuild-${++databaseName}`);
  vi.doMock('../../../renderer/features/incident/journal', () => ({
    journalAvailable: () => true,
    appendToJournal: () => Promise.resolve(undefined),
    listJournalFiles: () => Promise.resolve([]),
    readJournalFile: () => Promise.resolve({ ok: true, text: journalText }),
  }));
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
  vi.doUnmock('../../../renderer/features/incident/journal');
});

async function fourEvents() {
  const app = await freshApp();
  const id = (await app.store.getState().declare('Checkout down', 'P1'))!;
  expect(await app.store.getState().record(id, [{ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'step-started', runId: 'run-1', step: 0 }])).toBe(true);
  expect(await app.store.getState().record(id, [{ type: 'step-done', runId: 'run-1', step: 0 }])).toBe(true);
  const events = await app.record.readIncidentEvents(app.db, id);
  expect(events).toHaveLength(4);
  return { ...app, id, events };
}

const lines = (events: IncidentEvent[]) => events.map(journalLine);

describe('rebuilding an incident from its journal file', () => {
  it('with one forged and one duplicated line, asks first, and keeps all 4 events of the database', async () => {
    const { store, db, record, id, events } = await fourEvents();
    const [first, , third, fourth] = lines(events);
    const forged = journalLine({ ...events[1], at: events[1].at + 60_000 } as IncidentEvent);
    const next = { ...events[3], seq: 5, hlc: tickClock(events[3].hlc, 0), type: 'step-started', step: 1 } as IncidentEvent;
    journalText = [first, forged, third, third, fourth, journalLine(next)].join('\n');

    await store.getState().askRebuild(id);
    const asked = store.getState().rebuild!;
    expect(asked.merge.added.map((event) => event.seq)).toEqual([5]);
    expect(asked.merge.refused).toEqual([{ line: 2, reason: 'line 2: event 2 differs from the one in this app’s database, which is kept' }]);
    // Asking wrote nothing.
    expect(await record.readIncidentEvents(db, id)).toEqual(events);

    await store.getState().confirmRebuild();
    const after = await record.readIncidentEvents(db, id);
    expect(after.slice(0, 4)).toEqual(events);
    expect(after.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(store.getState().loaded[id].events).toEqual(after);
    expect(store.getState().loaded[id].state.runs[0].current).toBe(1);
    expect(store.getState().rebuild).toBeUndefined();
  });

  it('changes nothing when the responder cancels', async () => {
    const { store, db, record, id, events } = await fourEvents();
    journalText = lines(events).slice(0, 2).join('\n');
    await store.getState().askRebuild(id);
    expect(store.getState().rebuild?.merge.added).toEqual([]);
    store.getState().cancelRebuild();
    expect(store.getState().rebuild).toBeUndefined();
    await store.getState().confirmRebuild();
    expect(await record.readIncidentEvents(db, id)).toEqual(events);
  });

  it('adds nothing when the incident changed while the question was open, and says so', async () => {
    const { store, db, record, id, events } = await fourEvents();
    journalText = [...lines(events), journalLine({ ...events[3], seq: 5, hlc: tickClock(events[3].hlc, 0), type: 'step-started', step: 1 } as IncidentEvent)].join('\n');
    await store.getState().askRebuild(id);
    expect(await store.getState().record(id, [{ type: 'run-note', runId: 'run-1', text: 'typed meanwhile' }])).toBe(true);
    await store.getState().confirmRebuild();
    const after = await record.readIncidentEvents(db, id);
    expect(after.map((event) => event.type)).toEqual([...events.map((event) => event.type), 'run-note']);
    expect(store.getState().problem).toMatch(/changed while the rebuild was being confirmed: nothing was added/);
  });
});
