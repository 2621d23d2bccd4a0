// The alerts a responder pasted, dropped or opened from a link, shown on the "From an alert" screen,
// and the one whose runbook is open: its label values fill that runbook's commands and its run.
import { create } from 'zustand';
import type { Alert, AlertsRead } from '../../../shared/alerts/alert';
import { useRouteStore } from '../../app/services/route-store';

/** The alert a runbook was opened from, and the values it gives that the responder chose to use quoted. */
export interface OpenedAlert {
  alert: Alert;
  runbookId: string;
  /** Parameters whose value holds shell characters and was accepted quoted. */
  acceptedQuoted: string[];
}

interface AlertStoreState {
  read: AlertsRead;
  selected: number;
  opened?: OpenedAlert;
  /** What the last action did, in words ("Declared …", "Added to …"), or why it could not. */
  outcome?: { text: string; problem: boolean };
  show(read: AlertsRead): void;
  select(index: number): void;
  /** The runbook opens with this alert's values. */
  open(alert: Alert, runbookId: string, section?: string): void;
  acceptQuoted(name: string): void;
  say(text: string, problem?: boolean): void;
}

export const useAlertStore = create<AlertStoreState>((set, get) => ({
  read: { alerts: [], problems: [] },
  selected: 0,
  show(read) {
    set({ read, selected: 0, outcome: undefined });
    useRouteStore.getState().navigate({ name: 'alerts' });
  },
  select(index) {
    set({ selected: Math.max(0, Math.min(index, get().read.alerts.length - 1)) });
  },
  open(alert, runbookId, section) {
    set({ opened: { alert, runbookId, acceptedQuoted: [] } });
    useRouteStore.getState().navigate(section ? { name: 'runbook', id: runbookId, section } : { name: 'runbook', id: runbookId });
  },
  acceptQuoted(name) {
    const opened = get().opened;
    if (opened && !opened.acceptedQuoted.includes(name)) set({ opened: { ...opened, acceptedQuoted: [...opened.acceptedQuoted, name] } });
  },
  say(text, problem = false) {
    set({ outcome: { text, problem } });
  },
}));

/** Opens the "From an alert" screen on these alerts (a paste, a dropped file, a `failsafe://alert` link). */
export function showAlerts(read: AlertsRead) {
  useAlertStore.getState().show(read);
}
