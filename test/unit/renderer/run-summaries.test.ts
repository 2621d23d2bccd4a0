import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, rebuildRunSummaries, type FailsafeDatabase } from '../../../renderer/app/services/database';
import { appendEvents, readRunSummaries, readRunSummariesOf } from '../../../renderer/features/incident/incident-record';
import { runSummariesOfRecord, type RunSummary } from '../../../shared/incident/runs/run-summary';
import { recordOf, randomRecords, type RandomRecord } from '../shared/incident/random-records';

// The run summaries beside the incident records (fake IndexedDB): what Health and a runbook page
// read instead of replaying every incident must always be what replaying would give.

let name = 0;
const opened: FailsafeDatabase[] = [];
async function fresh(): Promise<FailsafeDatabase> {
  const db = createDatabase(`run-summaries-${++name}`);
  opened.push(db);
  await db.open();
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** Writes a record as the store does: a batch of events at a time, each with the state it leads to. */
async function appendInBatches(db: FailsafeDatabase, record: RandomRecord, sizes: readonly number[]): Promise<void> {
  let from = 0;
  for (let batch = 0; from < record.events.length; batch++) {
    const to = Math.min(record.events.length, from + (sizes[batch] ?? 1));
    await appendEvents(db, record.events.slice(from, to), record.states[to - 1]);
    from = to;
  }
}

const sorted = (rows: readonly RunSummary[]) => [...rows].sort((a, b) => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : a.order - b.order));
const byReplay = (records: readonly RandomRecord[]) => sorted(records.flatMap((record) => runSummariesOfRecord(record.events)));

describe('the run summaries table', () => {
  it('holds, after any records written in any batches, exactly what replaying them gives; rebuilt from the records, the same', async () => {
    await fc.assert(
      fc.asyncProperty(randomRecords(4, 40), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 }), async (records, sizes) => {
        const db = await fresh();
        for (const record of records) await appendInBatches(db, record, sizes);
        const written = sorted(await readRunSummaries(db));
        expect(written).toEqual(byReplay(records));
        // Version 7's upgrade derives the table again from the records alone: nothing is lost or added.
        await db.runSummaries.clear();
        await db.transaction('rw', db.incidentEvents, db.runSummaries, (transaction) => rebuildRunSummaries(transaction));
        expect(sorted(await readRunSummaries(db))).toEqual(written);
      }),
      { numRuns: 25 },
    );
  });

  it('gives a runbook page only the runs of its runbook', async () => {
    const db = await fresh();
    const records = [recordOf('inc-a', [0, 10, 20, 30, 40, 50, 60]), recordOf('inc-b', [20, 21, 22, 0, 5, 7, 9])];
    for (const record of records) await appendInBatches(db, record, [2, 3]);
    const all = await readRunSummaries(db);
    expect(new Set(all.map((row) => row.runbookId)).size).toBeGreaterThan(1);
    for (const runbookId of new Set(all.map((row) => row.runbookId))) {
      expect(sorted(await readRunSummariesOf(db, runbookId))).toEqual(sorted(all.filter((row) => row.runbookId === runbookId)));
    }
    expect(await readRunSummariesOf(db, 'never/run')).toEqual([]);
  });

  it('follows an incident rebuilt from its journal: the runs the journal adds are counted', async () => {
    const db = await fresh();
    const record = recordOf('inc-a', [0, 10, 10, 10, 10, 0, 25, 25]);
    // The database lost everything after the first run started; the journal had it all.
    const kept = record.events.findIndex((event) => event.type === 'run-started') + 1;
    await appendEvents(db, record.events.slice(0, kept), record.states[kept - 1]);
    // A rebuild adds what the journal has beyond the database, in one write.
    await appendEvents(db, record.events.slice(kept), record.states[record.states.length - 1]);
    expect((await readRunSummaries(db)).length).toBeGreaterThan(1);
    expect(sorted(await readRunSummaries(db))).toEqual(runSummariesOfRecord(record.events));
  });
});
