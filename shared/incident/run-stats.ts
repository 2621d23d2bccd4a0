// How each runbook fared in this machine's incidents: when it was last run, how often, and which
// steps were skipped or failed and how often.
import type { IncidentState } from './incident-state';

export interface RunbookRunStats {
  runs: number;
  completed: number;
  aborted: number;
  lastRunAt: number;
  /** Steps skipped or failed at least once, by step title (a step's number may change between versions). */
  troubledSteps: { title: string; skipped: number; failed: number }[];
}

export function runStats(incidents: readonly IncidentState[]): Map<string, RunbookRunStats> {
  const stats = new Map<string, RunbookRunStats>();
  const steps = new Map<string, Map<string, { title: string; skipped: number; failed: number }>>();
  for (const incident of incidents) {
    for (const run of incident.runs) {
      const id = run.runbook.id;
      const entry = stats.get(id) ?? { runs: 0, completed: 0, aborted: 0, lastRunAt: 0, troubledSteps: [] };
      entry.runs++;
      if (run.finished?.outcome === 'completed') entry.completed++;
      if (run.finished?.outcome === 'aborted') entry.aborted++;
      entry.lastRunAt = Math.max(entry.lastRunAt, run.startedAt.at);
      stats.set(id, entry);
      const byTitle = steps.get(id) ?? new Map();
      steps.set(id, byTitle);
      run.steps.forEach((step, index) => {
        if (step.outcome !== 'skipped' && step.outcome !== 'failed') return;
        const title = run.runbook.steps[index].title;
        const counts = byTitle.get(title) ?? { title, skipped: 0, failed: 0 };
        counts[step.outcome]++;
        byTitle.set(title, counts);
      });
    }
  }
  for (const [id, entry] of stats) entry.troubledSteps = [...(steps.get(id)?.values() ?? [])].sort((a, b) => b.failed + b.skipped - (a.failed + a.skipped));
  return stats;
}
