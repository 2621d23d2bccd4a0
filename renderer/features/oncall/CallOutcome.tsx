import { escalationChain } from '../../../shared/oncall/escalation-chain';
import { chainRun } from '../../../shared/incident/incident-state';
import type { AttemptOutcome } from '../../../shared/incident/incident-events';
import type { RosterEntry } from '../../../shared/oncall/contact-overrides';
import { openCurrentIncident, useIncidentStore } from '../incident';
import { useLibraryStore } from '../library';
import { ATTEMPT_WORDS, useOnCallStore } from './oncall-store';
import { focusReached } from './chain-focus';

/**
 * How a call to the person selected went, for someone outside the incident's escalation chain
 * (whose people have these buttons in the chain, which this line points to): the database owner
 * a responder phones directly. Recorded in the current incident's timeline like a call of the
 * chain; it does not move the chain on.
 */
export function CallOutcome({ person, roster, now }: { person?: RosterEntry; roster: RosterEntry[]; now: number }) {
  const incident = useIncidentStore(openCurrentIncident);
  const level = useLibraryStore((state) => state.severity.find((candidate) => candidate.id === incident?.severity));
  if (!person || !incident) return null;
  const chain = level?.escalation ? escalationChain(level, roster, chainRun(incident), now) : undefined;
  // The line stays, so the roster under it does not jump as the arrows go through the people.
  const tried = incident.attempts.filter((attempt) => attempt.contactId === person.id);
  if (chain?.steps.some((step) => step.contacts.some((contact) => contact.id === person.id))) {
    // Once a call is recorded, the line says so: "record how the call went" after Reached read as if it had not been.
    const last = tried.at(-1);
    if (last) return <p className="call-outcome muted">{`${person.name} is in the escalation chain above: ${ATTEMPT_WORDS[last.outcome]}, recorded there.`}</p>;
    // One Tab from the filter, then Enter, to their buttons in the chain (six Shift+Tabs up, before).
    return (
      <p className="call-outcome muted">
        {person.name} is in the escalation chain above:{' '}
        <button type="button" className="link-button" onClick={() => focusReached(person.id)}>
          record how the call went there
        </button>
      </p>
    );
  }
  const attempt = (outcome: AttemptOutcome) => void useOnCallStore.getState().attempt(person, outcome);
  return (
    <div className="call-outcome" role="group" aria-label={`How the call to ${person.name} went`}>
      <span>
        Called <strong>{person.name}</strong>?
        {tried.length > 0 && <span className="muted"> · {tried.map((item) => ATTEMPT_WORDS[item.outcome]).join(', ')}</span>}
      </span>
      <button type="button" onClick={() => attempt('reached')}>
        Reached
      </button>
      <button type="button" onClick={() => attempt('no-answer')}>
        No answer
      </button>
      <button type="button" onClick={() => attempt('left-message')}>
        Left a message
      </button>
    </div>
  );
}
