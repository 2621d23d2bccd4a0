import { useEffect, useState } from 'react';
import type { Runbook } from '../../../shared/model';
import { stepCommands } from '../../../shared/library/markdown/runbook-steps';
import { readCriticalRunbooks } from './quick-reference';
import { useLibraryStore } from '../library';
import { useRoster } from '../oncall';

/** A few pages to print and keep by the desk: the critical runbooks' steps and first commands, the severity levels, the contacts. */
export function QuickReference() {
  const levels = useLibraryStore((state) => state.severity);
  const roster = useRoster();
  const [runbooks, setRunbooks] = useState<Runbook[]>();
  useEffect(() => {
    void readCriticalRunbooks().then(setRunbooks);
  }, []);
  return (
    <article className="quick-reference" aria-labelledby="qr-title">
      <div className="library-toolbar no-print">
        <h1 id="qr-title">Quick reference</h1>
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <p className="muted">Printed {new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. The critical runbooks in short; the app has them whole.</p>
      <h2>Severity levels</h2>
      <table className="qr-table">
        <tbody>
          {levels.map((level) => (
            <tr key={level.id}>
              <td>
                <strong>{level.id}</strong> {level.name}
              </td>
              <td>{level.description}</td>
              <td>{level.responseTime}</td>
              <td>{level.pages.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Who to call</h2>
      <table className="qr-table">
        <tbody>
          {roster.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.escalationOrder}</td>
              <td>
                <strong>{entry.name}</strong>
                {entry.local ? ' (local)' : ''}
              </td>
              <td>{entry.role}</td>
              <td>{entry.phone}</td>
              <td>{entry.email}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!runbooks && <p className="loading">Reading the runbooks…</p>}
      <div className="qr-runbooks">
      {runbooks?.map((runbook) => (
        <section key={runbook.id} className="qr-runbook">
          <h2>{runbook.title}</h2>
          <ol>
            {runbook.steps.map((step) => {
              const [command] = stepCommands(runbook, step);
              return (
                <li key={step.index}>
                  {step.title}
                  {command && <code className="qr-command">{command.split('\n')[0]}</code>}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      </div>
    </article>
  );
}
