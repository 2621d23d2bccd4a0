import { useState, type KeyboardEvent } from 'react';
import { useDialogStore } from '../../../app/services/dialog-store';
import { Dialog } from '../../../ui/Dialog';
import { reopenAndRun, runInIncident } from '../incident-actions';
import { useIncidentStore } from '../incident-store';

type Choice = { kind: 'reopen' } | { kind: 'new' } | { kind: 'other'; incidentId: string };

/**
 * R on a runbook while the current incident is resolved: a resolved incident takes no new run, so
 * the responder says where it goes. Nothing is recorded until they choose.
 */
export function RunWhereDialog({ runbookId, procedure }: { runbookId: string; procedure?: number }) {
  const current = useIncidentStore((state) => (state.currentId ? state.loaded[state.currentId]?.state : undefined));
  const list = useIncidentStore((state) => state.list);
  const others = list.filter((item) => item.id !== current?.id && item.status !== 'resolved');
  const [choice, setChoice] = useState<Choice>(others.length ? { kind: 'other', incidentId: others[0].id } : { kind: 'new' });
  const [problem, setProblem] = useState<string>();
  const close = useDialogStore((state) => state.close);
  const submit = async () => {
    if (choice.kind === 'new') useDialogStore.getState().show({ kind: 'declare', thenRun: runbookId, thenProcedure: procedure });
    else if (choice.kind === 'other') await runInIncident(choice.incidentId, runbookId, procedure);
    else if (!(await reopenAndRun(runbookId, procedure))) setProblem(useIncidentStore.getState().problem ?? 'The incident could not be reopened.');
  };
  // Enter on a choice starts it, as it would in a list.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void submit();
  };
  const option = (key: string, label: string, value: Choice, checked: boolean) => (
    <label key={key} className="choice">
      <input type="radio" name="run-where" checked={checked} onChange={() => setChoice(value)} onKeyDown={onKeyDown} />
      {label}
    </label>
  );
  return (
    <Dialog
      title="Where should this run go?"
      onClose={close}
      onSubmit={() => void submit()}
      actions={
        <button type="submit" className="primary">
          Continue <kbd>Enter</kbd>
        </button>
      }
    >
      <p>“{current?.title}” is resolved, so it takes no new run. Reopen it, or run this in another incident.</p>
      <fieldset className="choices">
        <legend className="visually-hidden">Run it in</legend>
        {others.map((item) => option(item.id, `In “${item.title}” (${item.severity}, ${item.status})`, { kind: 'other', incidentId: item.id }, choice.kind === 'other' && choice.incidentId === item.id))}
        {option('new', 'In a new incident: declare it first', { kind: 'new' }, choice.kind === 'new')}
        {option('reopen', `Reopen “${current?.title}” and run it there`, { kind: 'reopen' }, choice.kind === 'reopen')}
      </fieldset>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
