import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../../shared/incident/incident-events';
import { formatDuration, formatUtc } from '../../../shared/incident/time-format';
import { hashOf } from '../../app/services/routes';
import { useIncidentStore } from './incident-store';
import { DECLARE_KEY } from '../../ui/keys';
import { useScreenKey } from '../../ui/use-screen-key';
import { useNow } from './use-now';
import { RebuildConfirm } from './RebuildConfirm';
import { BundleBar } from '../bundle';

type Filter = 'open' | 'all' | IncidentStatus;

/** Every incident on this machine, newest first, with a filter by status; and journal files to restore. */
export function IncidentsScreen() {
  const list = useIncidentStore((state) => state.list);
  const currentId = useIncidentStore((state) => state.currentId);
  const orphans = useIncidentStore((state) => state.orphanJournals);
  const [filter, setFilter] = useState<Filter>('all');
  const now = useNow();
  const shown = list.filter((item) => filter === 'all' || (filter === 'open' ? item.status !== 'resolved' : item.status === filter));
  // The list by keyboard, as the roster: the page opens on its first incident, the arrows go from
  // row to row and Enter opens one (before, every filter and button of the page came first).
  const rows = useRef<HTMLTableSectionElement>(null);
  const hasRows = shown.length > 0;
  // Once, as the page opens (or its list first arrives): a filter that empties the list and fills
  // it again must not pull the focus off the filter.
  const placed = useRef(false);
  useLayoutEffect(() => {
    if (!hasRows || placed.current) return;
    placed.current = true;
    rows.current?.querySelector<HTMLAnchorElement>('a.incident-link')?.focus({ preventScroll: true });
  }, [hasRows]);
  // From anywhere else on the page (Ctrl+3 pressed on the list already open puts the focus on the
  // page), ↓ goes to the first row and ↑ to the last: they did nothing there (a walk).
  const rowLinks = () => [...(rows.current?.querySelectorAll<HTMLAnchorElement>('a.incident-link') ?? [])];
  useScreenKey('ArrowDown', () => rowLinks()[0]?.focus(), { enabled: hasRows });
  useScreenKey('ArrowUp', () => rowLinks().at(-1)?.focus(), { enabled: hasRows });
  const moveInList = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = rowLinks();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at === -1) return;
    event.preventDefault();
    links[Math.min(links.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))].focus();
  };
  return (
    <section className="incidents" aria-labelledby="incidents-title">
      <div className="library-toolbar">
        <h1 id="incidents-title">Incidents</h1>
        <label className="status-filter">
          Status
          <select value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
            <option value="all">all</option>
            <option value="open">open (not resolved)</option>
            {INCIDENT_STATUSES.map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
        </label>
        {hasRows && (
          <span className="keys-help">
            <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> open
          </span>
        )}
        <span className="count">
          {shown.length} of {list.length}
        </span>
      </div>
      <BundleBar />
      {list.length === 0 ? (
        <p className="empty">
          No incidents on this machine. Declare one with <kbd>{DECLARE_KEY}</kbd>.
        </p>
      ) : (
        <table className="incident-table">
          <thead>
            <tr>
              <th>Incident</th>
              <th>Severity</th>
              <th>Status</th>
              <th>Declared (UTC)</th>
              <th>Duration</th>
              <th>Runs</th>
            </tr>
          </thead>
          <tbody ref={rows} onKeyDown={moveInList}>
            {shown.map((item) => (
              <tr key={item.id}>
                <td>
                  <a className="incident-link" href={hashOf({ name: 'incident', id: item.id })}>
                    {item.title}
                  </a>
                  {item.id === currentId && <span className="badge">current</span>}
                  {item.declaredBy && <span className="muted"> declared by {item.declaredBy}</span>}
                </td>
                <td>{item.severity}</td>
                <td>{item.status}</td>
                <td>{formatUtc(item.declaredAt).replace(' UTC', '')}</td>
                <td>
                  {formatDuration((item.resolvedAt ?? now.at) - item.declaredAt)}
                  {/* As on its page: the messages counted from detection, so the list says that figure too. */}
                  {item.startedAt !== undefined && <> <span className="muted duration-detected">{formatDuration((item.resolvedAt ?? now.at) - item.startedAt)} from detection</span></>}
                </td>
                <td>
                  {item.runs.length ? (
                    <ul className="runs-list">
                      {item.runs.map((run, index) => (
                        <li key={index}>
                          {run.runbookTitle} <span className="muted">({run.outcome})</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {orphans.length > 0 && (
        <section className="orphan-journals" aria-labelledby="orphans-heading">
          <h2 id="orphans-heading">Journal files without an incident here</h2>
          <p className="muted">These incidents are in the journal folder but not in this app’s database (a new or damaged profile). Rebuild them from their journals:</p>
          <ul>
            {orphans.map((id) => (
              <li key={id}>
                <code>{id}</code>{' '}
                <button type="button" onClick={() => void useIncidentStore.getState().askRebuild(id)}>
                  Rebuild from the journal
                </button>
              </li>
            ))}
          </ul>
          <RebuildConfirm />
        </section>
      )}
    </section>
  );
}
