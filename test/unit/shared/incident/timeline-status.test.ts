import { describe, expect, it } from 'vitest';
import { describeEvent, entryNote, timelineOf } from '../../../../shared/incident/event-description';
import { TestRecord } from '../../../support/incident-record';

/** The timeline's lines as the page and the export write them (event, then the status a milestone set). */
function lines(record: TestRecord): string[] {
  const incident = record.state!;
  return timelineOf(incident, record.events).entries.map((entry) => `${describeEvent(entry.event, incident, 'UTC')}${entryNote(entry)}`);
}

describe('a milestone that moves the status, or corrects a time set before, says so on its line', () => {
  it('names the status mitigated and resolved set, and nothing where the status stayed', () => {
    const record = new TestRecord()
      .add({ type: 'incident-declared', title: 'Login API errors', severity: 'P1' })
      .wait(60_000)
      .add({ type: 'milestone-set', milestone: 'acknowledged', time: Date.UTC(2026, 10, 23, 2, 15, 5) })
      .add({ type: 'incident-changed', field: 'status', value: 'identified' })
      .wait(60_000)
      .add({ type: 'milestone-set', milestone: 'mitigated', time: Date.UTC(2026, 10, 23, 2, 16, 5) })
      .wait(60_000)
      .add({ type: 'milestone-set', milestone: 'resolved', time: Date.UTC(2026, 10, 23, 2, 17, 5) })
      // A correction of a milestone already set changes no status.
      .add({ type: 'milestone-set', milestone: 'resolved', time: Date.UTC(2026, 10, 23, 2, 16, 50) });
    expect(lines(record).filter((line) => line.startsWith('Milestone') || line.startsWith('Status'))).toEqual([
      'Milestone acknowledged: 2026-11-23 02:15:05 UTC (02:15:05 local)',
      'Status set to identified',
      'Milestone mitigated: 2026-11-23 02:16:05 UTC (02:16:05 local); status now monitoring',
      'Milestone resolved: 2026-11-23 02:17:05 UTC (02:17:05 local); status now resolved',
      'Milestone resolved: 2026-11-23 02:16:50 UTC (02:16:50 local), a time given and recorded later, in place of 2026-11-23 02:17:05 UTC',
    ]);
  });

  it('says nothing when the incident was already past where the milestone would move it', () => {
    const record = new TestRecord()
      .add({ type: 'incident-declared', title: 'Login API errors', severity: 'P1' })
      .add({ type: 'incident-changed', field: 'status', value: 'monitoring' })
      .add({ type: 'milestone-set', milestone: 'mitigated', time: Date.UTC(2026, 10, 23, 2, 14, 5) });
    expect(lines(record).at(-1)).toBe('Milestone mitigated: 2026-11-23 02:14:05 UTC (02:14:05 local)');
  });

  it('names the time a correction replaces, so two lines of one milestone do not both read as true', () => {
    const record = new TestRecord()
      .add({ type: 'incident-declared', title: 'Checkout 502s', severity: 'P0' })
      .add({ type: 'milestone-set', milestone: 'detected', time: Date.UTC(2026, 11, 3, 3, 5, 51) })
      .add({ type: 'milestone-set', milestone: 'detected', time: Date.UTC(2026, 11, 3, 2, 43) })
      .add({ type: 'milestone-set', milestone: 'acknowledged', time: Date.UTC(2026, 11, 3, 3, 5, 56) });
    expect(lines(record).filter((line) => line.startsWith('Milestone'))).toEqual([
      'Milestone detected: 2026-12-03 03:05:51 UTC (03:05:51 local), a time given and recorded later',
      'Milestone detected: 2026-12-03 02:43:00 UTC (02:43:00 local), a time given and recorded later, in place of 2026-12-03 03:05:51 UTC',
      'Milestone acknowledged: 2026-12-03 03:05:56 UTC (03:05:56 local), a time given and recorded later',
    ]);
  });
});
