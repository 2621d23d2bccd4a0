import { incidentElapsed } from '../../../shared/incident/incident-state';
import { MILESTONES } from '../../../shared/incident/incident-events';
import { formatDuration, formatUtc } from '../../../shared/incident/time-format';
import { hashOf } from '../../app/services/routes';
import { focusPage } from '../../ui/focus-page';
import { useIncidentStore } from './incident-store';
import { UpdateCountdown } from '../messages';
import { useNow } from './use-now';
import { ShareOfflineMark } from '../sharing';

/** The current incident, on every screen: title, severity, how long, status, and where its runs are. */
export function IncidentBar() {
  const incident = useIncidentStore((state) => (state.currentId ? state.loaded[state.currentId]?.state : undefined));
  const problem = useIncidentStore((state) => state.problem);
  const journalProblem = useIncidentStore((state) => state.journalProblem);
  const now = useNow(!!incident);
  const running = incident?.runs.filter((run) => !run.finished) ?? [];
  // The milestone reached last, so a milestone key pressed anywhere shows what it did.
  const reached = incident ? [...MILESTONES].reverse().find((milestone) => incident.milestones[milestone] !== undefined) : undefined;
  const latest = reached && incident ? ([reached, incident.milestones[reached]!] as const) : undefined;
  return (
    <>
      {incident && (
        <div className={`incident-bar status-${incident.status}`} role="region" aria-label="Current incident">
          <span className="incident-severity">{incident.severity}</span>
          <a className="incident-title" href={hashOf({ name: 'incident' })} onClick={focusPage}>
            {incident.title}
          </a>
          <span className="incident-elapsed" data-testid="incident-bar-clock">
            {formatDuration(incidentElapsed(incident, now))}
          </span>
          <span className="incident-status">{incident.status}</span>
          {/* A resolved incident stays current (its export, a late note) until the responder puts it away. */}
          {incident.status === 'resolved' && (
            <button type="button" className="put-away" onClick={() => void useIncidentStore.getState().setCurrent(undefined)}>
              Put away: no current incident
            </button>
          )}
          {latest && (
            <span className="incident-milestone">
              {latest[0]} {formatUtc(latest[1]).slice(11, 16)} UTC
            </span>
          )}
          <UpdateCountdown incident={incident} now={now.at} />
          <ShareOfflineMark incident={incident} />
          {/* The bar's links put the focus in the page they open: left on the link, Enter opened it
              again instead of going on with the run, and C then copied a failed step's command. */}
          {/* A procedure of a long document by its own name: two runs of one team's "Operations Runbook"
              read "▶ Oper…" and "▶ Opera…" at 900 px. The whole title is the link's tooltip. */}
          {running.map((run) => (
            <a key={run.id} className="incident-run" href={hashOf({ name: 'run', incidentId: incident.id, runId: run.id })} title={run.runbook.title} onClick={focusPage}>
              ▶ {run.runbook.procedure?.title ?? run.runbook.title}: step {run.current + 1} of {run.steps.length}
            </a>
          ))}
        </div>
      )}
      {(problem || journalProblem) && (
        <p className="banner error" role="alert">
          {problem ?? journalProblem}{' '}
          <button type="button" onClick={() => useIncidentStore.getState().dismissProblem()}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}
