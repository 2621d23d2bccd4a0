import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { alertKey, alertSummary, type Alert } from '../../../shared/alerts/alert';
import type { RunbookMatch } from '../../../shared/alerts/alert-runbook';
import { formatUtc } from '../../../shared/incident/time-format';
import type { RunbookSummary } from '../../../shared/search/search-documents';
import { ADD_ALERT_KEY, DECLARE_KEY, isPlainKey } from '../../ui/keys';
import { useLibraryStore, TitlePlace } from '../library';
import { useIncidentStore, useNow } from '../incident';
import { useAlertStore } from './alert-store';
import { addAlertToIncident, declareFromAlert, openAlertRunbook, searchForAlert } from './alert-actions';
import { useAlertMatches } from './alert-matches';
import { AlertPasteArea } from './AlertPasteArea';

const SOURCE_WORDS: Record<Alert['source'], string> = {
  alertmanager: 'an Alertmanager payload',
  prometheus: 'Prometheus',
  notification: 'a notification',
  email: 'an e-mail or SMS',
  link: 'a failsafe:// link',
  name: 'an alert name',
};

/**
 * "From an alert": each alert pasted, dropped or opened from a link, with its state, how long it has
 * fired, its labels and its runbook. ↑/↓ choose, Enter opens the runbook filled from the labels, I
 * declares an incident from the alert, A adds it to the current incident.
 */
export function AlertsScreen() {
  const { read, selected, outcome } = useAlertStore();
  const matches = useAlertMatches(read.alerts);
  const summaries = useLibraryStore((state) => state.summaries);
  // Looked up for every row on every tick of the clock: a map, not a scan of the library each time.
  const byId = useMemo(() => new Map(summaries.map((summary) => [summary.id, summary])), [summaries]);
  const current = useIncidentStore((state) => (state.currentId ? state.loaded[state.currentId]?.state : undefined));
  const inCurrent = new Set(current?.alerts.map(({ alert }) => alertKey(alert)));
  // A alone adds to an open incident; a resolved one is reopened from its own page first.
  const open = current && current.status !== 'resolved' ? current : undefined;
  const now = useNow();
  const rows = useRef<(HTMLElement | null)[]>([]);
  useEffect(() => {
    rows.current[selected]?.focus();
  }, [selected, read]);

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.target as HTMLElement).closest('textarea')) return;
    const alert = read.alerts[selected];
    const choose = (index: number) => useAlertStore.getState().select(index);
    const plain = (key: string) => isPlainKey(event.nativeEvent, key);
    if (event.key === 'ArrowDown' || plain('j')) choose(selected + 1);
    else if (event.key === 'ArrowUp' || plain('k')) choose(selected - 1);
    else if (event.key === 'Home') choose(0);
    else if (event.key === 'End') choose(read.alerts.length - 1);
    else if (event.key === 'Enter' && alert && event.target === rows.current[selected]) {
      const match = matches[selected];
      if (match && 'id' in match) openAlertRunbook(alert, match);
      else searchForAlert(alert);
    } else if (alert && plain(DECLARE_KEY)) declareFromAlert(alert);
    else if (alert && plain(ADD_ALERT_KEY) && open) void addAlertToIncident(alert);
    else return;
    event.preventDefault();
  };

  const sources = [...new Set(read.alerts.map((alert) => SOURCE_WORDS[alert.source]))].join(', ');
  return (
    <section className="alerts-screen" aria-labelledby="alerts-title" onKeyDown={onKeyDown}>
      <div className="library-toolbar">
        <h1 id="alerts-title">From an alert</h1>
        {read.alerts.length > 0 && (
          <span className="count">
            {read.alerts.length === 1 ? '1 alert' : `${read.alerts.length} alerts`}, read from {sources}
          </span>
        )}
      </div>
      {outcome && (
        <p role="status" className={outcome.problem ? 'form-problem' : 'alert-outcome'}>
          {outcome.text}
        </p>
      )}
      {read.problems.length > 0 && (
        <div role="note" aria-label="What could not be read">
          <ul className="alert-problems">
            {read.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {read.alerts.length === 0 ? (
        <AlertPasteArea />
      ) : (
        <>
          <ol className="alert-list" aria-label="Alerts">
            {read.alerts.map((alert, index) => (
              <li key={index} className={index === selected ? 'alert-row selected' : 'alert-row'} onFocus={() => index !== selected && useAlertStore.getState().select(index)}>
                <AlertRow alert={alert} match={matches[index]} runbook={byId.get(matchedId(matches[index]) ?? '')} now={now.at} added={inCurrent.has(alertKey(alert))} selected={index === selected} row={(element) => (rows.current[index] = element)} />
              </li>
            ))}
          </ol>
          <p className="key-bar" aria-label="Keys">
            <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> open its runbook, filled from its labels (or search for one) · <kbd>{DECLARE_KEY}</kbd> declare an incident from it
            {open && (
              <>
                {' '}
                · <kbd>{ADD_ALERT_KEY}</kbd> add it to “{open.title}”
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}

function AlertRow({ alert, match, runbook, now, added, selected, row }: { alert: Alert; match: RunbookMatch | undefined; runbook: RunbookSummary | undefined; now: number; added: boolean; selected: boolean; row(element: HTMLElement | null): void }) {
  const summary = alertSummary(alert);
  const labels = Object.entries(alert.labels).filter(([name]) => name !== 'alertname');
  const firing = alert.startsAt !== undefined && alert.state === 'firing' ? `for ${firingFor(now - alert.startsAt)}, since ${formatUtc(alert.startsAt)}` : undefined;
  return (
    // One stop in the tab order, the chosen alert: ↑/↓ move it (a roving tab stop), Enter opens its runbook.
    <article ref={row} tabIndex={selected ? 0 : -1} aria-label={`${alert.name}, ${alert.state}`} aria-current={selected || undefined}>
      <div className="alert-head">
        <span className={`alert-state ${alert.state}`}>{alert.state}</span>
        <strong className="alert-name">{alert.name}</strong>
        {firing && <span className="muted">{firing}</span>}
        {alert.state === 'resolved' && alert.endsAt !== undefined && <span className="muted">resolved {formatUtc(alert.endsAt)}</span>}
        {added && <span className="badge">in the current incident</span>}
      </div>
      {summary && <p className="alert-summary">{summary}</p>}
      {alert.annotations.description && alert.annotations.description !== summary && <p className="alert-description">{alert.annotations.description}</p>}
      {labels.length > 0 && (
        <p className="alert-labels" aria-label="Labels">
          {labels.map(([name, value]) => (
            <code key={name}>
              {name}={value}
            </code>
          ))}
        </p>
      )}
      <p className="alert-runbook">
        {runbook && match && 'id' in match ? (
          <>
            Runbook:{' '}
            <button type="button" className="link-button" tabIndex={-1} onClick={() => openAlertRunbook(alert, match)}>
              {runbook.title}
            </button>{' '}
            <TitlePlace id={runbook.id} /> <span className="muted">{MATCH_WORDS[match.by]}</span>
          </>
        ) : (
          <>
            <strong>No runbook</strong> <span className="muted">{match && 'lookedFor' in match ? `looked for ${match.lookedFor}` : 'the library has no runbook for it'}</span>
          </>
        )}
      </p>
    </article>
  );
}

const MATCH_WORDS: Record<'alerts' | 'link' | 'name', string> = {
  alerts: 'lists this alert',
  link: 'the alert’s runbook link',
  name: 'named like the alert',
};

/** To the minute: a count of seconds ticking beside the alert would move what the responder reads. */
function firingFor(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  const hours = Math.floor(minutes / 60);
  return hours ? `${hours}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`;
}

const matchedId = (match: RunbookMatch | undefined): string | undefined => (match && 'id' in match ? match.id : undefined);
