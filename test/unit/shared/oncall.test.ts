import { describe, expect, it } from 'vitest';
import { loadLibraryFolder } from '../../../electron/library-loader';
import { parseLibrary } from '../../../shared/library/library-parser';
import type { Contact } from '../../../shared/model';
import { applyOverrides, overrideProblem, type ContactOverride } from '../../../shared/oncall/contact-overrides';
import { contactsFor, escalationChain, nextToCall, pagedNotCalled } from '../../../shared/oncall/escalation-chain';
import { rosterAge } from '../../../shared/oncall/roster-age';

const source = { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' } as const;
const library = parseLibrary(
  [
    {
      path: 'oncall.yml',
      text: `people:
  - { name: Ada Quill, role: Primary on-call (platform), phone: "+1 555 0100", escalation: 1 }
  - { name: Bram Okafor, role: Secondary on-call (platform), phone: "+1 555 0101", escalation: 2 }
  - { name: Chen Ilves, role: Database lead, email: chen@example.invalid, escalation: 3 }`,
    },
    {
      path: 'severity.yml',
      text: `levels:
  - id: P1
    response_time: 1 hour
    update_every: 1 hour
    escalation:
      - { notify: Primary on-call, wait: 10 minutes }
      - { notify: Secondary on-call, wait: 15 minutes }
      - notify: Chen Ilves
  - { id: P3, response_time: Next business day }`,
    },
  ],
  source,
);
const [p1, p3] = library.severity;
const T = Date.UTC(2026, 10, 23, 2, 0);

describe('the escalation chain', () => {
  it('is read from severity.yml, and absent where a level gives none', () => {
    expect(p1.escalation).toEqual([{ notify: 'Primary on-call', wait: '10 minutes' }, { notify: 'Secondary on-call', wait: '15 minutes' }, { notify: 'Chen Ilves', wait: undefined }]);
    expect(p3.escalation).toBeUndefined();
  });

  it('finds a role by its start or a person by name or id', () => {
    expect(contactsFor('primary on-call', library.contacts).map((contact) => contact.name)).toEqual(['Ada Quill']);
    expect(contactsFor('chen-ilves', library.contacts).map((contact) => contact.name)).toEqual(['Chen Ilves']);
    expect(contactsFor('on-call', library.contacts)).toHaveLength(2);
    expect(contactsFor('CTO', library.contacts)).toEqual([]);
  });

  it('moves along with time: who is first, who is next and when', () => {
    const at = (minutes: number) => escalationChain(p1, library.contacts, { since: T, attempts: [] }, T + minutes * 60_000).steps;
    expect(at(0).map((step) => [step.notify, step.state, (step.dueAt - T) / 60_000])).toEqual([
      ['Primary on-call', 'now', 0],
      ['Secondary on-call', 'next', 10],
      ['Chen Ilves', 'later', 25],
    ]);
    expect(at(12).map((step) => step.state)).toEqual(['later', 'now', 'next']);
    expect(at(30).map((step) => step.state)).toEqual(['later', 'later', 'now']);
    expect(nextToCall({ steps: at(0) })?.name).toBe('Ada Quill');
  });

  it('“no answer” from the person due now makes the next person now, without waiting for the timer', () => {
    const tried = escalationChain(p1, library.contacts, { since: T, attempts: [{ contactId: 'ada-quill', outcome: 'no-answer', at: T + 30_000 }] }, T + 60_000);
    expect(tried.steps.map((step) => step.state)).toEqual(['later', 'now', 'next']);
    expect(nextToCall(tried)?.name).toBe('Bram Okafor');
    const everyone = escalationChain(p1, library.contacts, { since: T, attempts: ['ada-quill', 'bram-okafor', 'chen-ilves'].map((contactId) => ({ contactId, outcome: 'no-answer' as const, at: T + 60_000 })) }, T + 120_000);
    expect(everyone.steps.map((step) => step.state)).toEqual(['later', 'later', 'now']);
  });

  it('“reached” ends the chain: nobody more is due and no step keeps a time', () => {
    const reached = escalationChain(p1, library.contacts, { since: T, attempts: [{ contactId: 'bram-okafor', outcome: 'reached', at: T + 11 * 60_000 }] }, T + 12 * 60_000);
    expect(reached.ended).toBe('reached');
    expect(reached.steps.map((step) => step.state)).toEqual(['stopped', 'reached', 'stopped']);
    expect(nextToCall(reached)).toBeUndefined();
  });

  it('names who the level pages that nobody called, in the severity table’s words, once someone is reached', () => {
    const level = { ...p1, pages: ['Primary on-call (working hours)', 'Secondary on-call', 'Database lead', 'CTO'] };
    const attempts = [{ contactId: 'ada-quill', outcome: 'no-answer' as const, at: T }, { contactId: 'bram-okafor', outcome: 'reached' as const, at: T + 60_000 }];
    // Ada was tried, Bram reached; nobody in the roster is the CTO.
    expect(pagedNotCalled(level, library.contacts, attempts)).toEqual(['Database lead']);
    expect(pagedNotCalled(level, library.contacts, [...attempts, { contactId: 'chen-ilves', outcome: 'left-message', at: T }])).toEqual([]);
  });

  it('a resolved incident’s chain has ended: nobody is called any more', () => {
    const resolved = escalationChain(p1, library.contacts, { since: T, attempts: [], resolvedAt: T + 5 * 60_000 }, T + 6 * 60_000);
    expect(resolved.ended).toBe('resolved');
    expect(resolved.steps.every((step) => step.state === 'stopped')).toBe(true);
    expect(nextToCall(resolved)).toBeUndefined();
  });
});

describe('the roster’s age', () => {
  it('says how old a synced roster is, amber after 14 days and red after 30', () => {
    const synced = { kind: 'git', commit: 'a'.repeat(40), committedAt: '2026-11-01T10:00:00Z', syncedAt: '2026-11-29T00:00:00Z' } as const;
    expect(rosterAge(synced, Date.UTC(2026, 10, 12))).toEqual({ days: 10, level: 'fresh', text: 'from the library of 1 Nov 2026, 10 days old' });
    expect(rosterAge(synced, Date.UTC(2026, 10, 20)).level).toBe('amber');
    expect(rosterAge(synced, Date.UTC(2026, 11, 5)).level).toBe('red');
    expect(rosterAge({ ...synced, committedAt: '2026-11-28T10:00:00Z' }, Date.UTC(2026, 10, 28, 12)).text).toBe('from the library of 28 Nov 2026, today');
  });

  it('never calls a roster bundled with the app fresh, even on the day it was built', () => {
    expect(rosterAge(source, Date.UTC(2026, 10, 1, 12))).toEqual({ days: 0, level: 'amber', text: 'bundled with the app (built 1 Nov 2026), not synced from the team’s repository' });
    expect(rosterAge(source, Date.UTC(2026, 11, 5)).level).toBe('red');
  });
});

describe('local overrides', () => {
  const ada = library.contacts[0];
  const override = (fields: Partial<ContactOverride>): ContactOverride => ({ id: 'o1', kind: 'change', contact: { ...ada, phone: '+1 555 0199' }, reason: 'new phone', createdAt: '2026-11-20T00:00:00Z', ...fields });
  const newcomer: Contact = { id: 'local-gus', name: 'Gus Ferreira', role: 'Primary on-call (this week)', phone: '+1 555 0200', escalationOrder: 1 };

  it('changes a contact, adds one, marks both local, and sorts by escalation order', () => {
    const roster = applyOverrides(library.contacts, [override({}), override({ id: 'o2', kind: 'add', contact: newcomer, reason: 'covering for Ada' })], '2026-11-23');
    expect(roster.map((entry) => [entry.name, entry.phone, entry.local?.kind])).toEqual([
      ['Ada Quill', '+1 555 0199', 'change'],
      ['Gus Ferreira', '+1 555 0200', 'add'],
      ['Bram Okafor', '+1 555 0101', undefined],
      ['Chen Ilves', undefined, undefined],
    ]);
  });

  it('survives the import of a new library, and stops showing once it has ended', () => {
    const newLibrary = parseLibrary([{ path: 'oncall.yml', text: 'people:\n  - { name: Ada Quill, role: Primary on-call, phone: "+1 555 0300" }' }], source).contacts;
    expect(applyOverrides(newLibrary, [override({ until: '2026-11-30' })], '2026-11-23')[0]).toMatchObject({ phone: '+1 555 0199', local: { reason: 'new phone' } });
    const ended = applyOverrides(newLibrary, [override({ until: '2026-11-22' })], '2026-11-23')[0];
    expect([ended.phone, ended.local]).toEqual(['+1 555 0300', undefined]);
    // The person left the library: the responder's entry still shows.
    expect(applyOverrides([], [override({})], '2026-11-23').map((entry) => entry.name)).toEqual(['Ada Quill']);
  });

  it('refuses an override without a name, a way to reach them, a reason, or with an end in the past', () => {
    const base = { contact: newcomer, reason: 'covering', until: undefined };
    expect(overrideProblem(base, '2026-11-23')).toBeUndefined();
    expect(overrideProblem({ ...base, contact: { ...newcomer, name: ' ' } }, '2026-11-23')).toMatch(/name/);
    expect(overrideProblem({ ...base, contact: { ...newcomer, phone: undefined } }, '2026-11-23')).toMatch(/one way to reach them/);
    expect(overrideProblem({ ...base, reason: '' }, '2026-11-23')).toMatch(/Say why/);
    expect(overrideProblem({ ...base, until: '2026-11-22' }, '2026-11-23')).toMatch(/in the past/);
    expect(overrideProblem({ ...base, until: 'next week' }, '2026-11-23')).toMatch(/is a date/);
  });
});

describe('the bundled levels and roster', () => {
  it('page at P0 exactly who its escalation chain calls, and everyone the chains call is on the roster', async () => {
    const bundled = await loadLibraryFolder('runbooks', source);
    const p0 = bundled.severity.find((level) => level.id === 'P0');
    expect(p0?.pages).toEqual(p0?.escalation?.map((step) => step.notify));
    for (const level of bundled.severity) for (const step of level.escalation ?? []) expect(contactsFor(step.notify, bundled.contacts), `${level.id}: ${step.notify}`).not.toEqual([]);
  });
});
