import { settledSteps, type RunState } from '../incident-state';

/**
 * How far a run got, in a responder's words: "9 of 9 steps (1 failed, 1 skipped)". A run finished
 * as "completed" with a step failed or skipped is not a clean run, and a bare "completed" (the
 * export's heading said only that) read as one.
 */
export function runStepCounts(run: RunState): string {
  const notDone = (['failed', 'skipped'] as const).map((outcome) => [run.steps.filter((step) => step.outcome === outcome).length, outcome] as const).filter(([count]) => count > 0);
  const counted = `${settledSteps(run)} of ${run.steps.length} ${run.steps.length === 1 ? 'step' : 'steps'}`;
  return notDone.length ? `${counted} (${notDone.map(([count, outcome]) => `${count} ${outcome}`).join(', ')})` : counted;
}
