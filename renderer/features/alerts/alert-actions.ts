// What the "From an alert" screen's keys do: one function each, so the keys and the buttons agree.
import { alertKey, type Alert } from '../../../shared/alerts/alert';
import { useDialogStore } from '../../app/services/dialog-store';
import { alertNameWords } from '../../../shared/alerts/alert-name-keys';
import { useIncidentStore } from '../incident';
import { useSearchRequest } from '../../app/services/search-request';
import { useAlertStore } from './alert-store';

/** Opens the alert's runbook (at the section its link named), its commands filled from the alert's labels. */
export function openAlertRunbook(alert: Alert, match: { id: string; section?: string }) {
  useAlertStore.getState().open(alert, match.id, match.section);
}

/** An alert no runbook answers: the palette opens searching its name's words, one key from a guess. */
export function searchForAlert(alert: Alert) {
  useSearchRequest.getState().searchFor(alertNameWords(alert.name).join(' '));
}

/** Declares an incident from the alert: its summary as the title, its severity mapped, the alert as its first event. */
export function declareFromAlert(alert: Alert) {
  useDialogStore.getState().show({ kind: 'declare', fromAlert: alert });
}

/** Adds the alert to the current incident's record, unless it holds it already. */
export async function addAlertToIncident(alert: Alert): Promise<void> {
  const { currentId, loaded, record } = useIncidentStore.getState();
  const incident = currentId ? loaded[currentId]?.state : undefined;
  const say = useAlertStore.getState().say;
  if (!currentId || !incident) return say('There is no current incident: declare one from this alert instead.', true);
  if (incident.alerts.some((held) => alertKey(held.alert) === alertKey(alert))) return say(`“${incident.title}” already holds this alert.`);
  if (await record(currentId, [{ type: 'alert-received', alert }])) say(`Added ${alert.name} to “${incident.title}”: it is in its timeline.`);
  else say(useIncidentStore.getState().problem ?? 'The alert could not be added to the incident.', true);
}
