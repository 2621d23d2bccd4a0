import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../../shared/incident/incident-events';
import { mergeReceived } from '../../../../shared/incident/record-merge';
import { readBundle, writeBundle } from '../../../../shared/sharing/incident-bundle';
import { T0, TestRecord } from '../../../support/incident-record';

// What another machine sends is taken in only where this machine has nothing under that writer and
// number: a record only grows, and this machine's own events come only from itself.

const theirs = () =>
  new TestRecord('inc-shared', { id: 'writer-bo', name: 'Bo' })
    .add({ type: 'incident-declared', title: 'Checkout down', severity: 'SEV2' })
    .add({ type: 'incident-note', noteId: 'n1', text: 'payments failing', followUp: false }).events;

describe('taking in another machine’s events', () => {
  it('adds each new event once, however often it arrives, and counts what it already held', () => {
    const [declared, note] = theirs();
    const first = mergeReceived([], [note, declared, note], 'writer-ana');
    expect(first.added).toEqual([note, declared]);
    expect(first.alreadyHeld).toBe(1);
    expect(mergeReceived(first.added, [declared, note], 'writer-ana')).toEqual({ added: [], alreadyHeld: 2, refused: [] });
  });

  it('keeps the event it holds when a different one arrives under the same writer and number, and says so', () => {
    const [declared, note] = theirs();
    const forged = { ...note, text: 'all fine, go back to bed' } as IncidentEvent;
    const merge = mergeReceived([declared, note], [forged], 'writer-ana');
    expect(merge.added).toEqual([]);
    expect(merge.refused).toEqual([{ writer: 'writer-bo', seq: 2, reason: expect.stringContaining('differs from the one this machine holds, which is kept') }]);
  });

  it('refuses events claiming to be this machine’s own that it does not hold', () => {
    const merge = mergeReceived([], theirs(), 'writer-bo');
    expect(merge.added).toEqual([]);
    expect(merge.refused.map((refusal) => refusal.reason)).toEqual([expect.stringContaining('only this machine writes'), expect.stringContaining('only this machine writes')]);
  });
});

describe('events recorded before incidents were shared', () => {
  it('are the same events when a bundle brings them back with the clock replay gave them', () => {
    const legacy = theirs().map((event) => {
      const old: Partial<IncidentEvent> = { ...event, writer: 'writer-ana' };
      delete old.hlc;
      return old as IncidentEvent;
    });
    const read = readBundle(writeBundle(legacy, { exportedAt: T0 })).events;
    expect(mergeReceived(legacy, read, 'writer-ana')).toEqual({ added: [], alreadyHeld: 2, refused: [] });
  });
});
