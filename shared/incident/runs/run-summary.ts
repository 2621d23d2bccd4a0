// A run in a few figures, kept beside the incident record so that figures across all incidents
// (how each runbook fared) are read without replaying every record. A summary is a function of the
// run's state alone, so the rows can always be derived again from the record.
import type { IncidentEvent } from '../incident-events';
import { replay, type IncidentState, type RunState } from '../incident-state';

export interface RunSummary {
  incidentId: string;
  runId: string;
  /** The run's place among its incident's runs, from 0: figures go through runs in record order. */
  order: number;
  runbookId: string;
  runbookTitle: string;
  outcome: 'running' | 'completed' | 'aborted';
  /** Wall clock (ms). */
  startedAt: number;
  endedAt?: number;
  stepsDone: number;
  /** The steps skipped or failed, in step order, by title (a step's number may change between versions). */
  troubledSteps: { title: string; outcome: 'skipped' | 'failed' }[];
}

export function runSummaryOf(incidentId: string, run: RunState, order: number): RunSummary {
  const troubledSteps: RunSummary['troubledSteps'] = [];
  let stepsDone = 0;
  run.steps.forEach((step, index) => {
    if (step.outcome === 'done') stepsDone++;
    if (step.outcome === 'skipped' || step.outcome === 'failed') troubledSteps.push({ title: run.runbook.steps[index].title, outcome: step.outcome });
  });
  return {
    incidentId,
    runId: run.id,
    order,
    runbookId: run.runbook.id,
    runbookTitle: run.runbook.title,
    outcome: run.finished?.outcome ?? 'running',
    startedAt: run.startedAt.at,
    ...(run.finished ? { endedAt: run.finished.at.at } : {}),
    stepsDone,
    troubledSteps,
  };
}

/** Every run of the incident, in record order. */
export function runSummariesOf(state: IncidentState): RunSummary[] {
  return state.runs.map((run, order) => runSummaryOf(state.id, run, order));
}

/**
 * The summaries to write with these events: one for each run they name, as `after` (the state they
 * lead to) has it. Written in the same transaction as the events, so a run's row is never behind
 * its record: the event that ends a run writes its final row.
 */
export function runSummariesChangedBy(events: readonly IncidentEvent[], after: IncidentState): RunSummary[] {
  const named = new Set(events.flatMap((event) => ('runId' in event ? [event.runId] : [])));
  return after.runs.flatMap((run, order) => (named.has(run.id) ? [runSummaryOf(after.id, run, order)] : []));
}

/** The summaries of one incident's whole record; none when it cannot be replayed (its own page says why). */
export function runSummariesOfRecord(events: readonly IncidentEvent[]): RunSummary[] {
  const replayed = replay(events);
  return replayed.ok ? runSummariesOf(replayed.state) : [];
}
