// A severity level's escalation chain, live: who is notified first, who comes next and when, and
// the attempts made so far. Pure: the screen passes the time, the incident's rules what it runs on.
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
  /**
   * `now`: the step to call; `next`: the one after it, with its time; `later`: further on;
   * `reached`: someone of it answered; `stopped`: the chain ended before it, so it has no time.
   */
  state: 'reached' | 'now' | 'next' | 'later' | 'stopped';
  attempts: ContactAttempt[];
}

/** What a chain runs on, as the incident's rules give it (`chainRun` in shared/incident/incident-state.ts). */
export interface ChainRun {
  /** When the incident got its current severity: the chain starts there. */
  since: number;
  /** The calls made since then. */
  attempts: readonly ContactAttempt[];
  /** Set once the incident is resolved: nobody more is to be called. */
  resolvedAt?: number;
}

export interface Chain {
  steps: ChainStep[];
  /** Why nobody more is to be called, once that is so. */
  ended?: 'reached' | 'resolved';
}

/** Who a step names: a person (id or name, exact) or a role (case-insensitive, the role as written or contained). */
export function contactsFor(notify: string, contacts: readonly Contact[]): Contact[] {
  const wanted = notify.trim().toLowerCase();
  const people = contacts.filter((contact) => contact.id.toLowerCase() === wanted || contact.name.toLowerCase() === wanted);
  if (people.length) return people;
  return contacts.filter((contact) => contact.role.toLowerCase() === wanted || contact.role.toLowerCase().startsWith(`${wanted} (`) || contact.role.toLowerCase().includes(wanted));
}

/**
 * The chain of a severity level for an incident, at `now`. It ends when someone of it is reached or
 * the incident is resolved: then no step is due any more. Until then the step due last is `now`,
 * except that a step whose every person was tried without an answer (or who has nobody in the
 * roster) hands `now` to the step after it at once: nobody waits for a timer to call the next person.
 */
export function escalationChain(level: SeverityLevel, contacts: readonly Contact[], run: ChainRun, now: number): Chain {
  let dueAt = run.since;
  const steps: ChainStep[] = (level.escalation ?? []).map((step, index) => {
    const people = contactsFor(step.notify, contacts);
    const ids = new Set(people.map((person) => person.id));
    const tried = run.attempts.filter((attempt) => ids.has(attempt.contactId));
    const chainStep: ChainStep = { index, notify: step.notify, contacts: people, dueAt, state: 'later', attempts: tried };
    dueAt += parseDuration(step.wait) ?? 0;
    return chainStep;
  });
  const reached = (step: ChainStep) => step.attempts.some((attempt) => attempt.outcome === 'reached');
  const ended = steps.some(reached) ? 'reached' : run.resolvedAt !== undefined ? 'resolved' : undefined;
  if (ended) {
    for (const step of steps) step.state = reached(step) ? 'reached' : 'stopped';
    return { steps, ended };
  }
  const triedEveryone = (step: ChainStep) => step.contacts.every((contact) => step.attempts.some((attempt) => attempt.contactId === contact.id));
  let current = steps.reduce((last, step, index) => (step.dueAt <= now ? index : last), 0);
  while (current < steps.length - 1 && triedEveryone(steps[current])) current++;
  steps.forEach((step, index) => {
    step.state = index === current ? 'now' : index === current + 1 ? 'next' : 'later';
  });
  return { steps };
}

/** The next person to call: of the step due now, the first not yet tried; else the first of the next step; nobody once the chain ended. */
export function nextToCall(chain: Chain): Contact | undefined {
  if (chain.ended) return undefined;
  const now = chain.steps.find((step) => step.state === 'now');
  const untried = now?.contacts.find((contact) => !now.attempts.some((attempt) => attempt.contactId === contact.id));
  return untried ?? chain.steps.find((step) => step.state === 'next')?.contacts[0] ?? now?.contacts[0];
}

/**
 * Who the level's severity table says is paged ("Who is paged") that nobody has called in this
 * incident, in the table's words. The chain stops at the first person reached, as an escalation
 * does; at P0 the table also names the engineering lead and the VP, and "nobody more is due" read
 * as "they need not know".
 */
export function pagedNotCalled(level: SeverityLevel, contacts: readonly Contact[], attempts: readonly ContactAttempt[]): string[] {
  const called = new Set(attempts.map((attempt) => attempt.contactId));
  return level.pages.filter((paged) => {
    const people = contactsFor(paged.replace(/\s*\(.*\)\s*$/, ''), contacts);
    return people.length > 0 && !people.some((person) => called.has(person.id));
  });
}
