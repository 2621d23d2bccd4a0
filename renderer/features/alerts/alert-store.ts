// The alerts a responder pasted, dropped or opened from a link, shown on the "From an alert" screen.
import { create } from 'zustand';
import type { AlertsRead } from '../../../shared/alerts/alert';
import { useRouteStore } from '../../app/services/route-store';

interface AlertStoreState {
  read: AlertsRead;
  /** Shows these alerts on the "From an alert" screen. */
  show(read: AlertsRead): void;
}

export const useAlertStore = create<AlertStoreState>((set) => ({
  read: { alerts: [], problems: [] },
  show(read) {
    set({ read });
    useRouteStore.getState().navigate({ name: 'alerts' });
  },
}));

/** Opens the "From an alert" screen on these alerts (a paste, a dropped file, a `failsafe://alert` link). */
export function showAlerts(read: AlertsRead) {
  useAlertStore.getState().show(read);
}
