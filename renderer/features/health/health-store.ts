import { create } from 'zustand';
import { replay, type IncidentState } from '../../../shared/incident/incident-state';
import { runStats, type RunbookRunStats } from '../../../shared/incident/run-stats';
import { appDatabase } from '../../app/services/app-services';
import { readAllIncidentEvents, useIncidentStore } from '../incident';

interface HealthState {
  /** How each runbook fared in this machine's incidents, by runbook id; undefined until read. */
  stats?: Map<string, RunbookRunStats>;
  /** Reads every incident's record, when something was recorded since the last read. */
  refresh(): Promise<void>;
}

// Stats change only when an incident records something: a runbook page opened again reads nothing.
let stale = true;
useIncidentStore.subscribe((state, previous) => {
  if (state.loaded !== previous.loaded) stale = true;
});

export const useHealthStore = create<HealthState>((set, get) => ({
  async refresh() {
    if (!stale && get().stats) return;
    stale = false;
    const byIncident = new Map<string, Parameters<typeof replay>[0][number][]>();
    for (const event of await readAllIncidentEvents(appDatabase())) {
      const list = byIncident.get(event.incidentId) ?? [];
      list.push(event);
      byIncident.set(event.incidentId, list);
    }
    // An incident whose record cannot be replayed is left out here; its own page says why.
    const states = [...byIncident.values()].map(replay).flatMap((result): IncidentState[] => (result.ok ? [result.state] : []));
    set({ stats: runStats(states) });
  },
}));
