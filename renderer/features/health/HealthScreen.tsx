import { useEffect, useMemo, useState } from 'react';
import { HEALTH_CHECKS, libraryHealth, type HealthCheck, type HealthFinding } from '../../../shared/library/library-health';
import { formatUtc } from '../../../shared/incident/time-format';
import { hashOf } from '../../app/services/routes';
import { useHealthStore } from './health-store';
import { TitlePlace, useLibraryStore } from '../library';
import { useNotesStore } from '../notes';
import { useLinkResolver } from '../links';
import { readLibraryForHealth } from './library-health-input';
import type { HealthInput } from '../../../shared/library/library-health';
import { OfflineCopyButton } from './OfflineCopyButton';
import { titlePlaces, titleWithPlace } from '../../../shared/library/document/title-places';

const ORDER: HealthCheck[] = ['problem', 'review-due', 'no-owner', 'never-run', 'dangling-related', 'orphan-note', 'undeclared-param', 'alert-no-runbook', 'alert-link-missing', 'alert-link-unchecked'];
/** Shown only for a library that has alerting rules: "None" would read as "every alert is covered". */
const ALERT_CHECKS: readonly HealthCheck[] = ['alert-no-runbook', 'alert-link-missing', 'alert-link-unchecked'];

/** How far the library can be trusted: the checks lint:library makes, plus what only this machine knows (runs, local notes). */
export function HealthScreen() {
  const version = useLibraryStore((state) => state.meta?.version);
  const summaries = useLibraryStore((state) => state.summaries);
  const localNotes = useNotesStore((state) => state.local);
  const stats = useHealthStore((state) => state.stats);
  const resolve = useLinkResolver();
  const [input, setInput] = useState<HealthInput>();
  useEffect(() => {
    void useHealthStore.getState().refresh();
  }, []);
  useEffect(() => {
    let cancelled = false;
    void readLibraryForHealth().then((read) => !cancelled && setInput(read));
    return () => {
      cancelled = true;
    };
  }, [version]);
  const today = new Date().toISOString().slice(0, 10);
  const findings = useMemo(() => {
    if (!input) return undefined;
    const notes = [...input.notes, ...localNotes.filter((note) => !note.deletedAt)];
    // Alert rules' runbook links map to files as the alert screen maps them: the sync settings' sites and the repository's pages.
    const found = libraryHealth({ ...input, notes }, today, resolve);
    const places = titlePlaces(summaries);
    if (stats) for (const summary of summaries) if (!stats.has(summary.id)) found.push({ check: 'never-run', id: summary.id, text: `${titleWithPlace(summary.title, places.get(summary.id))} has never been run on this machine` });
    return found;
  }, [input, localNotes, stats, summaries, today, resolve]);

  return (
    <section className="health" aria-labelledby="health-title">
      <div className="library-toolbar">
        <h1 id="health-title">Library health</h1>
        <span className="count">{findings ? `${findings.length} findings` : ''}</span>
        <OfflineCopyButton />
        <a href={hashOf({ name: 'quick-reference' })}>Quick reference to print</a>
      </div>
      {!findings && <p className="loading">Reading the library…</p>}
      {findings &&
        ORDER.filter((check) => input?.alertRules?.length || !ALERT_CHECKS.includes(check)).map((check) => {
          const list = findings.filter((finding) => finding.check === check);
          return (
            <section key={check} aria-label={HEALTH_CHECKS[check]} className="health-check">
              <h2>
                {HEALTH_CHECKS[check]} <span className="muted">({list.length})</span>
              </h2>
              {list.length === 0 ? <p className="muted">None.</p> : check === 'review-due' ? <ByOwner findings={list} /> : <FindingList findings={list} />}
            </section>
          );
        })}
      {stats && stats.size > 0 && (
        <section aria-label="Runs on this machine" className="health-check">
          <h2>Runs on this machine</h2>
          <ul>
            {[...stats.entries()].map(([id, stat]) => (
              <li key={id}>
                <a href={hashOf({ name: 'runbook', id })}>
                  {summaries.find((summary) => summary.id === id)?.title ?? id}
                  <TitlePlace id={id} />
                </a>: {stat.runs} run{stat.runs === 1 ? '' : 's'}, last {formatUtc(stat.lastRunAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function ByOwner({ findings }: { findings: HealthFinding[] }) {
  const owners = [...new Set(findings.map((finding) => finding.owner ?? 'no owner'))].sort();
  return owners.map((owner) => (
    <div key={owner}>
      <h3>{owner}</h3>
      <FindingList findings={findings.filter((finding) => (finding.owner ?? 'no owner') === owner)} />
    </div>
  ));
}

function FindingList({ findings }: { findings: HealthFinding[] }) {
  return (
    <ul>
      {findings.map((finding, index) => (
        <li key={index}>
          {finding.id && finding.check !== 'orphan-note' ? <a href={hashOf({ name: 'runbook', id: finding.id })}>{finding.text}</a> : finding.id ? <a href={hashOf({ name: 'note', id: finding.id })}>{finding.text}</a> : finding.text}
          {finding.path && (
            <>
              {' '}
              <code className="muted">{finding.path}</code>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
