import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeBundle } from '../../../shared/sharing/incident-bundle';
import { forgetFreshApp, relaunchOnDatabase } from '../../support/fresh-app';
import { testRunbook } from '../../support/incident-record';

// A bundle carried from Ana's machine to Bo's, with no network between them: Bo's machine joins
// the incident, and importing the same file again adds nothing.

let databaseName = 0;

async function machine() {
  relaunchOnDatabase(`bundle-import-${++databaseName}`);
  const { useIncidentStore } = await import('../../../renderer/features/incident/incident-store');
  const { importBundleText } = await import('../../../renderer/features/bundle/bundle-import');
  const { incidentImportWords } = await import('../../../renderer/features/bundle/summary-words');
  const { readWholeRecord } = await import('../../../renderer/features/incident/incident-record');
  const { appDatabase } = await import('../../../renderer/app/services/app-services');
  await useIncidentStore.getState().init();
  return { store: useIncidentStore, importBundleText, incidentImportWords, record: (id: string) => readWholeRecord(appDatabase(), id, useIncidentStore.getState().writer.id) };
}

beforeEach(() => {
  vi.stubGlobal('window', { location: { hash: '' }, addEventListener: () => undefined, removeEventListener: () => undefined });
});
afterEach(() => {
  vi.unstubAllGlobals();
  forgetFreshApp();
});

describe('importing a bundle', () => {
  it('joins an incident new to this machine, then says nothing is new the second time, and keeps the record as it was', async () => {
    const ana = await machine();
    const id = (await ana.store.getState().declare('Checkout down', 'SEV1'))!;
    expect(await ana.store.getState().record(id, [{ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'step-started', runId: 'run-1', step: 0 }])).toBe(true);
    const text = writeBundle(await ana.record(id), { exportedAt: Date.now(), by: 'Ana' });

    const bo = await machine();
    const first = await bo.importBundleText(text, 'checkout.failsafe-bundle');
    expect(first.problems).toEqual([]);
    expect(first.incidents).toEqual([expect.objectContaining({ incidentId: id, title: 'Checkout down', added: 3, alreadyHeld: 0, refused: [], joined: true })]);
    expect(bo.incidentImportWords(first.incidents[0])).toBe('Joined: new to this machine, now in Incidents. 3 new events.');
    expect(bo.store.getState().list.map((item) => item.title)).toEqual(['Checkout down']);
    const held = await bo.record(id);

    const second = await bo.importBundleText(text, 'checkout.failsafe-bundle');
    expect(second.incidents).toEqual([expect.objectContaining({ added: 0, alreadyHeld: 3, joined: false })]);
    expect(bo.incidentImportWords(second.incidents[0])).toBe('Nothing new: all 3 events were already here.');
    expect(await bo.record(id)).toEqual(held);

    // Bo works the run; Ana takes his bundle back and sees his step beside hers.
    await bo.store.getState().open(id);
    expect(await bo.store.getState().record(id, [{ type: 'step-done', runId: 'run-1', step: 0 }])).toBe(true);
    const back = await ana.importBundleText(writeBundle(await bo.record(id), { exportedAt: Date.now() }), 'back.failsafe-bundle');
    expect(back.incidents[0]).toMatchObject({ added: 1, alreadyHeld: 3, refused: [], joined: false });
  });

  it('lists what it refuses: a line that is not an event, and an event claiming to be this machine’s own', async () => {
    const bo = await machine();
    const own = bo.store.getState().writer.id;
    const forged = { type: 'incident-declared', title: 'Forged', severity: 'SEV1', incidentId: 'inc-forged', seq: 1, at: 1, mono: 1, session: 's', writer: own, hlc: '000000000000001:000000' };
    const header = writeBundle([], { exportedAt: Date.now() }).trim();
    const summary = await bo.importBundleText([header, JSON.stringify(forged), 'garbage'].join('\n'), 'odd.failsafe-bundle');
    expect(summary.problems).toEqual([{ line: 3, reason: expect.stringContaining('cut off') }]);
    expect(summary.incidents).toEqual([expect.objectContaining({ incidentId: 'inc-forged', added: 0, refused: [expect.objectContaining({ reason: expect.stringContaining('only this machine writes') })] })]);
    expect(bo.store.getState().list).toEqual([]);
  });
});
