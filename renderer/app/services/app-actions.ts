// Where the keys, the sidebar and the palette's actions go: one function each, so every way in does
// the same. What acts on the incident is the incident feature's (features/incident/incident-actions.ts).
import type { NoteDraft } from '../../../shared/notes/local-note';
import type { Route } from './routes';
import { useDialogStore } from './dialog-store';
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

export function showKeys() {
  useDialogStore.getState().show({ kind: 'keys' });
}

export function openTemplate(templateId: string) {
  useRouteStore.getState().navigate({ name: 'messages', id: templateId });
}

/** Writing a note for the next responder; `preset` says what it is about. */
export function writeNote(preset?: Partial<NoteDraft>, saved?: (title: string) => void) {
  useDialogStore.getState().show({ kind: 'note', preset, saved });
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
