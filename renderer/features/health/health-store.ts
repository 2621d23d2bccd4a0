import { create } from 'zustand';
import { runStats, type RunbookRunStats } from '../../../shared/incident/runs/run-stats';
import { appDatabase } from '../../app/services/app-services';
import { readRunSummaries, readRunSummariesOf, useIncidentStore } from '../incident';

interface HealthState {
  /** How each runbook fared in this machine's incidents, by runbook id; undefined until read. */
  stats?: Map<string, RunbookRunStats>;
  /** One runbook's figures, read for its page alone; null when it was never run here, absent until read. */
  runbook: Record<string, RunbookRunStats | null>;
  /** Reads every run's summary, when something was recorded since the last read. */
  refresh(): Promise<void>;
  /** Reads the summaries of one runbook's runs, when something was recorded since it last did. */
  refreshRunbook(id: string): Promise<void>;
}

// Figures change only when an incident records something: a runbook page opened again reads nothing.
// They come from the run summaries written with each event, never from replaying the records.
let stale = true;
const freshRunbooks = new Set<string>();
useIncidentStore.subscribe((state, previous) => {
  if (state.loaded === previous.loaded) return;
  stale = true;
  freshRunbooks.clear();
});

export const useHealthStore = create<HealthState>((set, get) => ({
  runbook: {},
  async refresh() {
    if (!stale && get().stats) return;
    stale = false;
    set({ stats: runStats(await readRunSummaries(appDatabase())) });
  },
  async refreshRunbook(id) {
    if (freshRunbooks.has(id)) return;
    freshRunbooks.add(id);
    const stats = runStats(await readRunSummariesOf(appDatabase(), id)).get(id) ?? null;
    set({ runbook: { ...get().runbook, [id]: stats } });
  },
}));
