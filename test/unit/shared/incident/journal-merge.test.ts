import { tickClock } from '../../../../shared/incident/hybrid-clock';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../../shared/incident/incident-events';
import { replay } from '../../../../shared/incident/incident-state';
import { canonicalEvent, journalLine } from '../../../../shared/incident/journal';
import { mergeJournal } from '../../../../shared/incident/journal-merge';
import { TestRecord, testRunbook } from '../../../support/incident-record';
import { pathological } from '../../../support/pathological-inputs';

// Rebuilding from the journal file reads a file anyone could have edited or a crash cut off. The
// database's record is what the responder saw recorded: a rebuild may add to it, never take from it.

function aRecord() {
  return new TestRecord('inc-a')
    .add({ type: 'incident-declared', title: 'Checkout down', severity: 'SEV1' })
    .add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'step-started', runId: 'run-1', step: 0 })
    .wait(5_000)
    .add({ type: 'run-note', runId: 'run-1', step: 0, text: '3 of 5 pods | CrashLoopBackOff' })
    .add({ type: 'step-failed', runId: 'run-1', step: 0, note: 'forbidden' })
    .add({ type: 'step-reopened', runId: 'run-1', step: 0 })
    .add({ type: 'step-done', runId: 'run-1', step: 0 }, { type: 'step-started', runId: 'run-1', step: 1 })
    .add({ type: 'incident-note', noteId: 'n1', text: 'deploy at 02:00', followUp: false })
    .add({ type: 'incident-changed', field: 'status', value: 'identified' });
}

const FULL = aRecord().events;
const OTHER = new TestRecord('inc-b').add({ type: 'incident-declared', title: 'Other', severity: 'SEV3' }).events[0];
const file = (events: readonly IncidentEvent[]) => events.map((event) => `${journalLine(event)}\n`).join('');

describe('rebuilding from the journal', () => {
  it('keeps all 4 events of the database when one journal line is forged and one duplicated, and names the refused line', () => {
    const database = FULL.slice(0, 4);
    const lines = FULL.slice(0, 4).map(journalLine);
    const forged = journalLine({ ...FULL[1], at: FULL[1].at + 1 } as IncidentEvent);
    const merged = mergeJournal('inc-a', database, [lines[0], forged, lines[2], lines[2], lines[3]].join('\n'));
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.merge.events).toEqual(database);
    expect(merged.merge.added).toEqual([]);
    expect(merged.merge.alreadyHeld).toBe(4);
    expect(merged.merge.refused).toEqual([{ line: 2, reason: 'line 2: event 2 differs from the one in this app’s database, which is kept' }]);
  });

  it('adds what the journal has beyond the database, in order, and refuses another incident, a gap and what follows it', () => {
    const lines = [...FULL.slice(0, 7).map(journalLine), journalLine(OTHER), journalLine({ ...FULL[8], seq: 12 } as IncidentEvent), journalLine(FULL[7]).slice(0, 30)];
    const merged = mergeJournal('inc-a', FULL.slice(0, 3), lines.join('\n'));
    expect(merged.ok && merged.merge.added.map((event) => event.seq)).toEqual([4, 5, 6, 7]);
    expect(merged.ok && merged.merge.refused.map((refusal) => refusal.reason)).toEqual([
      'line 8: it belongs to another incident (inc-b)',
      'line 9: event 12 follows a gap (event 8 is missing)',
      'line 10: cut off (the app stopped while writing it)',
    ]);
  });

  it('refuses an event the record cannot take, and every later one, saying why', () => {
    // Stamped as a later event would be, past every clock in the record.
    const doneTwice = { ...FULL[6], seq: 8, hlc: tickClock(FULL.at(-1)!.hlc, 0) } as IncidentEvent;
    const merged = mergeJournal('inc-a', FULL.slice(0, 7), file([...FULL.slice(0, 7), doneTwice, { ...FULL[8], seq: 9, hlc: tickClock(doneTwice.hlc, 0) } as IncidentEvent]));
    expect(merged.ok && merged.merge.added).toEqual([]);
    expect(merged.ok && merged.merge.refused.map((refusal) => refusal.reason)).toEqual([
      'line 8: Event 8 (step-done): step 1 is already done',
      'line 9: event 9 comes after event 8, which was refused',
    ]);
  });

  it('rebuilds an incident the database does not have, and says when a file holds none', () => {
    const merged = mergeJournal('inc-a', [], file(FULL));
    expect(merged.ok && merged.merge.events).toEqual(FULL);
    expect(mergeJournal('inc-a', [], file([OTHER]))).toEqual({ ok: false, reason: 'the journal file holds no readable start of this incident (line 1: it belongs to another incident (inc-b))' });
    expect(mergeJournal('inc-a', [], '')).toEqual({ ok: false, reason: 'the journal file holds no event' });
  });

  it('treats the same event with its fields in another order as the same event', () => {
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(FULL[0]).reverse()));
    const merged = mergeJournal('inc-a', FULL.slice(0, 1), reordered);
    expect(merged.ok && [merged.merge.alreadyHeld, merged.merge.refused.length]).toEqual([1, 0]);
    expect(canonicalEvent(JSON.parse(reordered) as IncidentEvent)).toBe(canonicalEvent(FULL[0]));
  });

  /** A journal derived from the record's lines, damaged in every way the issue names. */
  const damage = fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('forge' as const), at: fc.nat(), text: fc.string() }),
      fc.record({ kind: fc.constant('other incident' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('gap' as const), at: fc.nat(), by: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
      fc.record({ kind: fc.constant('junk' as const), at: fc.nat(), text: fc.oneof(fc.string(), pathological.map((text) => text.slice(0, 2_000))) }),
    ),
    { maxLength: 8 },
  );

  function damaged(lines: string[], changes: { kind: string; at: number; text?: string; by?: number; keep?: number }[]): string[] {
    const out = [...lines];
    for (const change of changes) {
      if (!out.length) break;
      const at = change.at % out.length;
      const event = (() => {
        try {
          return JSON.parse(out[at]) as Record<string, unknown>;
        } catch {
          return undefined;
        }
      })();
      if (change.kind === 'remove') out.splice(at, 1);
      else if (change.kind === 'duplicate') out.splice(at, 0, out[at]);
      else if (change.kind === 'forge' && event) out[at] = JSON.stringify({ ...event, at: Number(event.at) + 1, text: change.text, title: change.text });
      else if (change.kind === 'other incident' && event) out[at] = JSON.stringify({ ...event, incidentId: 'inc-b' });
      else if (change.kind === 'gap' && event) out[at] = JSON.stringify({ ...event, seq: Number(event.seq) + change.by! });
      else if (change.kind === 'truncate') out[at] = out[at].slice(0, change.keep! % Math.max(1, out[at].length));
      else if (change.kind === 'junk') out.splice(at, 0, change.text!.replace(/\n/g, ' '));
    }
    return out;
  }

  it('never loses an event the database had, whatever was done to the journal file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: FULL.length }), damage, (held, changes) => {
        const database = FULL.slice(0, held);
        const merged = mergeJournal('inc-a', database, damaged(FULL.map(journalLine), changes).join('\n'));
        expect(merged.ok).toBe(true);
        if (!merged.ok) return;
        // Every event the database had, unchanged and in its place; what was added follows and makes sense.
        expect(merged.merge.events.slice(0, held)).toEqual(database);
        expect(merged.merge.events.map((event) => event.seq)).toEqual(merged.merge.events.map((_, index) => index + 1));
        const replayed = replay(merged.merge.events);
        expect(replayed.ok && replayed.state).toEqual(merged.merge.state);
        for (const event of merged.merge.added) expect(event.incidentId).toBe('inc-a');
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});
