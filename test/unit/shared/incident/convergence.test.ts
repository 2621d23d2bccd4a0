import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stampEvents } from '../../../../shared/incident/event-stamp';
import { INCIDENT_STATUSES, type EventBody, type IncidentEvent } from '../../../../shared/incident/incident-events';
import { exportIncidentMarkdown, type ExportContext } from '../../../../shared/incident/incident-export';
import { applyEvent, lastSeqOf, replay, type IncidentState } from '../../../../shared/incident/incident-state';
import { canonicalEvent } from '../../../../shared/incident/journal';
import { mergeReceived } from '../../../../shared/incident/record-merge';
import { writerOf } from '../../../../shared/incident/record-order';
import { T0 } from '../../../support/incident-record';
import { RANDOM_RUNBOOKS } from './random-records';

// Issue 19's promise: several responders work one incident at once, each on their own machine,
// their events reaching each other late, out of order, in pieces and more than once. Once every
// machine has every event, every machine shows the same incident and exports the same Markdown,
// and no event anyone recorded is missing. Each writer acts as the store does: it stamps an event
// past the clocks it has seen and checks it against its own replica's state before keeping it.

const INCIDENT = 'inc-shared';
const WRITERS = ['writer-a', 'writer-b', 'writer-c', 'writer-d'];
const NAMES = ['Ana', 'Bo', 'Cy', 'Dee'];
const CONTEXT: ExportContext = { appVersion: 'test', responder: 'Whoever exports', timeZone: 'UTC', library: { version: 'lib-v1' }, changedRuns: new Set() };

/** One responder's machine: what it holds of the incident, and the state its screen shows. */
interface Replica {
  writer: string;
  name: string;
  held: IncidentEvent[];
  state: IncidentState;
  /** Its wall clock's error: machines' clocks disagree by minutes. */
  skew: number;
}

/** A small deterministic shuffle driven by fast-check's numbers, so a failure replays. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** What a responder's keys could record next on this machine's view (the state then checks each). */
function candidates(replica: Replica, choice: number): EventBody[] {
  const { state, writer } = replica;
  const rarely = (every: number) => choice % every === 0;
  const mine = state.runs.filter((run) => run.id.startsWith(`run-${writer}-`)).length;
  const bodies: EventBody[] = [
    { type: 'incident-changed', field: 'severity', value: ['SEV1', 'SEV2', 'SEV3'][choice % 3] },
    { type: 'incident-note', noteId: `note-${writer}-${state.eventCount}`, text: `${replica.name} saw errors`, followUp: rarely(4) },
    { type: 'contact-attempted', contactId: 'ada', name: 'Ada Quill', outcome: rarely(2) ? 'no-answer' : 'reached' },
  ];
  if (rarely(5)) bodies.push(...INCIDENT_STATUSES.map((value): EventBody => ({ type: 'incident-changed', field: 'status', value })));
  if (rarely(7)) bodies.push({ type: 'milestone-set', milestone: rarely(2) ? 'mitigated' : 'resolved', time: T0 + choice * 1_000 });
  if (rarely(6)) bodies.push({ type: 'run-started', runId: `run-${writer}-${mine + 1}`, runbook: RANDOM_RUNBOOKS[choice % RANDOM_RUNBOOKS.length] });
  for (const run of state.runs) {
    const runId = run.id;
    run.steps.forEach((step, index) => {
      if (step.outcome === 'pending') bodies.push({ type: 'step-started', runId, step: index });
      else if (step.outcome === 'active') bodies.push({ type: 'step-done', runId, step: index }, { type: 'step-done', runId, step: index }, { type: 'step-failed', runId, step: index, note: 'timed out' }, { type: 'step-skipped', runId, step: index, reason: 'not needed' });
      else if (rarely(3)) bodies.push({ type: 'step-reopened', runId, step: index });
    });
    run.checks.forEach((ticked, check) => bodies.push({ type: 'check-ticked', runId, check, ticked: !ticked }));
    bodies.push({ type: 'run-note', runId, step: run.current, text: `${replica.name}: tried again` });
    if (rarely(4)) bodies.push({ type: 'run-finished', runId, outcome: 'completed' }, { type: 'run-finished', runId, outcome: 'aborted', reason: 'wrong runbook' });
  }
  return bodies;
}

/** The responder acts: the event is stamped past every clock this machine has seen and checked against its state, as the store does. */
function act(replica: Replica, choice: number, now: number) {
  for (const [index, body] of shuffled(candidates(replica, choice), choice).entries()) {
    if (index > 12) return; // nothing the responder tried was accepted: they do nothing this time
    const place = { lastSeq: lastSeqOf(replica.state, replica.writer), latestClock: replica.state.clock };
    const [event] = stampEvents(INCIDENT, { id: replica.writer, name: replica.name }, place, `session-${replica.writer}`, { now: () => ({ at: now + replica.skew, mono: now }) }, [body]);
    const applied = applyEvent(replica.state, event);
    if (!applied.ok) continue;
    replica.state = applied.state;
    replica.held.push(event);
    return;
  }
}

/** Events arrive as a file's lines would: copies, not the sender's objects. */
function receive(replica: Replica, events: readonly IncidentEvent[]) {
  const merge = mergeReceived(replica.held, JSON.parse(JSON.stringify(events)) as unknown[], replica.writer);
  expect(merge.refused).toEqual([]);
  if (!merge.added.length) return;
  replica.held = [...replica.held, ...merge.added];
  const replayed = replay(replica.held);
  if (!replayed.ok) throw replayed.error;
  replica.state = replayed.state;
}

const keyOf = (event: IncidentEvent) => `${writerOf(event)}#${event.seq}`;

const scenario = fc.record({
  writers: fc.integer({ min: 2, max: 4 }),
  skews: fc.array(fc.integer({ min: -300_000, max: 300_000 }), { minLength: 4, maxLength: 4 }),
  // A responder acts on their own machine's view, or some of one machine's events (its own and what
  // it received) reach another, in any order, some twice.
  steps: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('act' as const), writer: fc.nat(3), choice: fc.nat(10_000), wait: fc.nat(120_000) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: fc.nat(3), to: fc.nat(3), picks: fc.array(fc.nat(1_000), { maxLength: 12, size: 'max' }) }) },
    ),
    { minLength: 10, maxLength: 80, size: 'max' },
  ),
  finalSeeds: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  groupSizes: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 4, maxLength: 4 }),
});

describe('an incident worked by several machines at once', () => {
  it('reaches the same state and the same export on every machine, with no event lost, whatever order and grouping the events arrive in', () => {
    // The scenarios must exercise the concurrency rules, not only writers taking turns.
    let conflicts = 0;
    fc.assert(
      fc.property(scenario, ({ writers, skews, steps, finalSeeds, groupSizes }) => {
        let now = T0;
        // The first responder declares and starts a run; the others hear of it before they act.
        const first = stampEvents(INCIDENT, { id: WRITERS[0], name: NAMES[0] }, { lastSeq: 0 }, 'session-writer-a', { now: () => ({ at: now, mono: now }) }, [
          { type: 'incident-declared', title: 'Checkout down', severity: 'SEV2' },
          { type: 'run-started', runId: 'run-writer-a-0', runbook: RANDOM_RUNBOOKS[0] },
        ]);
        const declared = replay(first);
        if (!declared.ok) throw declared.error;
        const replicas: Replica[] = WRITERS.slice(0, writers).map((writer, index) => ({ writer, name: NAMES[index], held: [...first], state: declared.state, skew: index === 0 ? 0 : skews[index] }));

        for (const step of steps) {
          if (step.kind === 'act') {
            now += step.wait;
            act(replicas[step.writer % writers], step.writer * 7919 + step.choice, now);
          } else {
            const from = replicas[step.from % writers];
            const to = replicas[step.to % writers];
            if (from === to || !from.held.length) continue;
            receive(to, step.picks.map((pick) => from.held[pick % from.held.length]));
          }
        }

        // At the end every machine gets every event, each in its own order and grouping, some twice.
        const union = new Map<string, IncidentEvent>();
        for (const replica of replicas) for (const event of replica.held) union.set(keyOf(event), event);
        const everything = [...union.values()];
        replicas.forEach((replica, index) => {
          const order = shuffled([...everything, ...everything.slice(0, 3)], finalSeeds[index]);
          for (let start = 0; start < order.length; start += groupSizes[index]) receive(replica, order.slice(start, start + groupSizes[index]));
        });

        const [reference, ...others] = replicas.map((replica) => {
          const replayed = replay(replica.held);
          if (!replayed.ok) throw replayed.error;
          return { replica, state: replayed.state, markdown: exportIncidentMarkdown(replayed.state, replica.held, CONTEXT) };
        });
        if (reference.state.runs.some((run) => run.steps.some((step) => step.concurrent.some((other) => other.conflict)))) conflicts++;
        expect(reference.state.waiting).toEqual([]);
        expect(reference.state.eventCount).toBe(everything.length);
        for (const other of others) {
          expect(other.state).toEqual(reference.state);
          expect(other.markdown).toBe(reference.markdown);
        }
        for (const { held } of replicas) {
          expect(held).toHaveLength(everything.length);
          const texts = new Map(held.map((event) => [keyOf(event), canonicalEvent(event)]));
          for (const event of everything) expect(texts.get(keyOf(event))).toBe(canonicalEvent(event));
        }
      }),
      { numRuns: 150 },
    );
    expect(conflicts).toBeGreaterThan(5);
  });
});
