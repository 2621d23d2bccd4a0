import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRecords, journalLine, readJournal } from '../../../../shared/incident/journal';
import { replay } from '../../../../shared/incident/incident-state';
import { TestRecord, testRunbook } from '../../../support/incident-record';
import { LIMIT, pathological } from '../../../support/pathological-inputs';

function aRecord() {
  return new TestRecord()
    .add({ type: 'incident-declared', title: 'API down “again” 🔥', severity: 'SEV1' })
    .add({ type: 'run-started', runId: 'run-1', runbook: testRunbook() }, { type: 'step-started', runId: 'run-1', step: 0 })
    .wait(12_000)
    .add({ type: 'run-note', runId: 'run-1', step: 0, text: 'line one\nline two, 日本語' })
    .add({ type: 'step-done', runId: 'run-1', step: 0 }, { type: 'step-started', runId: 'run-1', step: 1 });
}

describe('the journal file', () => {
  it('round-trips: the lines written read back into the same events and the same incident', () => {
    const record = aRecord();
    const text = record.events.map((event) => `${journalLine(event)}\n`).join('');
    const read = readJournal(text);
    expect(read.problems).toEqual([]);
    expect(read.events).toEqual(record.events);
    const replayed = replay(read.events);
    expect(replayed.ok && replayed.state).toEqual(record.current);
  });

  it('names a line cut off by a crash and a damaged line, and keeps every other event', () => {
    const record = aRecord();
    const lines = record.events.map(journalLine);
    const damaged = [...lines.slice(0, 2), '{"type":"step-done"}', ...lines.slice(2), lines[0].slice(0, 20)].join('\n');
    const read = readJournal(damaged);
    expect(read.events).toEqual(record.events);
    expect(read.problems).toEqual([
      { line: 3, reason: 'incidentId is not a string' },
      { line: record.events.length + 2, reason: 'cut off (the app stopped while writing it)' },
    ]);
  });

  it('refuses malformed events: an unknown type, a missing field, a bad status or a malformed runbook copy', () => {
    const [declared] = aRecord().events;
    const problems = readJournal(
      [
        { ...declared, type: 'incident-exploded' },
        { ...declared, seq: 'one' },
        { ...declared, type: 'incident-changed', field: 'status', value: 'panicking' },
        { ...declared, type: 'run-started', runId: 'r', runbook: { ...testRunbook(), steps: [{ title: 1 }] } },
        { ...declared, incidentId: '../../etc/passwd' },
      ]
        .map((event) => JSON.stringify(event))
        .join('\n'),
    ).problems.map((problem) => problem.reason);
    expect(problems).toEqual(['unknown event type "incident-exploded"', 'seq is not a number', 'unknown status "panicking"', 'runbook: a step is malformed', 'not an incident id']);
  });

  it('compares the database with the journal and says how they differ', () => {
    const { events } = aRecord();
    expect(compareRecords(events, events)).toEqual({ agree: true });
    expect(compareRecords(events.slice(0, 3), events)).toEqual({ agree: false, journalAhead: true, difference: `the journal file has ${events.length} events, this app's database 3` });
    expect(compareRecords(events, events.slice(0, 3))).toMatchObject({ agree: false, journalAhead: false });
    const edited = events.map((event) => (event.seq === 2 ? { ...event, at: event.at + 1 } : event));
    expect(compareRecords(events, edited)).toMatchObject({ agree: false, difference: 'event 2 differs between this app\'s database and the journal file' });
  });

  it('reads any pathological text up to the size limit without hanging', () => {
    fc.assert(fc.property(pathological, (text) => void readJournal(text)), { numRuns: 20, seed: 5 });
    expect(readJournal('{'.repeat(LIMIT)).events).toEqual([]);
    expect(readJournal('[1,'.repeat(LIMIT / 3)).problems).toHaveLength(1);
  });
});
