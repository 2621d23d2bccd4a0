import { useEffect, useMemo, useRef } from 'react';
import { runbookParams } from '../../../../shared/library/run-params';
import { AlertContext, useAlertFilling } from '../../alerts';
import { headingSlug, SECTION_ID_PREFIX } from '../../../../shared/library/markdown/heading-slug';
import { withoutTitleLine } from '../../../../shared/library/markdown/markdown-blocks';
import { reviewState } from '../../../../shared/library/review';
import { noteOrder } from '../../../../shared/notes/local-note';
import { formatUtc } from '../../../../shared/incident/time-format';
import { useHealthStore } from '../../health';
import { localToday } from '../../../ui/local-today';
import { useNotesStore, NoteCard } from '../../notes';
import { useLibraryStore } from '../library-store';
import { useRunbookStore } from '../runbook-store';
import { MarkdownView } from '../../../ui/markdown/MarkdownView';
import { PriorityBadge } from '../PriorityBadge';
import { RunbookLinkList } from './RunbookLinkList';
import { RunbookOutline } from './RunbookOutline';
import { TitlePlace } from '../TitlePlace';
import { RunbookContextStrip } from './RunbookContextStrip';
import { SaveCopyButton } from '../../../ui/SaveCopyButton';
import { paletteShortcutLabel } from '../../../ui/shortcut-label';
import { typeLabel } from '../type-labels';
import { writeNote } from '../../../app/services/app-actions';
import { runFromPage } from '../procedure-in-view';
import { isReportTitle, procedures } from '../../../../shared/library/document/procedures';
import { START_RUN_KEY } from '../../../ui/keys';
import { hashOf } from '../../../app/services/routes';
import { openCurrentIncident, useIncidentStore } from '../../incident';

/** How long a section opened from a link or a search stays marked. */
const SECTION_MARK_MS = 2_500;

export function RunbookView({ id, section }: { id: string; section?: string }) {
  const { runbook, notes: libraryNotes, missing, failed, load } = useRunbookStore();
  const summaries = useLibraryStore((state) => state.summaries);
  const localNotes = useNotesStore((state) => state.local);
  const helpful = useNotesStore((state) => state.helpful);
  const stats = useHealthStore((state) => state.runbook[id] ?? undefined);
  useEffect(() => {
    void useHealthStore.getState().refreshRunbook(id);
  }, [id]);
  useEffect(() => {
    void load(id);
    void useLibraryStore.getState().markOpened(id);
  }, [id, load]);
  const shown = runbook?.id === id;
  // Opened from an alert: its labels fill the commands of the page.
  const params = useMemo(() => (runbook ? runbookParams(runbook) : []), [runbook]);
  const filling = useAlertFilling(id, params);
  const titleRow = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A link to `runbook.md#section` opens the runbook scrolled to that heading.
    // Its heading is marked for a moment (a background that fades, nothing that moves the text), so the eye finds it.
    const heading = shown && section ? document.getElementById(SECTION_ID_PREFIX + headingSlug(section)) : null;
    heading?.scrollIntoView({ block: 'start' });
    heading?.classList.add('section-arrived');
    const fade = heading && window.setTimeout(() => heading.classList.remove('section-arrived'), SECTION_MARK_MS);
    return () => {
      if (fade) window.clearTimeout(fade);
      heading?.classList.remove('section-arrived');
    };
  }, [shown, section]);

  if (missing === id) return <MissingRunbook id={id} />;
  if (failed?.id === id) {
    return (
      <div className="screen-error" role="alert">
        <h1>This runbook cannot be read</h1>
        <p>
          Failsafe could not read “{id}” from this machine’s library: {failed.reason}. Try again with <button type="button" onClick={() => void load(id)}>Retry</button>, or search
          with <kbd>{paletteShortcutLabel()}</kbd>.
        </p>
      </div>
    );
  }
  if (!runbook || runbook.id !== id) return <p className="loading">Opening…</p>;
  const related = runbook.related.map((relatedId) => summaries.find((summary) => summary.id === relatedId)).filter((summary) => summary !== undefined);
  // This machine's notes beside the library's, marked local: warnings and pinned first.
  const notes = [...localNotes.filter((note) => !note.deletedAt && note.runbooks.includes(runbook.id)), ...libraryNotes]
    .map((note) => ({ ...note, helpful: helpful.has(note.id) }))
    .sort(noteOrder);
  const runnable = procedures(runbook);
  const review = reviewState(runbook.lastReviewed, runbook.reviewEvery, localToday());
  const facts: [string, string | undefined][] = [
    ['Type', typeLabel(runbook.type)],
    ['RTO', runbook.rto],
    ['RPO', runbook.rpo],
    ['Duration', runbook.duration],
    ['Owner', runbook.owner],
    ['Version', runbook.version],
    ['Status', runbook.status],
    ['Last reviewed', runbook.lastReviewed ?? 'never'],
    ['Review', review.state === 'current' ? `next by ${review.dueOn} (${runbook.reviewEvery})` : review.text],
    ['Procedures', runnable.length > 1 ? `${runnable.length}: press ${START_RUN_KEY} to choose one` : undefined],
    ['Runs here', stats ? `${stats.runs}, last ${formatUtc(stats.lastRunAt).slice(0, 10)}${stats.aborted ? `, ${stats.aborted} aborted` : ''}` : 'never run on this machine'],
  ];
  const body = withoutTitleLine(runbook.body, runbook.title);
  const reviewDue = review.state !== 'current';
  return (
    <article className="runbook" aria-labelledby="runbook-title">
      <RunbookContextStrip titleRow={titleRow} id={runbook.id} title={runbook.title} runnable={runnable.length > 0} />
      <header className="runbook-header">
        <div className="runbook-title-row" ref={titleRow}>
          <h1 id="runbook-title">{runbook.title}</h1>
          <TitlePlace id={runbook.id} />
          <div className="runbook-badges">
            <PriorityBadge priority={runbook.priority} />
            {reviewDue && <span className="badge review-due" title={`Reviewed ${runbook.reviewEvery}`}>review due</span>}
            {runbook.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </div>
          <div className="runbook-actions">
            {runnable.length > 0 && (
              <button type="button" className="primary" onClick={() => runFromPage(runbook.id)}>
                {runnable.length > 1 ? 'Run a procedure' : 'Start a run'} <kbd>{START_RUN_KEY}</kbd>
              </button>
            )}
            <button type="button" onClick={() => writeNote({ runbooks: [runbook.id] })}>
              Write a note
            </button>
            <button type="button" onClick={() => window.print()}>
              Print
            </button>
            <SaveCopyButton request={{ suggestedName: `${runbook.id.split('/').pop() || 'runbook'}.md`, content: runbook.body, kind: 'markdown' }} />
          </div>
        </div>
        <dl className="runbook-facts">
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          {(runbook.alerts ?? []).length > 0 && (
            <div className="aliases">
              <dt>Answers alerts</dt>
              <dd>{runbook.alerts.join(', ')}</dd>
            </div>
          )}
          {runbook.aliases.length > 0 && (
            <div className="aliases">
              <dt>Also called</dt>
              <dd>{runbook.aliases.join(', ')}</dd>
            </div>
          )}
        </dl>
        <AlertContext runbookId={runbook.id} params={params} />
        {runnable.length === 0 && (
          <p className="document-note" role="note">
            {isReportTitle(runbook.title)
              ? 'A document: a report of work done, readable and searchable, with no procedure to run.'
              : 'A document: readable and searchable, with no procedure to run (no numbered list, checklist, Steps heading or numbered commands).'}
          </p>
        )}
      </header>
      <div className="runbook-layout">
        <MarkdownView markdown={body} fromPath={runbook.path} runbookId={runbook.id} filling={filling} />
        <aside className="runbook-aside">
          <RunbookOutline markdown={body} runbook={runbook} />
          {related.length > 0 && (
            <section aria-label="Related runbooks">
              <h2>Related runbooks</h2>
              <RunbookLinkList runbooks={related} />
            </section>
          )}
          {stats && stats.troubledSteps.length > 0 && (
            <section aria-label="How its steps fared">
              <h2>In this machine’s runs</h2>
              <ul className="troubled-steps">
                {stats.troubledSteps.map((step) => (
                  <li key={step.title}>
                    {step.title}: {step.skipped ? `skipped ${step.skipped}×` : ''}
                    {step.skipped && step.failed ? ', ' : ''}
                    {step.failed ? `failed ${step.failed}×` : ''}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {notes.length > 0 && (
            <section aria-label="Admin notes">
              <h2>Admin notes</h2>
              {notes.map((note) => (
                <NoteCard key={note.id} note={note} />
              ))}
            </section>
          )}
        </aside>
      </div>
    </article>
  );
}

/**
 * A link to a runbook this library does not hold (a sync removed or renamed it; a related runbook
 * of a run started before the sync): a way on, not a dead end. A run keeps its own copy of its
 * runbook, so the runs in progress are offered first.
 */
function MissingRunbook({ id }: { id: string }) {
  const incident = useIncidentStore(openCurrentIncident);
  const running = incident?.runs.filter((run) => !run.finished) ?? [];
  return (
    <div className="empty">
      <h1>No runbook “{id}” here</h1>
      <p>This library has no runbook “{id}”: a sync may have removed or renamed it. Search for what it covered with <kbd>{paletteShortcutLabel()}</kbd>.</p>
      {incident && running.length > 0 && (
        <p>
          Back to {running.length === 1 ? 'the run' : 'a run'} in progress (it keeps its own copy of its runbook):{' '}
          {running.map((run, index) => (
            <span key={run.id}>
              {index > 0 && ', '}
              <a href={hashOf({ name: 'run', incidentId: incident.id, runId: run.id })}>
                {run.runbook.title}, step {run.current + 1} of {run.steps.length}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
