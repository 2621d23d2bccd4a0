// The merge figure for `npm run bench` (part `incidents`): three responders worked one incident at
// once, 2,000 events each; one machine takes in the other two's events and replays the record.
// Pure code, timed in this process: what `receive()` does besides its one IndexedDB write.
import { stampEvents, type Writer } from '../../shared/incident/event-stamp';
import type { EventBody, IncidentEvent, RunbookCopy } from '../../shared/incident/incident-events';
import { applyEvent, lastSeqOf, replay, type IncidentState } from '../../shared/incident/incident-state';
import { mergeReceived } from '../../shared/incident/record-merge';

const INCIDENT = 'inc-bench-merge';
export const MERGE_EVENTS_PER_WRITER = 2_000;
const RUNS = 20;

/** One writer's events, acting on its own view from the shared start: its own runs, steps done, notes between. */
function writerEvents(writer: Writer, start: { events: IncidentEvent[]; state: IncidentState }, copy: RunbookCopy, count: number, offset: number): IncidentEvent[] {
  let state = start.state;
  const events: IncidentEvent[] = [];
  let at = start.state.lastAt.at + offset;
  const add = (body: EventBody) => {
    at += 2_000;
    const [event] = stampEvents(INCIDENT, writer, { lastSeq: lastSeqOf(state, writer.id), latestClock: state.clock }, `bench-${writer.id}`, { now: () => ({ at, mono: at }) }, [body]);
    const applied = applyEvent(state, event);
    if (!applied.ok) throw applied.error;
    state = applied.state;
    events.push(event);
  };
  let run = 0;
  while (events.length < count) {
    const runId = `run-${writer.id}-${++run}`;
    add({ type: 'run-started', runId, runbook: copy });
    for (let step = 0; step < copy.steps.length && events.length < count; step++) {
      add({ type: 'step-started', runId, step });
      for (let note = 0; note < 8 && events.length < count - 1; note++) add({ type: 'run-note', runId, step, text: `${writer.name}: checked again at ${note}, replication lag ${note * 3} s` });
      if (events.length < count) add({ type: 'step-done', runId, step });
    }
  }
  return events;
}

/** Three writers of `MERGE_EVENTS_PER_WRITER` events each (the first's include the declaration). */
export function threeWriters(copy: RunbookCopy): IncidentEvent[][] {
  const writers: Writer[] = [
    { id: 'bench-commander', name: 'Commander' },
    { id: 'bench-database', name: 'Database lead' },
    { id: 'bench-security', name: 'Security lead' },
  ];
  const at = Date.now() - 6 * 3_600_000;
  const declaration = stampEvents(INCIDENT, writers[0], { lastSeq: 0 }, 'bench-commander', { now: () => ({ at, mono: at }) }, [{ type: 'incident-declared', title: 'A long night', severity: 'P0' }]);
  const declared = applyEvent(undefined, declaration[0]);
  if (!declared.ok) throw declared.error;
  const start = { events: declaration, state: declared.state };
  return writers.map((writer, index) => [...(index === 0 ? declaration : []), ...writerEvents(writer, start, copy, MERGE_EVENTS_PER_WRITER - (index === 0 ? 1 : 0), index * 700)]);
}

/** Milliseconds for each of 20 merges: the other two writers' events into the first's record, then the replay. */
export function timeMerges([own, ...others]: IncidentEvent[][]): number[] {
  const incoming = JSON.parse(JSON.stringify(others.flat())) as unknown[];
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const merge = mergeReceived(own, incoming, 'bench-commander');
    const replayed = replay([...own, ...merge.added]);
    times.push(performance.now() - started);
    if (!replayed.ok || merge.added.length !== incoming.length || replayed.state.eventCount !== own.length + incoming.length) throw new Error('the merge bench lost events');
  }
  return times;
}
