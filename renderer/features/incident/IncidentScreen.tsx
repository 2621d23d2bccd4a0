import { useEffect, useMemo, useRef, useState } from 'react';
import { incidentNoteDraft, useDraftText } from '../../app/services/drafts';
import { useKeepFocus } from '../../ui/use-keep-focus';
import { describeEvent, entryNote, timelineOf } from '../../../shared/incident/event-description';
import { INCIDENT_STATUSES, MILESTONES, type EventBody, type Milestone } from '../../../shared/incident/incident-events';
import { impactElapsed, incidentElapsed, incidentStart, type IncidentState, type Stamp } from '../../../shared/incident/incident-state';
import { formatClock, formatDuration, formatUtc, parseUtcInput } from '../../../shared/incident/time-format';
import { runStepCounts } from '../../../shared/incident/runs/run-outcome';
import { hashOf } from '../../app/services/routes';
import { useAppStore } from '../../app/services/app-store';
import { useIncidentStore, type LoadedIncident } from './incident-store';
import { ExportButtons } from './ExportButtons';
import { TitlePlace, useLibraryStore } from '../library';
import { withOption, INCIDENT_NOTE_KEY, MAKE_CURRENT_KEY, MILESTONE_KEYS } from '../../ui/keys';
import { useScreenKey } from '../../ui/use-screen-key';
import { paletteShortcutLabel } from '../../ui/shortcut-label';
import { useNow } from './use-now';
import { RebuildConfirm } from './RebuildConfirm';
import { recordAskingBeforeResolving } from './incident-actions';
import { RecordingSelect } from '../../ui/RecordingSelect';
import { RespondersPanel } from '../sharing';

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function IncidentScreen({ id }: { id?: string }) {
  const currentId = useIncidentStore((state) => state.currentId);
  const ready = useIncidentStore((state) => state.ready);
  const shownId = id ?? currentId;
  const loaded = useIncidentStore((state) => (shownId ? state.loaded[shownId] : undefined));
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (shownId) void useIncidentStore.getState().open(shownId).then((found) => setMissing(!found));
  }, [shownId]);
  if (!shownId) {
    return ready ? (
      <div className="empty-state">
        <h1>No current incident</h1>
        <p>
          Declare one with <kbd>I</kbd>, or open one from <a href={hashOf({ name: 'incidents' })}>Incidents</a>.
        </p>
      </div>
    ) : (
      <p className="loading">Opening…</p>
    );
  }
  if (!loaded) return <p className="loading">{missing ? `There is no incident ${shownId} on this machine.` : 'Opening…'}</p>;
  // Keyed by the incident: what one page said (an export copied) never shows on another.
  return <IncidentView key={shownId} loaded={loaded} current={shownId === currentId} />;
}

function IncidentView({ loaded, current }: { loaded: LoadedIncident; current: boolean }) {
  const { state: incident, events } = loaded;
  const timeline = useMemo(() => timelineOf(incident, events), [incident, events]);
  useScreenKey(MAKE_CURRENT_KEY, () => void useIncidentStore.getState().setCurrent(incident.id), { enabled: !current, shift: false });
  // Whatever on this page would resolve the incident asks first while a run is still open.
  const record = (bodies: EventBody[]) => recordAskingBeforeResolving(incident.id, bodies);
  const levels = useLibraryStore((state) => state.severity);
  const journalFolder = useAppStore((state) => state.appInfo?.journalFolder);
  const now = useNow(incident.status !== 'resolved');

  return (
    <article className="incident" aria-labelledby="incident-title">
      <header className="runbook-header">
        <div className="runbook-title-row">
          <h1 id="incident-title">{incident.title}</h1>
          <span className={`badge status-${incident.status}`}>{incident.status}</span>
          {current ? (
            <span className="badge">current</span>
          ) : (
            <button type="button" onClick={() => void useIncidentStore.getState().setCurrent(incident.id)} aria-keyshortcuts={MAKE_CURRENT_KEY}>
              Make current <kbd>{MAKE_CURRENT_KEY}</kbd>
            </button>
          )}
          <div className="runbook-actions">
            <ExportButtons loaded={loaded} />
          </div>
        </div>
        <div className="incident-fields">
          <label>
            Severity
            <RecordingSelect value={incident.severity} onChoose={(value) => record([{ type: 'incident-changed', field: 'severity', value }])}>
              {!levels.some((level) => level.id === incident.severity) && <option value={incident.severity}>{incident.severity}</option>}
              {levels.map((level) => (
                <option key={level.id} value={level.id}>
                  {level.id}: {level.name}
                </option>
              ))}
            </RecordingSelect>
          </label>
          <label>
            Status
            <RecordingSelect value={incident.status} onChoose={(value) => record([{ type: 'incident-changed', field: 'status', value }])}>
              {INCIDENT_STATUSES.map((status) => (
                <option key={status}>{status}</option>
              ))}
            </RecordingSelect>
          </label>
          <TitleEditor incident={incident} record={record} />
          <span className="incident-clock" data-testid="incident-clock">
            {incidentClock(incident, now)}
          </span>
          <span className="muted">Declared {formatClock(incident.declaredAt.at, TIME_ZONE)}</span>
        </div>
        <JournalState loaded={loaded} folder={journalFolder} />
      </header>
      <div className="incident-layout">
        {/* First in the page's order, so Tab reaches the milestones where the eye finds them: at the
            top of one column, or the right column of two (placed there by the grid). */}
        <aside className="incident-aside">
          <Milestones incident={incident} record={record} />
          <RespondersPanel incident={incident} />
        </aside>
        <div className="incident-record">
          <section aria-labelledby="runs-heading">
            <h2 id="runs-heading">Runs</h2>
            {incident.runs.length ? (
              <ul className="incident-runs">
                {incident.runs.map((run) => {
                  return (
                    <li key={run.id}>
                      <a href={hashOf({ name: 'run', incidentId: incident.id, runId: run.id })}>
                        {run.runbook.title}
                        <TitlePlace id={run.runbook.id} />
                      </a>{' '}
                      <span className="muted">
                        {run.finished ? run.finished.outcome : 'running'}, {runStepCounts(run)}, started {formatUtc(run.startedAt.at)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="muted">
                No runs yet. Find a runbook with <kbd>{paletteShortcutLabel()}</kbd> and start a run of it with <kbd>R</kbd>.
              </p>
            )}
          </section>
          <IncidentNotes incident={incident} record={record} />
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            <ol className="timeline">
              {[...timeline.entries, ...timeline.waiting].map((line) => {
                const { event, who, unapplied, conflict } = line;
                return (
                  <li key={`${event.writer ?? ''}:${event.seq}`} className={unapplied === undefined ? undefined : 'timeline-unapplied'}>
                    <time dateTime={new Date(event.at).toISOString()}>{formatUtc(event.at).slice(11)}</time>{' '}
                    {who && <span className="timeline-who">{who}: </span>}
                    {event.type === 'message-copied' ? (
                      // A message is shown whole: folded to its first line, one click (or Enter) opens it word for word.
                      <details className="timeline-message">
                        <summary>{describeEvent(event, incident, TIME_ZONE)}</summary>
                        <pre>{event.text}</pre>
                      </details>
                    ) : (
                      describeEvent(event, incident, TIME_ZONE)
                    )}
                    {entryNote(line)}
                    {unapplied !== undefined && <span className="muted"> (kept, changed nothing: {unapplied})</span>}
                    {conflict !== undefined && <strong className="timeline-conflict"> ({conflict})</strong>}
                  </li>
                );
              })}
            </ol>
          </section>
        </div>
      </div>
    </article>
  );
}

function TitleEditor({ incident, record }: { incident: IncidentState; record(bodies: EventBody[]): Promise<boolean> }) {
  const [editing, setEditing] = useState<string>();
  if (editing === undefined) return <button type="button" onClick={() => setEditing(incident.title)}>Rename</button>;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (editing.trim() && editing.trim() !== incident.title) void record([{ type: 'incident-changed', field: 'title', value: editing.trim() }]).then((ok) => ok && setEditing(undefined));
        else setEditing(undefined);
      }}
    >
      <input aria-label="Title" autoFocus value={editing} onChange={(event) => setEditing(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && setEditing(undefined)} />
      <button type="submit">Rename</button>
    </form>
  );
}

function Milestones({ incident, record }: { incident: IncidentState; record(bodies: EventBody[]): Promise<boolean> }) {
  const [correcting, setCorrecting] = useState<{ milestone: Milestone; text: string; problem?: string }>();
  const section = useRef<HTMLElement>(null);
  const correctedLast = useRef<Milestone | undefined>(undefined);
  // Saved or let go (Enter, Esc), the time's field goes: the focus goes back to its milestone's button.
  useKeepFocus(section, () => section.current?.querySelector<HTMLElement>(`[data-milestone="${correctedLast.current}"] button`));
  const correct = () => {
    if (!correcting) return;
    const time = parseUtcInput(correcting.text, incident.milestones[correcting.milestone] ?? Date.now());
    if (time === undefined) {
      setCorrecting({ ...correcting, problem: 'Type the time in UTC: 2026-11-23 02:10 or 02:10.' });
      return;
    }
    // The field goes as Enter is pressed, not once the time is written: an N pressed at once went
    // into it, and the note typed after it became a "time" (a walk). Not written, it comes back.
    const asked = correcting;
    setCorrecting(undefined);
    void record([{ type: 'milestone-set', milestone: asked.milestone, time }]).then((ok) => ok || setCorrecting({ ...asked, problem: useIncidentStore.getState().problem ?? 'Not saved: the incident could not be written.' }));
  };
  const open = (milestone: Milestone, time: number) => {
    correctedLast.current = milestone;
    setCorrecting({ milestone, text: formatUtc(time).replace(' UTC', '') });
  };
  // Its key pressed again here (Alt 1 on a detected incident), or the palette's "Correct …" that
  // opened this page: that time opens to be corrected.
  useEffect(() => {
    const take = (state: ReturnType<typeof useIncidentStore.getState>) => {
      const asked = state.correctionAsked;
      if (asked?.incidentId !== incident.id) return;
      useIncidentStore.setState({ correctionAsked: undefined });
      const time = state.loaded[incident.id]?.state.milestones[asked.milestone];
      if (time === undefined) return;
      correctedLast.current = asked.milestone;
      setCorrecting({ milestone: asked.milestone, text: formatUtc(time).replace(' UTC', '') });
    };
    take(useIncidentStore.getState());
    return useIncidentStore.subscribe(take);
  }, [incident.id]);
  return (
    <section ref={section} aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Milestones</h2>
      <ul className="milestones">
        {MILESTONES.map((milestone) => {
          const time = incident.milestones[milestone];
          return (
            <li key={milestone} data-milestone={milestone}>
              <span className="milestone-name">{milestone}</span>
              <span className={time === undefined ? 'muted' : undefined}>{time === undefined ? 'not set' : formatClock(time, TIME_ZONE)}</span>
              {time === undefined ? (
                <button type="button" onClick={() => void record([{ type: 'milestone-set', milestone, time: Date.now() }])}>
                  Set now <kbd>{withOption(MILESTONE_KEYS[milestone])}</kbd>
                </button>
              ) : (
                <button type="button" onClick={() => open(milestone, time)}>
                  Correct the time <kbd>{withOption(MILESTONE_KEYS[milestone])}</kbd>
                </button>
              )}
              {correcting?.milestone === milestone && (
                <form
                  className="inline-form"
                  onSubmit={(event) => {
                    event.preventDefault();
                    correct();
                  }}
                >
                  {/* Selected as it opens: "02:10" typed at once replaces the time shown, not appended to it. */}
                  <input aria-label={`${milestone} time in UTC`} autoFocus onFocus={(event) => event.currentTarget.select()} value={correcting.text} onChange={(event) => setCorrecting({ ...correcting, text: event.target.value, problem: undefined })} onKeyDown={(event) => event.key === 'Escape' && setCorrecting(undefined)} />
                  <button type="submit">Save</button>
                  {correcting.problem && <span className="form-problem" role="alert">{correcting.problem}</span>}
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function IncidentNotes({ incident, record }: { incident: IncidentState; record(bodies: EventBody[]): Promise<boolean> }) {
  // Kept as it is typed: a crash or a closed window gives the note back, half a sentence and all.
  // A note being typed when the window went (a reload, a crash) comes back with the focus in it,
  // its end in view, unless the responder is elsewhere by then: keys typed next go on with it (a
  // walk's went to the page's keys, and the I of a word opened Declare an incident).
  const [text, setText] = useDraftText(incidentNoteDraft(incident.id), () => {
    const input = field.current;
    // Where a page opens the focus is its main region; anywhere else, the responder moved it.
    const here = document.activeElement;
    if (!input || (here && here !== document.body && !here.matches('main'))) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  });
  const [followUp, setFollowUp] = useState(false);
  /** What the field holds now, for a write that fails after the next note was begun. */
  const typing = useRef(text);
  useEffect(() => {
    typing.current = text;
  }, [text]);
  // N puts the focus in the note field, as on the run screen: typed without it, the words were
  // read as the page's keys (the I of a sentence declared an incident titled with the rest).
  const field = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);
  useScreenKey(INCIDENT_NOTE_KEY, () => field.current?.focus());
  return (
    <section ref={section} tabIndex={-1} aria-labelledby="notes-heading">
      <h2 id="notes-heading">
        Notes <kbd>{INCIDENT_NOTE_KEY}</kbd>
      </h2>
      {incident.notes.length > 0 && (
        <ul className="incident-notes">
          {incident.notes.map((note) => (
            <li key={note.id}>
              <span className="muted">{formatUtc(note.at.at).slice(11)}</span> {note.text}{' '}
              <label className="check">
                <input type="checkbox" checked={note.followUp} onChange={(event) => void record([{ type: 'follow-up-marked', noteId: note.id, followUp: event.target.checked }])} /> follow-up
              </label>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const value = text.trim();
          if (!value) return;
          // The field keeps the focus for the next note: moved out of it, the next sentence typed
          // was read as the page's keys, and the I of "primary" declared a second incident titled
          // with the rest (a walk, 2026-12-02). Esc leaves it. It is emptied as Enter is pressed,
          // not once the note is written: the next note typed at once went on the end of this one.
          const asFollowUp = followUp;
          setText('');
          setFollowUp(false);
          // Added with the button (Tab past the follow-up box, Enter), the focus goes back to the
          // field too: the button, disabled once the field is empty, let it fall to the page, and
          // the next note typed became keys (a walk, 2026-12-03: a second incident declared).
          field.current?.focus();
          void record([{ type: 'incident-note', noteId: `note-${crypto.randomUUID()}`, text: value, followUp: asFollowUp }]).then((ok) => {
            // Not written (the page says why): the words come back, before whatever was typed since.
            if (ok) return;
            setText(typing.current.trim() ? `${value} ${typing.current}` : value);
            setFollowUp(asFollowUp);
          });
        }}
      >
        <input
          ref={field}
          aria-label="New note"
          aria-keyshortcuts={INCIDENT_NOTE_KEY}
          placeholder="What happened, what you decided…"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && section.current?.focus()}
        />
        <label className="check">
          <input type="checkbox" checked={followUp} onChange={(event) => setFollowUp(event.target.checked)} /> follow-up for after the incident
        </label>
        <button type="submit" disabled={!text.trim()}>
          Add <kbd>Enter</kbd>
        </button>
      </form>
    </section>
  );
}

function JournalState({ loaded, folder }: { loaded: LoadedIncident; folder?: string }) {
  const journal = loaded.journal;
  if (!journal) return null;
  if (journal.kind === 'agree') return <p className="muted journal-state">Journal file: {folder ? `${folder}/${loaded.state.id}.jsonl` : 'kept'}, in step with the database.</p>;
  if (journal.kind === 'none') return <p className="muted journal-state">{journal.reason}</p>;
  return (
    <>
      <p className="banner warning journal-state" role="alert">
        The database and the journal file disagree: {journal.difference}.{' '}
        {journal.journalAhead && (
          <button type="button" onClick={() => void useIncidentStore.getState().askRebuild(loaded.state.id)}>
            Rebuild this incident from its journal
          </button>
        )}
      </p>
      <RebuildConfirm />
    </>
  );
}

/**
 * How long it has been open, or lasted. Detected before the declaration (a corrected time, an
 * alert's start), the messages count from detection: the page gives both, as the export does.
 */
function incidentClock(incident: IncidentState, now: Stamp): string {
  const resolved = incident.status === 'resolved';
  const declared = formatDuration(incidentElapsed(incident, now));
  if (incidentStart(incident) >= incident.declaredAt.at) return `${resolved ? 'Lasted' : 'Open for'} ${declared}`;
  const detected = formatDuration(impactElapsed(incident, now.at));
  return resolved ? `Lasted ${declared} from the declaration, ${detected} from detection` : `Open for ${declared} since the declaration, ${detected} since detection`;
}
