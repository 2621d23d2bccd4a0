import { useEffect, useState } from 'react';
import { alertKey, alertSummary, type Alert } from '../../../../shared/alerts/alert';
import { levelForAlert } from '../../../../shared/alerts/alert-severity';
import type { EventBody } from '../../../../shared/incident/incident-events';
import { startRunOf } from '../incident-actions';
import { useDialogStore } from '../../../app/services/dialog-store';
import { useIncidentStore } from '../incident-store';
import { saveResponderName } from '../responder-name';
import { useLibraryStore } from '../../library';
import { useRouteStore } from '../../../app/services/route-store';
import { Dialog } from '../../../ui/Dialog';
import { useShareStore } from '../../sharing';
import { PLACE_KEYS, withCommand } from '../../../ui/keys';

/** An alert's summary can run long: the title keeps its start. */
const MAX_TITLE = 120;

/** Declaring an incident: a title and a severity, Enter. Both can be changed later on the incident's page. */
export function DeclareIncidentDialog({ thenRun, thenProcedure, fromAlert }: { thenRun?: string; thenProcedure?: number; fromAlert?: Alert }) {
  const levels = useLibraryStore((state) => state.severity);
  // Another incident open and current: say so, and let the responder keep it current.
  const open = useIncidentStore((state) => (state.currentId ? state.loaded[state.currentId]?.state : undefined));
  const openOne = !thenRun && open && open.status !== 'resolved' ? open : undefined;
  const [keepCurrent, setKeepCurrent] = useState(false);
  // Open incidents besides the current one: often another responder's, for this same outage (a
  // walk declared a second incident 4 s after a colleague's first, with nothing said).
  const list = useIncidentStore((state) => state.list);
  const currentId = useIncidentStore((state) => state.currentId);
  const elsewhere = list.filter((incident) => incident.status !== 'resolved' && incident.id !== currentId);
  // Shared incidents: what the others declared is fetched now, not at the next exchange.
  useEffect(() => {
    const share = useShareStore.getState();
    if (share.settings && share.settings.mode !== 'off') void share.exchangeNow();
  }, []);
  const [offeredTitle] = useState(() => (fromAlert ? (alertSummary(fromAlert) ?? fromAlert.name).slice(0, MAX_TITLE) : ''));
  const [title, setTitle] = useState(offeredTitle);
  const mapped = fromAlert && levelForAlert(fromAlert, levels);
  const [severity, setSeverity] = useState(() => mapped?.id ?? levels[1]?.id ?? levels[0]?.id ?? 'unknown');
  const [problem, setProblem] = useState<string>();
  // Nobody named on this machine: the record would say who did nothing (a walkthrough's export named
  // no one). Asked here, once, and kept in Settings; left empty, nothing changes.
  const unnamed = useIncidentStore((state) => !state.writer.name);
  const [name, setName] = useState('');
  const close = useDialogStore((state) => state.close);
  const submit = async () => {
    if (!title.trim()) {
      setProblem('Give the incident a title: what is broken, in a few words.');
      return;
    }
    if (unnamed && name.trim()) {
      // Named before the declaration is written, so the declaration carries the name too; kept in
      // Settings meanwhile (the declaration does not wait for that write).
      useIncidentStore.getState().setWriterName(name);
      void saveResponderName(name.trim());
    }
    const id = await useIncidentStore.getState().declare(title.trim(), severity, { keepCurrent: !!openOne && keepCurrent });
    if (!id) {
      setProblem(useIncidentStore.getState().problem ?? 'The incident could not be declared.');
      return;
    }
    if (fromAlert) {
      // The alert is the record's first event after the declaration, and its start the detected milestone.
      const detected: EventBody[] = fromAlert.startsAt === undefined ? [] : [{ type: 'milestone-set', milestone: 'detected', time: fromAlert.startsAt }];
      if (!(await useIncidentStore.getState().record(id, [{ type: 'alert-received', alert: fromAlert }, ...detected]))) {
        setProblem(useIncidentStore.getState().problem ?? 'The incident was declared, but the alert could not be added to it.');
        return;
      }
    }
    // Now an incident is current: the run starts in it.
    if (thenRun) startRunOf(thenRun, thenProcedure);
    else if (fromAlert) {
      close();
      useRouteStore.getState().navigate({ name: 'alerts' });
    } else {
      close();
      // Declared while reading a runbook, the responder stays on it (the bar shows the incident;
      // R starts a run in it): taken to the incident page, they lost their place in the runbook.
      if (useRouteStore.getState().route.name !== 'runbook') useRouteStore.getState().navigate(openOne && keepCurrent ? { name: 'incident', id } : { name: 'incident' });
    }
  };
  return (
    <Dialog
      title="Declare an incident"
      onClose={close}
      onSubmit={() => void submit()}
      actions={
        <button type="submit" className="primary">
          Declare <kbd>Enter</kbd>
        </button>
      }
    >
      <label>
        Title
        <input
          value={title}
          // The alert's summary is offered selected: typing replaces it (a walk typed a title onto its end).
          onFocus={(event) => offeredTitle && event.currentTarget.value === offeredTitle && event.currentTarget.select()}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="Checkout API returns 502"
          aria-describedby={problem ? 'declare-problem' : undefined}
        />
      </label>
      <label>
        Severity
        <select value={severity} onChange={(event) => setSeverity(event.target.value)}>
          {levels.map((level) => (
            <option key={level.id} value={level.id}>
              {level.id}: {level.name}
              {level.description ? `, ${level.description}` : ''}
            </option>
          ))}
          {!levels.length && <option value="unknown">unknown (the library has no severity levels)</option>}
        </select>
      </label>
      {unnamed && (
        <label>
          Your name, for the record (optional; Settings keeps it)
          <input value={name} autoComplete="name" onChange={(event) => setName(event.target.value)} />
        </label>
      )}
      {problem && (
        <p id="declare-problem" className="form-problem" role="alert">
          {problem}
        </p>
      )}
      {openOne && (
        <>
          <p data-testid="declare-another">
            <strong>
              “{openOne.title}” ({openOne.severity}) is still open.
            </strong>{' '}
            This declares a second, separate incident.
          </p>
          <label className="choice">
            <input type="checkbox" checked={keepCurrent} onChange={(event) => setKeepCurrent(event.target.checked)} />
            Keep “{openOne.title}” as the current incident
          </label>
        </>
      )}
      {elsewhere.length > 0 && (
        <div role="note" data-testid="declare-open-elsewhere">
          <strong>Already open:</strong>
          <ul>
            {elsewhere.slice(0, 3).map((incident) => (
              <li key={incident.id}>
                “{incident.title}” ({incident.severity}){incident.declaredBy ? `, declared by ${incident.declaredBy}` : ''}
              </li>
            ))}
          </ul>
          {elsewhere.length > 3 && <p>and {elsewhere.length - 3} more.</p>}
          To work in one of them instead: <kbd>Esc</kbd>, then <kbd>{withCommand(PLACE_KEYS.incidents)}</kbd> lists them.
        </div>
      )}
      {thenRun && <p className="muted">Then a run of this runbook starts in it.</p>}
      {fromAlert && (
        <p className="muted">
          From the alert {fromAlert.name}: it becomes the incident’s first event
          {fromAlert.startsAt !== undefined ? ', and its start the detected milestone' : ' (it does not say when it started: set Detected on the incident’s page)'}.
          {mapped && ` Its severity “${fromAlert.labels.severity}” is ${mapped.id} (${mapped.name}) by the library’s alert_severity.`}
        </p>
      )}
      {fromAlert && open && open.alerts.some(({ alert }) => alertKey(alert) === alertKey(fromAlert)) && (
        <p className="form-problem" role="note">
          “{open.title}” already holds this alert. Declaring makes a second incident for it.
        </p>
      )}
    </Dialog>
  );
}
