// A severity level's escalation chain, live: who is notified first, who comes next and when, and
// the attempts made so far. Pure: the screen passes the time.
import { parseDuration } from '../duration-text';
import type { Contact, SeverityLevel } from '../model';

export interface ContactAttempt {
  contactId: string;
  outcome: 'reached' | 'no-answer' | 'left-message';
  at: number;
}

export interface ChainStep {
  index: number;
  notify: string;
  /** The roster's people this step means: by id, by name, or everyone whose role is the one named. */
  contacts: Contact[];
  /** When this step is due (wall clock, ms). */
  dueAt: number;
  state: 'reached' | 'now' | 'next' | 'later';
  attempts: ContactAttempt[];
}

/** Who a step names: a person (id or name, exact) or a role (case-insensitive, the role as written or contained). */
export function contactsFor(notify: string, contacts: readonly Contact[]): Contact[] {
  const wanted = notify.trim().toLowerCase();
  const people = contacts.filter((contact) => contact.id.toLowerCase() === wanted || contact.name.toLowerCase() === wanted);
  if (people.length) return people;
  return contacts.filter((contact) => contact.role.toLowerCase() === wanted || contact.role.toLowerCase().startsWith(`${wanted} (`) || contact.role.toLowerCase().includes(wanted));
}

/**
 * The chain from `startedAt` (when the incident got this severity). A step reached (someone of it
 * answered) ends the chain; until then the step due last is `now` and the one after it is `next`.
 */
export function escalationChain(level: SeverityLevel, contacts: readonly Contact[], startedAt: number, now: number, attempts: readonly ContactAttempt[]): ChainStep[] {
  let dueAt = startedAt;
  let reached = false;
  const steps: ChainStep[] = (level.escalation ?? []).map((step, index) => {
    const people = contactsFor(step.notify, contacts);
    const ids = new Set(people.map((person) => person.id));
    const tried = attempts.filter((attempt) => ids.has(attempt.contactId));
    const chainStep: ChainStep = { index, notify: step.notify, contacts: people, dueAt, state: 'later', attempts: tried };
    if (tried.some((attempt) => attempt.outcome === 'reached')) reached = true;
    dueAt += parseDuration(step.wait) ?? 0;
    return chainStep;
  });
  if (reached) {
    for (const step of steps) step.state = step.attempts.some((attempt) => attempt.outcome === 'reached') ? 'reached' : 'later';
    return steps;
  }
  const current = steps.reduce((last, step, index) => (step.dueAt <= now ? index : last), 0);
  steps.forEach((step, index) => {
    step.state = index === current ? 'now' : index === current + 1 ? 'next' : 'later';
  });
  return steps;
}

/** The next person to call: of the step due now, the first not yet tried; else the first of the next step. */
export function nextToCall(chain: readonly ChainStep[]): Contact | undefined {
  const now = chain.find((step) => step.state === 'now');
  const untried = now?.contacts.find((contact) => !now.attempts.some((attempt) => attempt.contactId === contact.id));
  return untried ?? chain.find((step) => step.state === 'next')?.contacts[0] ?? now?.contacts[0];
}
