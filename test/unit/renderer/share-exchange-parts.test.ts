import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WRITER_ID } from '../../../shared/incident/hybrid-clock';
import { INCIDENT_ID } from '../../../shared/incident/journal';
import { checkExchangeReply } from '../../../renderer/features/sharing/exchange-reply';
import { outgoingEvents, placeOf, unsharedIncidents } from '../../../renderer/features/sharing/exchange-plan';
import { ownShareStatus, type OwnShareFacts } from '../../../renderer/features/sharing/share-status';
import { TestRecord } from '../../support/incident-record';
import type { IncidentEvent } from '../../../shared/incident/incident-events';

// The pure parts of an exchange: the desktop side's answer checked, what goes out, and the words
// the Responders panel says about this machine's events.

const AT = '2026-11-23T12:03:41.000Z';

describe('the answer to an exchange', () => {
  it('takes a well-formed answer as it is', () => {
    const reply = {
      ok: true,
      incoming: [{ incidentId: 'inc-1', writer: 'w-dana', events: [{ any: 'thing' }] }],
      shared: [{ incidentId: 'inc-1', writer: 'w-me', lastSeq: 4 }],
      refused: [{ path: 'incidents/inc-1/w-eve.jsonl', line: 2, reason: 'another writer’s event' }],
      offline: { kind: 'offline', message: 'no route to git.example.com' },
      at: AT,
    };
    expect(checkExchangeReply(reply)).toEqual({ ok: true, reply });
    expect(checkExchangeReply({ ok: false, kind: 'authentication', message: 'the token was refused' })).toEqual({ ok: true, reply: { ok: false, kind: 'authentication', message: 'the token was refused' } });
  });

  it('refuses ids that could name a path outside the incident folder', () => {
    const reply = (incidentId: string, writer: string) => ({ ok: true, incoming: [{ incidentId, writer, events: [] }], shared: [], refused: [], at: AT });
    expect(checkExchangeReply(reply('../../etc', 'w-dana')).ok).toBe(false);
    expect(checkExchangeReply(reply('inc-1', 'w-dana/../../x')).ok).toBe(false);
    expect(checkExchangeReply(reply('inc-1', 'w-dana')).ok).toBe(true);
  });

  it('never throws, and whatever it passes has ids of the right form and texts cut short', () => {
    const id = fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/), fc.string({ maxLength: 12 }));
    const group = fc.record({ incidentId: id, writer: id, events: fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), fc.anything()) }, { requiredKeys: [] });
    const place = fc.record({ incidentId: id, writer: id, lastSeq: fc.oneof(fc.integer(), fc.double(), fc.string()) }, { requiredKeys: [] });
    const refusal = fc.record({ path: fc.string({ maxLength: 2000 }), line: fc.anything(), reason: fc.string({ maxLength: 2000 }) }, { requiredKeys: [] });
    const reply = fc.record(
      { ok: fc.oneof(fc.constant(true), fc.constant(false), fc.anything()), incoming: fc.array(group, { maxLength: 3 }), shared: fc.array(place, { maxLength: 3 }), refused: fc.array(refusal, { maxLength: 3 }), at: fc.oneof(fc.constant(AT), fc.string()), message: fc.anything(), offline: fc.anything() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(reply, fc.anything()), (value) => {
        const checked = checkExchangeReply(value);
        if (!checked.ok || !checked.reply.ok) return;
        for (const entry of [...checked.reply.incoming, ...checked.reply.shared]) {
          expect(INCIDENT_ID.test(entry.incidentId) && WRITER_ID.test(entry.writer)).toBe(true);
        }
        for (const entry of checked.reply.incoming) expect(Array.isArray(entry.events)).toBe(true);
        for (const entry of checked.reply.shared) expect(Number.isInteger(entry.lastSeq) && entry.lastSeq >= 0).toBe(true);
        for (const entry of checked.reply.refused) expect(entry.path.length + entry.reason.length).toBeLessThanOrEqual(1000);
      }),
      { numRuns: 500 },
    );
  });
});

describe('what goes out', () => {
  it('only incidents with events past those confirmed shared', () => {
    const own = new Map([
      ['inc-a', 3],
      ['inc-b', 2],
      ['inc-c', 0],
    ]);
    expect(unsharedIncidents(own, { 'inc-a': 3, 'inc-b': 1 })).toEqual(['inc-b']);
    expect(unsharedIncidents(own, {})).toEqual(['inc-a', 'inc-b']);
  });

  it('the whole own list, events recorded before writers existed read as this writer’s, with the clocks the record derives; none with a gap', () => {
    const record = new TestRecord('inc-a', { id: 'w-me' }).add({ type: 'incident-declared', title: 'Checkout down', severity: 'P1' }).add({ type: 'incident-note', noteId: 'n1', text: 'paged', followUp: false });
    const legacyWriter = record.events.map(({ writer: _writer, ...event }) => event as IncidentEvent);
    expect(outgoingEvents(legacyWriter, 'w-me')).toEqual({ ok: true, events: record.events });
    const noClock = record.events.map(({ hlc: _hlc, ...event }) => event as IncidentEvent);
    // Derived from the wall clock in number order, as this machine's own replay derives them.
    expect(outgoingEvents(noClock, 'w-me')).toEqual({ ok: true, events: record.events });
    expect(outgoingEvents([record.events[1]], 'w-me')).toEqual({ ok: false, reason: 'event 1 is missing from this machine’s record' });
  });

  it('counts as shared only to the place it went: another folder, repository or branch starts again', () => {
    const git = { mode: 'git', url: '', branch: 'failsafe-incidents', folder: '' } as const;
    expect(placeOf(git, 'https://git.example.com/runbooks.git')).toBe(placeOf({ ...git, url: 'https://git.example.com/runbooks.git' }, ''));
    expect(placeOf(git, 'https://a')).not.toBe(placeOf({ ...git, branch: 'other' }, 'https://a'));
    expect(placeOf({ ...git, mode: 'folder', folder: '/a' }, '')).not.toBe(placeOf({ ...git, mode: 'folder', folder: '/b' }, ''));
  });
});

describe('what the Responders panel says of your events', () => {
  const on: OwnShareFacts = { sharing: { kind: 'on' }, own: 12, unshared: 0 };
  it('in a responder’s words', () => {
    expect(ownShareStatus({ ...on, unshared: 3 })).toBe('3 events not shared yet');
    expect(ownShareStatus({ ...on, unshared: 1 })).toBe('1 event not shared yet');
    expect(ownShareStatus({ ...on, lastExchangeAt: AT })).toBe('All shared, 12:03 UTC');
    expect(ownShareStatus({ ...on, unshared: 2, offline: 'no route to git.example.com' })).toBe('2 events not shared yet. Offline: no route to git.example.com. Your events wait and go out when a path returns.');
    expect(ownShareStatus({ ...on, sharing: { kind: 'off' }, unshared: 12 })).toBe('Not shared (Settings › Incident sharing)');
    expect(ownShareStatus({ ...on, sharing: { kind: 'unavailable', reason: 'Sharing incidents needs the desktop app.' } })).toBe('Not shared. Sharing incidents needs the desktop app.');
    expect(ownShareStatus({ ...on, own: 0 })).toBe('No events of yours yet');
  });
});
