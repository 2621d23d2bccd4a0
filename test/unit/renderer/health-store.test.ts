import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetFreshApp, relaunchOnDatabase } from '../../support/fresh-app';
import { testRunbook } from '../../support/incident-record';

// The run figures Health and a runbook page show, read by the health store from what the incident
// store wrote (fake IndexedDB, no desktop bridge). Each test loads the modules afresh, as a relaunch
// does, on a database of its own.

let databaseName = 0;

async function freshApp(name: string) {
  relaunchOnDatabase(name);
  const { useIncidentStore } = await import('../../../renderer/features/incident/incident-store');
  const { useHealthStore } = await import('../../../renderer/features/health/health-store');
  return { incidents: useIncidentStore, health: useHealthStore };
}

beforeEach(() => {
  vi.stubGlobal('window', { location: { hash: '#/' }, addEventListener: () => undefined });
});
afterEach(() => {
  vi.unstubAllGlobals();
  forgetFreshApp();
});

const RUNBOOK = 'incident-response/restart-api';

describe('run figures on Health and a runbook page', () => {
  it('count what was recorded, follow what is recorded next, and survive a relaunch', async () => {
    const name = `health-store-${++databaseName}`;
    const { incidents, health } = await freshApp(name);
    const id = (await incidents.getState().declare('Checkout down', 'P1'))!;
    await incidents.getState().record(id, [{ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'step-started', runId: 'run-1', step: 0 }]);
    await incidents.getState().record(id, [{ type: 'step-skipped', runId: 'run-1', step: 0, reason: 'no pods' }]);

    await health.getState().refreshRunbook(RUNBOOK);
    expect(health.getState().runbook[RUNBOOK]).toMatchObject({ runs: 1, completed: 0, aborted: 0, troubledSteps: [{ title: 'Check the pods', skipped: 1, failed: 0 }] });
    await health.getState().refreshRunbook('never/run');
    expect(health.getState().runbook['never/run']).toBeNull();

    // The run is given up: the page opened again, and Health, say so.
    await incidents.getState().record(id, [{ type: 'run-finished', runId: 'run-1', outcome: 'aborted', reason: 'wrong runbook' }]);
    await health.getState().refreshRunbook(RUNBOOK);
    expect(health.getState().runbook[RUNBOOK]).toMatchObject({ runs: 1, aborted: 1 });
    await health.getState().refresh();
    expect([...health.getState().stats!.keys()]).toEqual([RUNBOOK]);
    expect(health.getState().stats!.get(RUNBOOK)).toEqual(health.getState().runbook[RUNBOOK]);

    const relaunched = await freshApp(name);
    await relaunched.health.getState().refresh();
    expect(relaunched.health.getState().stats!.get(RUNBOOK)).toMatchObject({ runs: 1, aborted: 1, troubledSteps: [{ title: 'Check the pods', skipped: 1, failed: 0 }] });
  });
});
