// Runs in the page (bundled by run-figures-bench.ts): writes past incidents through the app's own
// database module, as the incident store does, so each incident's run summaries are written with
// its events exactly as in use.
import { createDatabase } from '../../renderer/app/services/database';
import { appendEvents } from '../../renderer/features/incident/incident-record';
import { stampEvents, type Writer } from '../../shared/incident/event-stamp';
import type { EventBody, IncidentEvent, RunbookCopy } from '../../shared/incident/incident-events';
import { applyEvent, lastSeqOf, type IncidentState } from '../../shared/incident/incident-state';

const SEED_WRITER: Writer = { id: 'bench-seed' };

export interface SeedRequest {
  incidents: number;
  eventsPerIncident: number;
  /** Every incident runs the first; then two of the others, in turn. */
  runbooks: RunbookCopy[];
}

const DAY = 86_400_000;

/**
 * One past incident of exactly `count` events: three runs (steps done, now and then one skipped or
 * failed, notes on the steps, checks ticked, finished or sometimes aborted), then resolved. Notes
 * fill the record up to `count`.
 */
function pastIncident(index: number, count: number, runbooks: RunbookCopy[]): { events: IncidentEvent[]; state: IncidentState } {
  const chosen = [runbooks[0], runbooks[1 + (index % (runbooks.length - 1))], runbooks[1 + ((index + 1) % (runbooks.length - 1))]];
  const fixed = 2 + chosen.reduce((sum, runbook) => sum + 2 + 2 * runbook.steps.length + runbook.verification.length, 0);
  const stepCount = chosen.reduce((sum, runbook) => sum + runbook.steps.length, 0);
  if (fixed > count) throw new Error(`an incident of these runbooks needs at least ${fixed} events`);
  const notesPerStep = Math.floor((count - fixed) / stepCount);
  let extraNotes = count - fixed - notesPerStep * stepCount;

  const id = `inc-past-${String(index).padStart(5, '0')}`;
  const events: IncidentEvent[] = [];
  let state: IncidentState | undefined;
  let at = Date.now() - (3 * 365 - index) * DAY;
  const add = (body: EventBody) => {
    at += 30_000;
    const [event] = stampEvents(id, SEED_WRITER, { lastSeq: lastSeqOf(state, SEED_WRITER.id), latestClock: state?.clock }, 'bench-seed', { now: () => ({ at, mono: at }) }, [body]);
    const applied = applyEvent(state, event);
    if (!applied.ok) throw applied.error;
    state = applied.state;
    events.push(event);
  };
  add({ type: 'incident-declared', title: `Past incident ${index + 1}`, severity: index % 3 ? 'P2' : 'P1' });
  chosen.forEach((runbook, run) => {
    const runId = `run-${run + 1}`;
    add({ type: 'run-started', runId, runbook });
    runbook.steps.forEach((_, step) => {
      add({ type: 'step-started', runId, step });
      for (let note = 0; note < notesPerStep; note++) add({ type: 'run-note', runId, step, text: `Checked at ${note}: replication lag ${note * 3} s` });
      if ((index + step + run) % 11 === 0) add({ type: 'step-failed', runId, step, note: 'the command timed out' });
      else if ((index + step) % 7 === 0) add({ type: 'step-skipped', runId, step, reason: 'not needed this time' });
      else add({ type: 'step-done', runId, step });
    });
    runbook.verification.forEach((_, check) => add({ type: 'check-ticked', runId, check, ticked: true }));
    add(index % 5 === run ? { type: 'run-finished', runId, outcome: 'aborted', reason: 'wrong runbook' } : { type: 'run-finished', runId, outcome: 'completed' });
  });
  while (extraNotes-- > 0) add({ type: 'incident-note', noteId: `note-${extraNotes}`, text: 'Customers told; next update in 30 minutes', followUp: false });
  add({ type: 'incident-changed', field: 'status', value: 'resolved' });
  return { events, state: state! };
}

/** Writes the incidents, one transaction each, as the app writes them; resolves with the time taken (ms). */
async function seedPastIncidents({ incidents, eventsPerIncident, runbooks }: SeedRequest): Promise<number> {
  const started = performance.now();
  const db = createDatabase();
  await db.open();
  try {
    for (let index = 0; index < incidents; index++) {
      const { events, state } = pastIncident(index, eventsPerIncident, runbooks);
      await appendEvents(db, events, state);
    }
  } finally {
    db.close();
  }
  return performance.now() - started;
}

(globalThis as unknown as { __seedPastIncidents: typeof seedPastIncidents }).__seedPastIncidents = seedPastIncidents;
