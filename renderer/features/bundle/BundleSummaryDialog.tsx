import { hashOf } from '../../app/services/routes';
import { useDialogStore } from '../../app/services/dialog-store';
import { Dialog } from '../../ui/Dialog';
import { useBundleStore, type ImportSummary } from './bundle-store';
import { headerWords, incidentImportWords, refusalWords } from './summary-words';

const SHOWN = 20;

/** What importing a bundle did, incident by incident: new events, those already here, and what was refused and why. */
export function BundleSummaryDialog() {
  const summary = useBundleStore((state) => state.summary);
  const close = () => {
    useDialogStore.getState().close();
    useBundleStore.getState().set({ summary: undefined });
  };
  return summary ? <ImportSummaryView summary={summary} onClose={close} /> : null;
}

/** The summary itself, given the import's result: what the dialog shows. */
export function ImportSummaryView({ summary, onClose: close }: { summary: ImportSummary; onClose(): void }) {
  const { header, incidents, problems, unnamed } = summary;
  return (
    <Dialog
      title={`Imported “${summary.fileName}”`}
      onClose={close}
      onSubmit={close}
      closeLabel="Close"
      actions={
        <button type="submit" className="primary">
          Done <kbd>Enter</kbd>
        </button>
      }
    >
      {header && <p>{headerWords(header)}</p>}
      {header && !incidents.length && <p>It holds no incident.</p>}
      {incidents.length > 0 && (
        <ul className="bundle-incidents" aria-label="Incidents in the bundle">
          {incidents.map((result) => (
            <li key={result.incidentId}>
              <strong>{result.title ? <a href={hashOf({ name: 'incident', id: result.incidentId })} onClick={close}>{result.title}</a> : <code>{result.incidentId}</code>}</strong> {incidentImportWords(result)}
              {result.refused.length > 0 && (
                <ul aria-label="Events refused">
                  {result.refused.slice(0, SHOWN).map((refusal, index) => (
                    <li key={index}>{refusalWords(refusal)}</li>
                  ))}
                  {result.refused.length > SHOWN && <li className="muted">and {result.refused.length - SHOWN} more</li>}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {(problems.length > 0 || unnamed > 0) && (
        <>
          <p role="note">{header ? 'Lines of the file not used:' : 'Nothing was imported:'}</p>
          <ul className="rebuild-refused" aria-label="Lines not used">
            {problems.slice(0, SHOWN).map((problem, index) => (
              <li key={index}>{problem.line ? `Line ${problem.line}: ${problem.reason}.` : `${problem.reason[0].toUpperCase()}${problem.reason.slice(1)}.`}</li>
            ))}
            {problems.length > SHOWN && <li className="muted">and {problems.length - SHOWN} more</li>}
            {unnamed > 0 && <li>{unnamed === 1 ? 'One line names' : `${unnamed} lines name`} no incident.</li>}
          </ul>
        </>
      )}
    </Dialog>
  );
}
