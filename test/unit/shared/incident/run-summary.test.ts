import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentState } from '../../../../shared/incident/incident-state';
import { runStats, type RunbookRunStats } from '../../../../shared/incident/runs/run-stats';
import { runSummariesChangedBy, runSummariesOf, runSummariesOfRecord, type RunSummary } from '../../../../shared/incident/runs/run-summary';
import { TestRecord, testRunbook } from '../../../support/incident-record';
import { randomRecords, type RandomRecord } from './random-records';

/**
 * The figures as Health and the runbook page computed them before run summaries: every incident
 * replayed, in the order IndexedDB gave the records (by incident id), every run of each. Kept here
 * word for word as the reference the summaries must agree with.
 */
function figuresByReplay(incidents: readonly IncidentState[]): Map<string, RunbookRunStats> {
  const stats = new Map<string, RunbookRunStats>();
  const steps = new Map<string, Map<string, { title: string; skipped: number; failed: number }>>();
  for (const incident of incidents) {
    for (const run of incident.runs) {
      const id = run.runbook.id;
      const entry = stats.get(id) ?? { runs: 0, completed: 0, aborted: 0, lastRunAt: 0, troubledSteps: [] };
      entry.runs++;
      if (run.finished?.outcome === 'completed') entry.completed++;
      if (run.finished?.outcome === 'aborted') entry.aborted++;
      entry.lastRunAt = Math.max(entry.lastRunAt, run.startedAt.at);
      stats.set(id, entry);
      const byTitle = steps.get(id) ?? new Map();
      steps.set(id, byTitle);
      run.steps.forEach((step, index) => {
        if (step.outcome !== 'skipped' && step.outcome !== 'failed') return;
        const title = run.runbook.steps[index].title;
        const counts = byTitle.get(title) ?? { title, skipped: 0, failed: 0 };
        counts[step.outcome]++;
        byTitle.set(title, counts);
      });
    }
  }
  for (const [id, entry] of stats) entry.troubledSteps = [...(steps.get(id)?.values() ?? [])].sort((a, b) => b.failed + b.skipped - (a.failed + a.skipped));
  return stats;
}

const finalStates = (records: readonly RandomRecord[]) => [...records].sort((a, b) => (a.incidentId < b.incidentId ? -1 : 1)).map((record) => record.states[record.states.length - 1]);
// Entries in order: Health lists runbooks, and a runbook page its steps, in the order given.
const listed = (stats: Map<string, RunbookRunStats>) => [...stats.entries()];

describe('run figures from run summaries', () => {
  it('are the figures replaying every record gave, in the same order, whatever order the rows are read in', () => {
    fc.assert(
      fc.property(randomRecords(), fc.integer(), (records, seed) => {
        const rows = records.flatMap((record) => runSummariesOfRecord(record.events));
        const shuffled = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), { numRuns: 1, seed })[0];
        expect(listed(runStats(shuffled))).toEqual(listed(figuresByReplay(finalStates(records))));
      }),
      { numRuns: 200 },
    );
  });

  it('kept up event by event, the rows written with each batch end as the whole record’s', () => {
    fc.assert(
      fc.property(randomRecords(1, 80), fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 80 }), ([record], sizes) => {
        // As the store writes them: a batch of events at a time, each batch putting the rows of the runs it named.
        const table = new Map<string, RunSummary>();
        let from = 0;
        for (const size of [...sizes, record.events.length]) {
          if (from >= record.events.length) break;
          const to = Math.min(record.events.length, from + size);
          for (const row of runSummariesChangedBy(record.events.slice(from, to), record.states[to - 1])) table.set(row.runId, row);
          from = to;
        }
        expect([...table.values()].sort((a, b) => a.order - b.order)).toEqual(runSummariesOf(record.states[record.states.length - 1]));
      }),
      { numRuns: 200 },
    );
  });

  it('say how a finished run went: outcome, times, steps done, and the troubled steps by title', () => {
    const record = new TestRecord('inc-a').add({ type: 'incident-declared', title: 'A', severity: 'P1' }).wait(60_000);
    const started = record.at;
    record.add({ type: 'run-started', runId: 'r1', runbook: testRunbook() }, { type: 'step-started', runId: 'r1', step: 0 }, { type: 'step-done', runId: 'r1', step: 0 });
    record.add({ type: 'step-started', runId: 'r1', step: 1 }, { type: 'step-failed', runId: 'r1', step: 1, note: 'timeout' }, { type: 'step-started', runId: 'r1', step: 2 });
    record.add({ type: 'step-skipped', runId: 'r1', step: 2, reason: 'no access' }).wait(120_000);
    record.add({ type: 'run-finished', runId: 'r1', outcome: 'aborted', reason: 'wrong runbook' });
    expect(runSummariesOfRecord(record.events)).toEqual([
      {
        incidentId: 'inc-a',
        runId: 'r1',
        order: 0,
        runbookId: 'incident-response/restart-api',
        runbookTitle: 'Restart the API',
        outcome: 'aborted',
        startedAt: started,
        endedAt: record.at,
        stepsDone: 1,
        troubledSteps: [
          { title: 'Restart', outcome: 'failed' },
          { title: 'Log in to the database', outcome: 'skipped' },
        ],
      },
    ]);
  });

  it('leave out a record that cannot be replayed, as the figures always did', () => {
    const record = new TestRecord('inc-a').add({ type: 'incident-declared', title: 'A', severity: 'P1' }, { type: 'run-started', runId: 'r1', runbook: testRunbook() });
    expect(runSummariesOfRecord(record.events)).toHaveLength(1);
    expect(runSummariesOfRecord([record.events[1]])).toEqual([]);
    expect(runSummariesOfRecord([])).toEqual([]);
  });
});
