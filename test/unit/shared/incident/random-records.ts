// Random incident records for property tests: fast-check picks numbers, and each number picks one
// of the events the record's state accepts next (runs started, steps done, skipped, failed and
// reopened, checks ticked, runs finished or aborted, notes), so every record is one a responder
// could have made.
import fc from 'fast-check';
import type { EventBody, IncidentEvent } from '../../../../shared/incident/incident-events';
import type { IncidentState } from '../../../../shared/incident/incident-state';
import { TestRecord, testRunbook } from '../../../support/incident-record';

const step = (index: number, title: string) => ({ index, title, fromLine: index, toLine: index + 1, listItem: true });

/** Three runbooks: two versions of one (its steps renamed), and one whose steps share a title. */
export const RANDOM_RUNBOOKS = [
  testRunbook(),
  testRunbook({ version: '1.3', steps: [step(1, 'Check the pods'), step(2, 'Restart it'), step(3, 'Check the pods')] }),
  testRunbook({ id: 'db/failover', title: 'Fail over the database', verification: ['Replica promoted'], steps: [step(1, 'Check'), step(2, 'Check'), step(3, 'Promote')] }),
];

export interface RandomRecord {
  incidentId: string;
  events: IncidentEvent[];
  /** The state after each event. */
  states: IncidentState[];
}

/**
 * The events the state may accept next, of those a responder's keys make. Moving a run on is
 * offered every time; starting another run, going back and giving up only on some choices, so that
 * runs get finished as well as started.
 */
function candidates(state: IncidentState, runs: number, choice: number): EventBody[] {
  const rarely = (every: number) => choice % every === 0;
  const open = state.runs.filter((run) => !run.finished);
  const bodies: EventBody[] = [];
  if (!open.length || rarely(6)) bodies.push(...RANDOM_RUNBOOKS.map((runbook): EventBody => ({ type: 'run-started', runId: `run-${runs + 1}`, runbook })));
  if (rarely(9)) bodies.push({ type: 'incident-note', noteId: `note-${state.eventCount}`, text: 'still down', followUp: false });
  for (const run of open) {
    const runId = run.id;
    run.steps.forEach((stepState, index) => {
      if (stepState.outcome === 'pending') bodies.push({ type: 'step-started', runId, step: index });
      else if (stepState.outcome === 'active')
        bodies.push({ type: 'step-done', runId, step: index }, { type: 'step-skipped', runId, step: index, reason: 'not needed' }, { type: 'step-failed', runId, step: index, note: 'timed out' });
      else if (rarely(7)) bodies.push({ type: 'step-reopened', runId, step: index });
    });
    run.checks.forEach((ticked, check) => (!ticked || rarely(7)) && bodies.push({ type: 'check-ticked', runId, check, ticked: !ticked }));
    if (rarely(8)) bodies.push({ type: 'run-note', runId, step: run.current, text: 'tried again' });
    bodies.push({ type: 'run-finished', runId, outcome: 'completed' });
    if (rarely(10)) bodies.push({ type: 'run-finished', runId, outcome: 'aborted', reason: 'wrong runbook' });
  }
  return bodies;
}

/** A record made by these choices: each picks one of the accepted next events, and how long passed before it. */
export function recordOf(incidentId: string, choices: readonly number[], startAt = 0): RandomRecord {
  const record = new TestRecord(incidentId).wait(startAt);
  const states: IncidentState[] = [];
  const add = (body: EventBody) => {
    record.add(body);
    states.push(record.current);
  };
  add({ type: 'incident-declared', title: `Incident ${incidentId}`, severity: 'P1' });
  let runs = 0;
  for (const choice of choices) {
    record.wait((choice % 5) * 60_000);
    const accepted = candidates(record.current, runs, choice).filter((body) => record.refusal(body) === undefined);
    const body = accepted[Math.floor(choice / 10) % accepted.length];
    if (body.type === 'run-started') runs++;
    add(body);
  }
  return { incidentId, events: record.events, states };
}

/** Up to `maxIncidents` records with distinct ids (in no particular order), each of up to `maxEvents` choices. */
export function randomRecords(maxIncidents = 5, maxEvents = 60): fc.Arbitrary<RandomRecord[]> {
  return fc
    .uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), choices: fc.array(fc.nat(1_000), { maxLength: maxEvents, size: 'max' }), startAt: fc.nat(30 * 86_400_000) }), {
      minLength: 1,
      maxLength: maxIncidents,
      selector: (incident) => incident.id,
    })
    .map((incidents) => incidents.map(({ id, choices, startAt }) => recordOf(`inc-${id}`, choices, startAt)));
}
