import { create } from 'zustand';
import { replay, type IncidentState } from '../../shared/incident/incident-state';
import { runStats, type RunbookRunStats } from '../../shared/incident/run-stats';
import { appDatabase } from '../app-services';
import { readAllIncidentEvents } from '../db/incident-record';

interface HealthState {
  /** How each runbook fared in this machine's incidents, by runbook id; undefined until read. */
  stats?: Map<string, RunbookRunStats>;
  /** Reads every incident's record again (on the health screen, a runbook page). */
  refresh(): Promise<void>;
}

export const useHealthStore = create<HealthState>((set) => ({
  async refresh() {
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
