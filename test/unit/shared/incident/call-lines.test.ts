import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../../../shared/incident/event-description';
import { eventProblem, journalLine, readJournal } from '../../../../shared/incident/journal';
import { TestRecord } from '../../../support/incident-record';

describe('a call in the timeline and the export', () => {
  it('names the role the person had in the roster when called, when it was recorded', () => {
    const record = new TestRecord()
      .add({ type: 'incident-declared', title: 'Login API errors', severity: 'P1' })
      .add({ type: 'contact-attempted', contactId: 'ada', name: 'Ada Quill', role: 'Primary on-call', outcome: 'no-answer' })
      .add({ type: 'contact-attempted', contactId: 'bram', name: 'Bram Okafor', role: 'Secondary on-call', outcome: 'reached', note: 'on his way' })
      // Recorded before calls carried the role: read as it was.
      .add({ type: 'contact-attempted', contactId: 'chen', name: 'Chen Ilves', outcome: 'left-message' });
    expect(record.events.slice(1).map((event) => describeEvent(event, record.state!, 'UTC'))).toEqual([
      'Tried, no answer: Ada Quill, Primary on-call',
      'Reached Bram Okafor, Secondary on-call (on his way)',
      'Left a message for Chen Ilves',
    ]);
    expect(readJournal(record.events.map(journalLine).join('\n')).events).toEqual(record.events);
  });

  it('refuses a journal line whose role is not text', () => {
    const [declared] = new TestRecord().add({ type: 'incident-declared', title: 'Login API errors', severity: 'P1' }).events;
    expect(eventProblem({ ...declared, seq: 2, type: 'contact-attempted', contactId: 'ada', name: 'Ada Quill', role: 7, outcome: 'reached' })).toMatch(/role/);
  });
});
