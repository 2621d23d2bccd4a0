// What the keys, the sidebar and the palette's actions do: one function each, so every way in does the same.
import type { Milestone } from '../../../shared/incident/incident-events';
import { activeRuns } from '../../../shared/incident/incident-state';
import type { NoteDraft } from '../../../shared/notes/local-note';
import type { Route } from './routes';
import { useDialogStore } from './dialog-store';
import { useIncidentStore } from '../../features/incident/incident-store';
import { useRouteStore } from './route-store';

export type Place = 'library' | 'incident' | 'incidents' | 'settings' | 'health' | 'oncall' | 'messages' | 'notes';

const PLACE_ROUTES: Record<Place, Route> = {
  library: { name: 'home' },
  incident: { name: 'incident' },
  incidents: { name: 'incidents' },
  settings: { name: 'settings' },
  health: { name: 'health' },
  notes: { name: 'notes' },
  oncall: { name: 'oncall' },
  messages: { name: 'messages' },
};

export function goTo(place: Place) {
  useRouteStore.getState().navigate(PLACE_ROUTES[place]);
}

export function goToRoute(route: Route) {
  useRouteStore.getState().navigate(route);
}

export function showSeverity() {
  useDialogStore.getState().show({ kind: 'severity' });
}

export function openTemplate(templateId: string) {
  useRouteStore.getState().navigate({ name: 'messages', id: templateId });
}

/** Writing a note for the next responder; `preset` says what it is about. */
export function writeNote(preset?: Partial<NoteDraft>) {
  useDialogStore.getState().show({ kind: 'note', preset });
}

export function editNote(noteId: string) {
  useDialogStore.getState().show({ kind: 'note', noteId });
}

export function declareIncident() {
  useDialogStore.getState().show({ kind: 'declare' });
}

/** The runbook on screen, if any. */
export function openRunbookId(): string | undefined {
  const route = useRouteStore.getState().route;
  return route.name === 'runbook' ? route.id : undefined;
}

/** Starts a run of a runbook in the current incident; with none current, declares one first. */
export function startRunOf(runbookId: string) {
  const { currentId } = useIncidentStore.getState();
  useDialogStore.getState().show(currentId ? { kind: 'start-run', runbookId } : { kind: 'declare', thenRun: runbookId });
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
