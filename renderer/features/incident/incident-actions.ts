// What the keys, the sidebar and the palette do to the current incident: one function each, so every way in does the same.
import type { Milestone } from '../../../shared/incident/incident-events';
import { activeRuns } from '../../../shared/incident/incident-state';
import { useDialogStore } from '../../app/services/dialog-store';
import { useRouteStore } from '../../app/services/route-store';
import { useIncidentStore } from './incident-store';

/**
 * Starts a run of a runbook in the current incident; with none current, declares one first. A
 * resolved incident takes no new run: the responder chooses where it goes (RunWhereDialog).
 */
export function startRunOf(runbookId: string, procedure?: number) {
  const { currentId, loaded } = useIncidentStore.getState();
  if (!currentId) useDialogStore.getState().show({ kind: 'declare', thenRun: runbookId, thenProcedure: procedure });
  else if (loaded[currentId]?.state.status === 'resolved') useDialogStore.getState().show({ kind: 'run-where', runbookId, procedure });
  else useDialogStore.getState().show({ kind: 'start-run', runbookId, procedure });
}

/** Reopens the current incident (it was resolved) and then starts the run in it. */
export async function reopenAndRun(runbookId: string, procedure?: number): Promise<boolean> {
  const { currentId, record } = useIncidentStore.getState();
  if (!currentId || !(await record(currentId, [{ type: 'incident-changed', field: 'status', value: 'investigating' }]))) return false;
  useDialogStore.getState().show({ kind: 'start-run', runbookId, procedure });
  return true;
}

/** Makes another open incident current and starts the run there. */
export async function runInIncident(incidentId: string, runbookId: string, procedure?: number) {
  await useIncidentStore.getState().setCurrent(incidentId);
  useDialogStore.getState().show({ kind: 'start-run', runbookId, procedure });
}

/** Sets a milestone of the current incident to now. False when there is no current incident. */
export async function setMilestone(milestone: Milestone): Promise<boolean> {
  const { currentId, record } = useIncidentStore.getState();
  if (!currentId) return false;
  return record(currentId, [{ type: 'milestone-set', milestone, time: Date.now() }]);
}

/**
 * After a relaunch (or a crash) the app opens where the responder was: on the current incident's
 * active run, its cursor on the step that was current. Only when the app opened on its home page.
 */
export function resumeActiveRun() {
  const { route, navigate } = useRouteStore.getState();
  const { currentId, loaded } = useIncidentStore.getState();
  if (route.name !== 'home' || !currentId) return;
  const active = loaded[currentId] && activeRuns(loaded[currentId].state)[0];
  if (active) navigate({ name: 'run', incidentId: currentId, runId: active.id });
}
