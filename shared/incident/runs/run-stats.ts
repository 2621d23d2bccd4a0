// How each runbook fared in this machine's incidents: when it was last run, how often, and which
// steps were skipped or failed and how often. Read from the run summaries (run-summary.ts), one
// row per run, so it never needs the incidents' records.
import type { RunSummary } from './run-summary';

export interface RunbookRunStats {
  runs: number;
  completed: number;
  aborted: number;
  lastRunAt: number;
  /** Steps skipped or failed at least once, by step title (a step's number may change between versions). */
  troubledSteps: { title: string; skipped: number; failed: number }[];
}

// Incidents by id, then runs in record order: the order the figures list runbooks and steps in,
// whatever order the rows were read in.
const byRecordOrder = (a: RunSummary, b: RunSummary) => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : a.order - b.order);

export function runStats(summaries: readonly RunSummary[]): Map<string, RunbookRunStats> {
  const stats = new Map<string, RunbookRunStats>();
  const steps = new Map<string, Map<string, { title: string; skipped: number; failed: number }>>();
  for (const run of [...summaries].sort(byRecordOrder)) {
    const id = run.runbookId;
    const entry = stats.get(id) ?? { runs: 0, completed: 0, aborted: 0, lastRunAt: 0, troubledSteps: [] };
    entry.runs++;
    if (run.outcome === 'completed') entry.completed++;
    if (run.outcome === 'aborted') entry.aborted++;
    entry.lastRunAt = Math.max(entry.lastRunAt, run.startedAt);
    stats.set(id, entry);
    const byTitle = steps.get(id) ?? new Map();
    steps.set(id, byTitle);
    for (const { title, outcome } of run.troubledSteps) {
      const counts = byTitle.get(title) ?? { title, skipped: 0, failed: 0 };
      counts[outcome]++;
      byTitle.set(title, counts);
    }
  }
  for (const [id, entry] of stats) entry.troubledSteps = [...(steps.get(id)?.values() ?? [])].sort((a, b) => b.failed + b.skipped - (a.failed + a.skipped));
  return stats;
}
