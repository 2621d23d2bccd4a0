// What the keys, the sidebar and the palette do to an incident: one function each, so every way in does the same.
import type { EventBody, Milestone } from '../../../shared/incident/incident-events';
import { activeRuns, type IncidentState } from '../../../shared/incident/incident-state';
import { formatUtc } from '../../../shared/incident/time-format';
import { useDialogStore } from '../../app/services/dialog-store';
import { useRouteStore } from '../../app/services/route-store';
import { MILESTONE_KEYS, PLACE_KEYS, withCommand, withOption } from '../../ui/keys';
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

/** The incident on screen (its page, or one of its runs), else the current one: what a milestone key acts on. */
export function incidentInView(): string | undefined {
  const { currentId } = useIncidentStore.getState();
  const route = useRouteStore.getState().route;
  return route.name === 'incident' ? (route.id ?? currentId) : route.name === 'run' ? route.incidentId : currentId;
}

/**
 * Sets a milestone to now: of the incident on screen (its page, or one of its runs), else the
 * current one, as the page's own "Set now" buttons say. A milestone already set is never moved by a
 * key: its time is corrected on the incident's page, old time in view (a second press had silently
 * moved a resolved time, and the export then disagreed with the notice already sent); there, the
 * key opens that correction. False when nothing was recorded.
 */
export async function setMilestone(milestone: Milestone): Promise<boolean> {
  const { loaded } = useIncidentStore.getState();
  const incidentId = incidentInView();
  if (!incidentId) return false;
  const incident = loaded[incidentId]?.state;
  const already = incident?.milestones[milestone];
  if (incident && already !== undefined) {
    // On its page, the same key opens the time to correct (it took seven Tabs to reach); elsewhere it says how.
    if (useRouteStore.getState().route.name === 'incident') useIncidentStore.setState({ correctionAsked: { incidentId, milestone } });
    else useIncidentStore.setState({ problem: `Nothing changed: “${incident.title}” is already ${milestone} at ${formatUtc(already)}. To change that time, press ${withOption(MILESTONE_KEYS[milestone])} again on its page (${withCommand(PLACE_KEYS.incident)}).` });
    return false;
  }
  // Pressed twice before the first is written, the second sets nothing: it was recorded as a second
  // "Milestone detected" a moment later, "in place of" the first.
  return recordAskingBeforeResolving(incidentId, [{ type: 'milestone-set', milestone, time: Date.now() }], (state) => state.milestones[milestone] === undefined);
}

/**
 * Opens a milestone's time to be corrected, on its incident's page (the palette's "Correct …"
 * for a milestone already set: "Set … now" there only said that nothing changed).
 */
export function correctMilestone(incidentId: string, milestone: Milestone) {
  useRouteStore.getState().navigate({ name: 'incident', id: incidentId });
  useIncidentStore.setState({ correctionAsked: { incidentId, milestone } });
}

/**
 * Records `bodies` in the incident; when they would resolve it (its status, or its resolved
 * milestone) while runs are still open, asks first (ResolveDialog) and records nothing yet:
 * resolving finishes no run, and the record would go on saying "still running". False when
 * nothing was recorded.
 */
export async function recordAskingBeforeResolving(incidentId: string, bodies: EventBody[], stillWanted?: (state: IncidentState) => boolean): Promise<boolean> {
  const { loaded, record } = useIncidentStore.getState();
  const incident = loaded[incidentId]?.state;
  if (incident && incident.status !== 'resolved' && bodies.some(resolves) && activeRuns(incident).length) {
    useDialogStore.getState().show({ kind: 'resolve', incidentId, bodies });
    return false;
  }
  // Worked out when the write runs, from the record as the writes queued before it left it.
  return record(incidentId, stillWanted ? (state) => (stillWanted(state) ? bodies : []) : bodies);
}

const resolves = (body: EventBody) => (body.type === 'incident-changed' && body.field === 'status' && body.value === 'resolved') || (body.type === 'milestone-set' && body.milestone === 'resolved');

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
