import { useState } from 'react';
import type { EventBody } from '../../../../shared/incident/incident-events';
import { activeRuns, settledSteps } from '../../../../shared/incident/incident-state';
import { formatUtc } from '../../../../shared/incident/time-format';
import { useDialogStore } from '../../../app/services/dialog-store';
import { hashOf } from '../../../app/services/routes';
import { Dialog } from '../../../ui/Dialog';
import { RUN_KEYS } from '../../../ui/keys';
import { useIncidentStore } from '../incident-store';

/**
 * Resolving an incident while runs are still open (recordAskingBeforeResolving): resolving
 * finishes no run, so the responder sees which are open and says whether to resolve anyway.
 * Nothing is recorded until they do; Esc leaves the incident as it was.
 */
export function ResolveDialog({ incidentId, bodies }: { incidentId: string; bodies: EventBody[] }) {
  const incident = useIncidentStore((state) => state.loaded[incidentId]?.state);
  const close = useDialogStore((state) => state.close);
  const [problem, setProblem] = useState<string>();
  const open = incident ? activeRuns(incident) : [];
  const resolve = async () => {
    if (await useIncidentStore.getState().record(incidentId, bodies)) close();
    else setProblem(useIncidentStore.getState().problem ?? 'The incident could not be resolved.');
  };
  return (
    <Dialog
      title="Resolve with runs still open?"
      onClose={close}
      onSubmit={() => void resolve()}
      actions={
        <button type="submit" className="primary">
          Resolve anyway <kbd>Enter</kbd>
        </button>
      }
    >
      <p>
        “{incident?.title}” has {open.length === 1 ? 'a run' : `${open.length} runs`} not finished. Resolving leaves {open.length === 1 ? 'it' : 'them'} as{' '}
        {open.length === 1 ? 'it is' : 'they are'}: the record and its export will say “still running”.
      </p>
      <ul className="dialog-list">
        {open.map((run) => {
          const settled = settledSteps(run);
          return (
            <li key={run.id}>
              <a href={hashOf({ name: 'run', incidentId, runId: run.id })} onClick={close}>
                {run.runbook.title}
              </a>{' '}
              <span className="muted">
                {settled} of {run.steps.length} steps, started {formatUtc(run.startedAt.at)}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted">
        To close a run first, open it and press <kbd>{RUN_KEYS.finish}</kbd> to finish or abort it.
      </p>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
