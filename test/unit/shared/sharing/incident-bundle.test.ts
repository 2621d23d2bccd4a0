import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../../shared/incident/incident-events';
import { replay } from '../../../../shared/incident/incident-state';
import { mergeReceived } from '../../../../shared/incident/record-merge';
import { BUNDLE_EXTENSION, bundleFileName, eventsByIncident, isBundleText, MAX_BUNDLE_CHARS, MAX_BUNDLE_LINES, readBundle, recordsSince, writeBundle } from '../../../../shared/sharing/incident-bundle';
import { T0, TestRecord, testRunbook } from '../../../support/incident-record';
import { recordOf } from '../incident/random-records';

// A bundle is a file carried by hand from one responder's machine to another's: whatever it holds
// is read line by line, and what it brings is merged like any other writer's events.

const EXPORTED_AT = Date.UTC(2026, 11, 1, 9, 30);

function checkoutDown() {
  return new TestRecord('inc-checkout', { id: 'writer-a', name: 'Ana' })
    .add({ type: 'incident-declared', title: 'Checkout down', severity: 'SEV1' })
    .add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'step-started', runId: 'run-1', step: 0 })
    .wait(60_000)
    .add({ type: 'run-note', runId: 'run-1', step: 0, text: 'line one\nline two \u2028 still one event' })
    .add({ type: 'step-done', runId: 'run-1', step: 0 });
}

describe('writing and reading a bundle', () => {
  it('carries every event of an incident to another machine, which replays the same state', () => {
    const { events } = checkoutDown();
    const read = readBundle(writeBundle(events, { exportedAt: EXPORTED_AT, by: 'Ana' }));
    expect(read.problems).toEqual([]);
    expect(read.header).toMatchObject({ failsafe: 'incident-bundle', version: 1, exportedAt: '2026-12-01T09:30:00.000Z', by: 'Ana', incidents: 1, events: 5 });
    const merged = mergeReceived([], read.events, 'writer-b');
    expect(merged.refused).toEqual([]);
    expect(merged.added).toHaveLength(5);
    expect(replay(merged.added)).toEqual(replay(events));
  });

  it('adds nothing the second time the same bundle is imported', () => {
    const text = writeBundle(checkoutDown().events, { exportedAt: EXPORTED_AT });
    const first = mergeReceived([], readBundle(text).events, 'writer-b');
    const second = mergeReceived(first.added, readBundle(text).events, 'writer-b');
    expect(second).toEqual({ added: [], alreadyHeld: 5, refused: [] });
  });

  it('gives events recorded before clocks existed the clock replay gives them, so the other machine takes them in the same order', () => {
    const legacy = checkoutDown().events.map((event) => {
      const old: Partial<IncidentEvent> = { ...event };
      delete old.hlc;
      return old as IncidentEvent;
    });
    const read = readBundle(writeBundle(legacy, { exportedAt: EXPORTED_AT }));
    const merged = mergeReceived([], read.events, 'writer-b');
    expect(merged.refused).toEqual([]);
    const here = replay(legacy);
    const there = replay(merged.added);
    expect(there.ok && here.ok && there.state.runs).toEqual(here.ok && here.state.runs);
  });

  it('keeps the events of several incidents apart, each in its own order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(1_000), { maxLength: 30 }), { minLength: 1, maxLength: 4 }), (choices) => {
        const records = choices.map((made, index) => recordOf(`inc-${index}`, made, index * 60_000));
        const all = records.flatMap((record) => record.events);
        const read = readBundle(writeBundle(all, { exportedAt: EXPORTED_AT }));
        expect(read.problems).toEqual([]);
        const { incidents, unnamed } = eventsByIncident(read.events);
        expect(unnamed).toBe(0);
        expect([...incidents.keys()].sort()).toEqual(records.map((record) => record.incidentId).sort());
        for (const record of records) expect(incidents.get(record.incidentId)).toEqual(record.events);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a file that is not a good bundle', () => {
  const header = writeBundle([], { exportedAt: EXPORTED_AT }).split('\n')[0];

  it('says a file with another first line is not a bundle, and reads nothing from it', () => {
    const events = checkoutDown().events.map((event) => JSON.stringify(event)).join('\n');
    expect(readBundle(events)).toEqual({ events: [], problems: [{ line: 1, reason: expect.stringContaining('not a Failsafe incident bundle') }] });
    expect(readBundle('').problems[0].reason).toContain('not a Failsafe incident bundle');
    expect(isBundleText(events)).toBe(false);
    expect(isBundleText(`${header}\n`)).toBe(true);
  });

  it('asks for a newer Failsafe for a bundle of a later version', () => {
    const later = header.replace('"version":1', '"version":2');
    expect(readBundle(`${later}\n{}`).problems).toEqual([{ line: 1, reason: expect.stringContaining('update Failsafe') }]);
  });

  it('names a line cut off at the end and a line of garbage, and uses every other line', () => {
    const lines = checkoutDown().events.map((event) => JSON.stringify(event));
    const text = [header, lines[0], 'not json at all', lines[1], '"a string"', '', lines[2].slice(0, 40)].join('\r\n');
    const read = readBundle(text);
    expect(read.events).toHaveLength(2);
    expect(read.problems.map((problem) => problem.line)).toEqual([3, 5, 7]);
    expect(read.problems[2].reason).toContain('cut off');
  });

  it('does not read a file over the size limit, nor lines past the line limit', () => {
    expect(readBundle(' '.repeat(MAX_BUNDLE_CHARS + 1)).problems[0]).toEqual({ line: 0, reason: expect.stringContaining('larger than 64 MB') });
    const many = readBundle(`${header}\n${'{}\n'.repeat(MAX_BUNDLE_LINES + 5)}`);
    expect(many.events).toHaveLength(MAX_BUNDLE_LINES - 1);
    expect(many.problems.at(-1)?.reason).toContain('the rest was not read');
  });

  it('never throws on pathological lines, and every event it gives is an object from a numbered line', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json(),
      fc.nat(200_000).map((depth) => '['.repeat(depth)),
      fc.nat(200_000).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
      fc.constantFrom('\r', '\u2028', '{"incidentId":"__proto__"}', '{"__proto__":{"polluted":1}}', 'null', '[]'),
    );
    expect(readBundle(`${header}\n${'['.repeat(1_000_000)}`).problems).toEqual([{ line: 2, reason: expect.stringContaining('nested deeper than 64') }]);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, withHeader) => {
        const text = [...(withHeader ? [header] : []), ...lines].join('\n');
        const read = readBundle(text);
        const lineCount = text.split('\n').length;
        for (const problem of read.problems) expect(problem.line).toBeLessThanOrEqual(lineCount);
        for (const value of read.events) expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
        if (!withHeader) expect(read.events).toEqual([]);
        // Whatever was read goes through the merge's checks, which refuse and never throw.
        const merged = mergeReceived([], read.events, 'writer-b');
        expect(merged.added.length + merged.refused.length + merged.alreadyHeld).toBe(read.events.length);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });
});

describe('what a bundle holds', () => {
  it('"everything since a time" takes the whole record of each incident active since then, and no other', () => {
    const old = new TestRecord('inc-old').add({ type: 'incident-declared', title: 'Old', severity: 'SEV3' }).events;
    const active = new TestRecord('inc-active').add({ type: 'incident-declared', title: 'Active', severity: 'SEV2' }).wait(2 * 86_400_000).add({ type: 'incident-note', noteId: 'n1', text: 'still here', followUp: false }).events;
    const since = T0 + 86_400_000;
    expect(recordsSince([old, active], since)).toEqual(active);
  });

  it('names the file by the day and the incident', () => {
    expect(bundleFileName('Checkout down!', EXPORTED_AT)).toBe(`2026-12-01-checkout-down${BUNDLE_EXTENSION}`);
    expect(bundleFileName('¿¿', EXPORTED_AT)).toBe('2026-12-01-incident.failsafe-bundle');
  });
});
