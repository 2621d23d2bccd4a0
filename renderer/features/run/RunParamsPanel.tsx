import { useState } from 'react';
import type { EventBody } from '../../../shared/incident/incident-events';
import type { RunState } from '../../../shared/incident/incident-state';
import { useIncidentStore } from '../incident';
import { ParamFields } from './ParamFields';
import { ownValue, withNamedValue } from '../../../shared/library/placeholders';

/** Changing parameter values during a run: each changed value is an event (a secret only as "set"). */
export function RunParamsPanel({ run, values, record, onClose }: { run: RunState; values: Record<string, string>; record(bodies: EventBody[]): Promise<boolean>; onClose(): void }) {
  const [edited, setEdited] = useState(values);

  const save = async () => {
    const changed = run.runbook.params.filter((param) => (ownValue(edited, param.name) ?? '') !== (ownValue(values, param.name) ?? ''));
    for (const param of changed) if (param.secret) useIncidentStore.getState().setSecret(run.id, param.name, ownValue(edited, param.name) ?? '');
    const bodies: EventBody[] = changed.map((param) => (param.secret ? { type: 'param-set', runId: run.id, name: param.name } : { type: 'param-set', runId: run.id, name: param.name, value: ownValue(edited, param.name) ?? '' }));
    if (!bodies.length || (await record(bodies))) onClose();
  };
  return (
    <form
      className="run-params"
      aria-label="Parameters"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <h2>Parameters</h2>
      <ParamFields params={run.runbook.params} values={edited} fromAlert={fromAlert(run)} onChange={(name, value) => setEdited(withNamedValue(edited, name, value))} />
      <button type="submit" className="primary">
        Use these values <kbd>Enter</kbd>
      </button>{' '}
      <button type="button" onClick={onClose}>
        Cancel <kbd>Esc</kbd>
      </button>
    </form>
  );
}

/** The values an alert's labels gave the run, as recorded. */
function fromAlert(run: RunState): Record<string, { value: string; label: string }> {
  const given: Record<string, { value: string; label: string }> = Object.create(null) as Record<string, { value: string; label: string }>;
  for (const [name, param] of Object.entries(run.params)) if (param.fromLabel !== undefined && param.value !== undefined) given[name] = { value: param.value, label: param.fromLabel };
  return given;
}
