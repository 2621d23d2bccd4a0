import { useEffect, useRef, useState } from 'react';
import { earlierValues } from '../../../shared/incident/incident-state';
import { initialValues, type RunParam } from '../../../shared/library/run-params';
import { procedureParams } from '../../../shared/library/document/procedure-params';
import { namedValues, ownValue, withNamedValue } from '../../../shared/library/placeholders';
import type { Runbook } from '../../../shared/model';
import { useDialogStore } from '../../app/services/dialog-store';
import { useIncidentStore } from '../incident';
import { alertValuesNow, filledValues } from '../alerts';
import { useRouteStore } from '../../app/services/route-store';
import { readRunbook, startRun } from './run-actions';
import { Dialog } from '../../ui/Dialog';
import { ParamFields } from './ParamFields';
import { procedureTitle } from '../../../shared/library/document/procedures';

/**
 * Starting a run in the current incident. A runbook with parameters asks for them once, prefilled
 * from the incident's earlier runs, then its defaults; one without starts at once.
 */
export function StartRunDialog({ runbookId, procedure }: { runbookId: string; procedure?: number }) {
  const close = useDialogStore((state) => state.close);
  const incidentId = useIncidentStore((state) => state.currentId);
  const incident = useIncidentStore((state) => (incidentId ? state.loaded[incidentId]?.state : undefined));
  const [runbook, setRunbook] = useState<Runbook | null>();
  const [values, setValues] = useState<Record<string, string>>(() => namedValues());
  const [problem, setProblem] = useState<string>();
  // Enter pressed before the runbook was read: the run starts as soon as it is.
  const startWhenRead = useRef(false);
  const params: RunParam[] = runbook ? procedureParams(runbook, procedure) : [];
  const fromAlert = runbook ? alertValuesNow(runbook.id, params) : undefined;
  // A required value may be unknown yet (the replica to promote is chosen in step 2): the run can start without it.
  const empty = params.filter((param) => param.required && !ownValue(values, param.name)?.trim());

  const begin = async (chosen: Record<string, string>, found: Runbook) => {
    if (!incidentId) return;
    const runId = await startRun(incidentId, found, chosen, procedure, alertValuesNow(found.id, procedureParams(found, procedure)));
    if (!runId) {
      setProblem(useIncidentStore.getState().problem ?? 'The run could not be started.');
      return;
    }
    close();
    useRouteStore.getState().navigate({ name: 'run', incidentId, runId });
  };

  useEffect(() => {
    let cancelled = false;
    void readRunbook(runbookId).then((found) => {
      if (cancelled) return;
      setRunbook(found ?? null);
      if (!found || !incident) return;
      // Values the alert the runbook was opened from gives come before the incident's earlier ones.
      const initial = { ...initialValues(procedureParams(found, procedure), earlierValues(incident)), ...filledValues(alertValuesNow(found.id, procedureParams(found, procedure)) ?? {}) };
      setValues(initial);
      // Nothing to ask: the run starts straight away.
      if (!procedureParams(found, procedure).length || startWhenRead.current) void begin(initial, found);
    });
    return () => {
      cancelled = true;
    };
    // Once per runbook: the incident's later events must not restart this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runbookId]);

  if (!incidentId) return null;
  return (
    <Dialog
      title={runbook ? `Run “${procedureTitle(runbook, procedure)}”` : 'Start a run'}
      onClose={close}
      onSubmit={() => (runbook ? void begin(values, runbook) : (startWhenRead.current = true))}
      actions={
        <button type="submit" className="primary" disabled={!runbook}>
          Start the run <kbd>Enter</kbd>
        </button>
      }
    >
      {runbook === null && <p role="alert">There is no runbook “{runbookId}” in this library.</p>}
      {runbook === undefined && <p className="loading">Opening…</p>}
      {runbook && params.length > 0 && (
        <>
          <p className="muted">Every command of the run is filled in with these. You can change them during the run.</p>
          <ParamFields params={params} values={values} fromAlert={fromAlert} earlier={incident && earlierValues(incident)} onChange={(name, value) => setValues(withNamedValue(values, name, value))} />
        </>
      )}
      {empty.length > 0 && (
        <p className="muted" role="note">
          Empty: {empty.map((param) => param.label).join(', ')}. Commands that need {empty.length === 1 ? 'it' : 'them'} show a gap and cannot be copied until you fill{' '}
          {empty.length === 1 ? 'it' : 'them'} in during the run (<kbd>P</kbd>).
        </p>
      )}
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
