import { useState } from 'react';
import type { EventBody } from '../../../../shared/incident/incident-events';
import { activeRuns, settledSteps } from '../../../../shared/incident/incident-state';
import { formatUtc } from '../../../../shared/incident/time-format';
import { useDialogStore } from '../../../app/services/dialog-store';
import { hashOf } from '../../../app/services/routes';
import { Dialog } from '../../../ui/Dialog';
import { RUN_KEYS } from '../../../ui/keys';
import { useIncidentStore } from '../incident-store';
import { writerName } from '../../../../shared/incident/writers';

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
  const ownWriter = useIncidentStore((state) => state.writer.id);
  // Shared, a run may be another responder's: said whose, and theirs is theirs to finish (a walk
  // read "press E to finish or abort it" as leave to abort a colleague's run).
  const shared = incident ? Object.keys(incident.writers).length > 1 : false;
  const others = shared ? open.filter((run) => run.startedBy !== undefined && run.startedBy !== ownWriter) : [];
  const startedBy = (writer: string | undefined) => (writer === undefined || writer === ownWriter ? 'you' : writerName(incident?.writers[writer] ?? { id: writer }));
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
                {shared && ` by ${startedBy(run.startedBy)}`}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted">
        {others.length < open.length && (
          <>
            To close {others.length ? 'one of your runs' : 'a run'} first, open it and press <kbd>{RUN_KEYS.finish}</kbd> to finish or abort it.
          </>
        )}
        {others.length > 0 && ` Ask ${[...new Set(others.map((run) => startedBy(run.startedBy)))].join(' and ')} before closing theirs: they may still be working it.`}
      </p>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
