// Starting and moving through runs: each action is one or more events, recorded together.
import { runbookCopy } from '../../../shared/incident/runbook-copy';
import type { EventBody } from '../../../shared/incident/incident-events';
import type { RunState } from '../../../shared/incident/incident-state';
import type { Runbook } from '../../../shared/model';
import type { AlertFilled } from '../alerts';
import { appDatabase } from '../../app/services/app-services';
import { readRunbookWithNotes, useLibraryStore } from '../library';
import { useIncidentStore } from '../incident';

export async function readRunbook(id: string): Promise<Runbook | undefined> {
  return (await readRunbookWithNotes(appDatabase(), id)).runbook;
}

/**
 * Starts a run of a runbook in an incident, with the parameter values given: the run, its values (a
 * secret only as "set", its value kept in memory) and its first step, in one write. The run's id,
 * or undefined when it could not be recorded.
 */
export async function startRun(incidentId: string, runbook: Runbook, values: Record<string, string>, procedure?: number, fromAlert?: AlertFilled): Promise<string | undefined> {
  const { meta, summaries } = useLibraryStore.getState();
  if (!meta) return undefined;
  const titles = new Map(summaries.map((summary) => [summary.id, summary.title]));
  const copy = runbookCopy(runbook, titles, meta, procedure);
  const runId = `run-${crypto.randomUUID()}`;
  const params: EventBody[] = copy.params.flatMap((param) => {
    const value = values[param.name] ?? '';
    // A placeholder found in the commands and left empty was not chosen: nothing to record yet.
    if ((param.secret || param.written) && !value) return [];
    if (param.secret) return [{ type: 'param-set', runId, name: param.name }];
    // Still the alert's value: the record says which label gave it.
    const label = fromAlert && Object.hasOwn(fromAlert, param.name) && fromAlert[param.name].value === value ? fromAlert[param.name].label : undefined;
    return [{ type: 'param-set', runId, name: param.name, value, ...(label !== undefined && { fromLabel: label }) }];
  });
  const store = useIncidentStore.getState();
  for (const param of copy.params) if (param.secret && values[param.name]) store.setSecret(runId, param.name, values[param.name]);
  const ok = await store.record(incidentId, [{ type: 'run-started', runId, runbook: copy }, ...params, { type: 'step-started', runId, step: 0 }]);
  return ok ? runId : undefined;
}

/** The step to go on with after `after`: the next one not yet settled, else the first such from the top. */
export function nextOpenStep(run: RunState, after: number): number | undefined {
  const open = (index: number) => run.steps[index].outcome === 'pending';
  for (let index = after + 1; index < run.steps.length; index++) if (open(index)) return index;
  for (let index = 0; index < after; index++) if (open(index)) return index;
  return undefined;
}

/** The events that settle the current step and start the next open one (none after a failure: the responder decides). */
export function settleStep(run: RunState, settle: EventBody): EventBody[] {
  const next = settle.type === 'step-failed' ? undefined : nextOpenStep(run, run.current);
  return next === undefined ? [settle] : [settle, { type: 'step-started', runId: run.id, step: next }];
}
