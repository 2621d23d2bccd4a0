import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { escalationChain, nextToCall, pagedNotCalled, type Chain, type ChainStep } from '../../../shared/oncall/escalation-chain';
import type { Contact, SeverityLevel } from '../../../shared/model';
import { rosterAge } from '../../../shared/oncall/roster-age';
import { keptSentence } from '../../../shared/sync/kept-parts';
import type { RosterEntry } from '../../../shared/oncall/contact-overrides';
import { formatDuration } from '../../../shared/incident/time-format';
import { chainRun, type IncidentState } from '../../../shared/incident/incident-state';
import type { AttemptOutcome } from '../../../shared/incident/incident-events';
import { useIncidentStore, useNow } from '../incident';
import { useLibraryStore } from '../library';
import { ATTEMPT_WORDS, useOnCallStore } from './oncall-store';
import { ContactOverrides } from './ContactOverrides';
import { CallOutcome } from './CallOutcome';
import { useRoster } from './use-roster';
import { focusReached } from './chain-focus';

/** Who to call: the roster, filtered as you type, the current incident's escalation chain, local changes. */
export function OnCallScreen() {
  const roster = useRoster();
  const meta = useLibraryStore((state) => state.meta);
  const libraryHasRoster = useLibraryStore((state) => state.contacts.length > 0);
  const keptRoster = meta?.kept?.contacts;
  const selectedId = useOnCallStore((state) => state.selectedId);
  const filter = useOnCallStore((state) => state.filter);
  const copied = useOnCallStore((state) => state.copied);
  const copy = useOnCallStore((state) => state.copy);
  const now = useNow();
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = roster.filter((entry) => {
    const text = [entry.name, entry.role, entry.phone, entry.email, entry.chat, entry.timeZone].join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const selected = shown.find((entry) => entry.id === selectedId) ?? shown[0];
  // A kept roster is as old as the library it came from; no roster has no age to give.
  const age = meta && libraryHasRoster ? rosterAge(keptRoster?.from ?? meta.source, now.at) : undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const index = Math.max(0, shown.indexOf(selected!));
      const next = shown[(index + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length];
      useOnCallStore.getState().select(next?.id);
    } else if (event.key === 'Enter' && selected) {
      event.preventDefault();
      if (event.shiftKey) void copy(`${selected.name}’s email`, selected.email);
      else void copy(`${selected.name}’s phone`, selected.phone);
    } else if (event.key === 'Escape' && !event.currentTarget.value) {
      // The filter has the focus as the page opens; Esc on it empty leaves it, and the app's keys
      // (L, the severity levels) act again. With text in it, Esc clears it first.
      event.currentTarget.blur();
    }
  };
  // The row chosen by the arrows is kept in view; not the one chosen as the page opens, nor the
  // filter, focused then without scrolling: at 900x700 the page opened scrolled down to them, its
  // title and the roster's "check before you trust it" under the incident bar.
  const opened = useRef(true);
  useEffect(() => {
    if (opened.current) {
      opened.current = false;
      return;
    }
    document.getElementById(`contact-${selected?.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected?.id]);
  const filterField = useRef<HTMLInputElement>(null);
  useEffect(() => filterField.current?.focus({ preventScroll: true }), []);
  // "Call the next person" from the palette (their number is copied by then): the focus goes on how
  // the call went. It had only highlighted a row already highlighted, and nothing seemed to happen.
  const calling = useOnCallStore((state) => state.calling);
  // What was copied is said on this visit of the page, not on the next.
  useEffect(() => () => useOnCallStore.setState({ copied: undefined }), []);
  useEffect(() => {
    if (!calling) return;
    useOnCallStore.getState().called();
    focusReached(calling);
  }, [calling]);

  return (
    <section className="oncall" aria-labelledby="oncall-title">
      <div className="library-toolbar">
        <h1 id="oncall-title">On-call</h1>
        {age && (
          <span className={`roster-age age-${age.level}`} data-testid="roster-age" title={age.level === 'fresh' ? undefined : 'Check a number before you trust it: the roster may have changed since.'}>
            Roster {age.text}
            {age.level !== 'fresh' && ': check before you trust it'}
          </span>
        )}
      </div>
      {keptRoster && (
        <p className="muted" data-testid="roster-kept">
          {keptSentence('contacts', keptRoster)}
        </p>
      )}
      <EscalationChain roster={roster} now={now.at} />
      {roster.length === 0 && (
        <p className="empty" data-testid="no-roster">
          There is no roster: the library lists nobody on call. Add people to <code>oncall.yml</code> in the team’s repository (a <code>people:</code> list with name, role and
          phone) and sync, or add a person on this machine with “Add or change a person…” below.
        </p>
      )}
      {roster.length > 0 && (
        <div className="oncall-filter">
          <input
            ref={filterField}
            type="search"
            aria-label="Filter people"
            placeholder="Filter by name, role, time zone…"
            value={filter}
            onChange={(event) => useOnCallStore.getState().setFilter(event.target.value)}
            onKeyDown={onKeyDown}
            aria-controls="roster"
          />
          <span className="keys-help">
            <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> copy the phone · <kbd>Shift Enter</kbd> copy the email · <kbd>Esc</kbd> leave the filter
          </span>
        </div>
      )}
      <p className="run-notice" role="status">
        {copied}
      </p>
      {/* Its place is kept while nobody is chosen: the roster below does not jump down as the first copy is made. */}
      <div className="call-outcome-place">
        <CallOutcome person={selected} roster={roster} now={now.at} />
      </div>
      <table className="roster" id="roster" hidden={roster.length === 0}>
        <thead>
          <tr>
            <th>Name and role</th>
            <th>Phone</th>
            <th>Email</th>
            <th>Chat</th>
            <th>Their time</th>
            <th title="The roster’s escalation tier (oncall.yml). Who is called, in what order, at each severity is the chain above.">Tier</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((entry) => (
            <tr key={entry.id} id={`contact-${entry.id}`} className={entry === selected ? 'selected' : undefined} aria-selected={entry === selected} onClick={() => useOnCallStore.getState().select(entry.id)}>
              <td>
                {entry.name}
                {entry.local && (
                  <span className="badge local" title={`${entry.local.reason}${entry.local.until ? `, until ${entry.local.until}` : ''}`}>
                    local
                  </span>
                )}
                {/* The role under the name, not a column of its own: seven columns left no room at 900 px but to break words. */}
                <div className="roster-role">{entry.role}</div>
                {entry.local && <div className="muted local-reason">{entry.local.reason}{entry.local.until ? ` (until ${entry.local.until})` : ''}</div>}
              </td>
              <td>
                {entry.phone && (
                  <>
                    <ExternalLink href={`tel:${entry.phone.replace(/[^\d+]/g, '')}`}>{entry.phone}</ExternalLink>{' '}
                    <button type="button" className="copy-button" onClick={() => void copy(`${entry.name}’s phone`, entry.phone)} aria-label={`Copy ${entry.name}’s phone`}>
                      Copy
                    </button>
                  </>
                )}
              </td>
              <td>
                {entry.email && (
                  <>
                    <ExternalLink href={`mailto:${entry.email}`}>
                      <EmailWords email={entry.email} />
                    </ExternalLink>{' '}
                    <button type="button" className="copy-button" onClick={() => void copy(`${entry.name}’s email`, entry.email)} aria-label={`Copy ${entry.name}’s email`}>
                      Copy
                    </button>
                  </>
                )}
              </td>
              <td>{entry.chat}</td>
              <td>
                <LocalTime timeZone={entry.timeZone} now={now.at} />
              </td>
              <td>{entry.escalationOrder}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && roster.length > 0 && <p className="empty">Nobody matches “{filter}”.</p>}
      <ContactOverrides />
    </section>
  );
}

function LocalTime({ timeZone, now }: { timeZone?: string; now: number }) {
  const time = useMemo(() => {
    if (!timeZone) return '';
    try {
      return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(now);
    } catch {
      return undefined;
    }
  }, [timeZone, now]);
  if (!timeZone) return null;
  // A narrow table wraps between the time and its zone, never inside a word of either.
  return time === undefined ? (
    <span className="nowrap">{timeZone} (unknown zone)</span>
  ) : (
    <>
      <span className="nowrap">{time}</span> <span className="nowrap">({timeZone})</span>
    </>
  );
}

/** An address that may wrap before its `@` (a narrow table), never in the middle of a name. */
function EmailWords({ email }: { email: string }) {
  const at = email.indexOf('@');
  if (at <= 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

const STATE_WORDS: Record<ChainStep['state'], string> = { reached: 'reached', now: 'now', next: 'next', later: '', stopped: '' };
// Two things, said apart: the chain escalates until someone answers, while the severity table says
// whom the level pages at all. "No further escalation is due", then "P1 also pages …", read as a
// contradiction in a walk ("should I call them or not?").
const ENDED_WORDS = { reached: 'someone was reached, so nobody more needs calling to get an answer', resolved: 'the incident is resolved' };

/** A step's time: reached, due now, in how long; nothing once the chain has ended. */
function stepWhen(step: ChainStep, now: number): string {
  if (step.state === 'reached' || step.state === 'stopped') return STATE_WORDS[step.state];
  if (step.state === 'later' && step.dueAt <= now) return step.attempts.length ? 'tried' : '';
  if (step.dueAt <= now || step.state === 'now') return STATE_WORDS[step.state] || 'due';
  return `in ${formatDuration(step.dueAt - now)}`;
}

/** The current incident's escalation chain: who first, who next and in how long, and each call's outcome. */
function EscalationChain({ roster, now }: { roster: RosterEntry[]; now: number }) {
  const incident = useIncidentStore((state) => (state.currentId ? state.loaded[state.currentId]?.state : undefined));
  const level = useLibraryStore((state) => state.severity.find((candidate) => candidate.id === incident?.severity));
  if (!incident) return null;
  if (!level?.escalation) return <p className="muted">The incident’s severity ({incident.severity}) has no escalation chain in this library.</p>;
  const chain = escalationChain(level, roster, chainRun(incident), now);
  const next = nextToCall(chain);
  return <ChainSteps level={level} incident={incident} roster={roster} chain={chain} next={next} now={now} />;
}

/** The chain's steps and their people; the roster highlights whoever is to be called next, so Enter copies that number. */
function ChainSteps({ level, incident, roster, chain, next, now }: { level: SeverityLevel; incident: IncidentState; roster: readonly Contact[]; chain: Chain; next?: Contact; now: number }) {
  const nextId = next?.id;
  useEffect(() => {
    if (nextId) useOnCallStore.getState().select(nextId);
  }, [nextId]);
  // A call recorded by a button here moves the focus on: to the next person's Reached, or to the
  // chain once it has ended. Left on the button, a second Enter recorded the same call twice.
  const section = useRef<HTMLElement>(null);
  const recorded = useRef(0);
  const [moved, setMoved] = useState(0);
  const attempt = (contact: RosterEntry, outcome: AttemptOutcome) =>
    void useOnCallStore
      .getState()
      .attempt(contact, outcome)
      .then((ok) => ok && setMoved((count) => count + 1));
  useEffect(() => {
    if (moved === recorded.current) return;
    recorded.current = moved;
    if (nextId && !chain.ended) focusReached(nextId);
    else section.current?.focus();
  }, [moved, nextId, chain.ended]);
  const notCalled = chain.ended === 'reached' ? pagedNotCalled(level, roster, chainRun(incident).attempts) : [];
  return (
    <section className="chain" aria-labelledby="chain-heading" ref={section} tabIndex={-1}>
      <h2 id="chain-heading">
        Escalation for {level.id} {level.name}: {incident.title}
      </h2>
      {chain.ended && (
        <p className="muted" data-testid="chain-ended">
          Escalation has stopped: {ENDED_WORDS[chain.ended]}.
          {notCalled.length > 0 && ` The severity table says ${level.id} pages ${notCalled.join(', ')} too: nobody has called them in this incident.`}
        </p>
      )}
      <ol>
        {chain.steps.map((step) => (
          <li key={step.index} className={`chain-${step.state}`}>
            <span className="chain-when">{stepWhen(step, now)}</span>
            <span className="chain-who">
              {step.notify}
              {step.contacts.length === 0 && <span className="muted"> (nobody in the roster)</span>}
            </span>
            <ul>
              {step.contacts.map((contact) => {
                const tried = step.attempts.filter((item) => item.contactId === contact.id);
                return (
                  <li key={contact.id} className={contact.id === next?.id ? 'chain-next-person' : undefined}>
                    <strong>{contact.name}</strong> {contact.phone}
                    {tried.length > 0 && <span className="muted"> · {tried.map((item) => ATTEMPT_WORDS[item.outcome]).join(', ')}</span>}{' '}
                    <button type="button" data-reached={contact.id} onClick={() => attempt(contact as RosterEntry, 'reached')}>
                      Reached
                    </button>
                    <button type="button" onClick={() => attempt(contact as RosterEntry, 'no-answer')}>
                      No answer
                    </button>
                    <button type="button" onClick={() => attempt(contact as RosterEntry, 'left-message')}>
                      Left a message
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** tel: and mailto: open in the system's phone or mail app: the desktop host opens new windows only outside, through the URL rules. */
function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
