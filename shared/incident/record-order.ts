// The one order every machine agrees on. An incident's record is the union of its writers' events;
// each writer's events count from 1 without a gap, and the union is replayed by hybrid clock, then
// writer, then number. A pure function of the set of events: whatever order and grouping they
// arrived in, and however often, every machine replays the same list.
import { tickClock } from './hybrid-clock';
import type { IncidentEvent } from './incident-events';

/** Whose an event is: events recorded before writers existed are their machine's own (''). */
export const writerOf = (event: Pick<IncidentEvent, 'writer'>): string => event.writer ?? '';

export interface OrderedRecord {
  /** The events to replay, in order, each with its clock. */
  ordered: IncidentEvent[];
  /** Events that follow a gap in their writer's numbers: kept, and replayed once the missing ones arrive. */
  waiting: IncidentEvent[];
}

/**
 * Orders a record. Of two events with the same writer and number the first is used (the receiving
 * side refuses a second, different one before it is stored). An event recorded before clocks existed
 * gets one from its wall time, one tick past its writer's previous event.
 */
export function orderRecord(events: readonly IncidentEvent[]): OrderedRecord {
  const byWriter = new Map<string, IncidentEvent[]>();
  for (const event of events) {
    const writer = writerOf(event);
    const list = byWriter.get(writer);
    if (list) list.push(event);
    else byWriter.set(writer, [event]);
  }
  const ordered: IncidentEvent[] = [];
  const waiting: IncidentEvent[] = [];
  for (const list of byWriter.values()) {
    list.sort((a, b) => a.seq - b.seq);
    let next = 1;
    let clock: string | undefined;
    for (const event of list) {
      if (event.seq < next) continue; // the same number again
      if (event.seq !== next) {
        waiting.push(event);
        continue;
      }
      // A clock that does not move forward (edited, or written by a broken clock) is moved on, so
      // the writer's own order holds.
      clock = event.hlc !== undefined && (clock === undefined || event.hlc > clock) ? event.hlc : tickClock(clock, event.at);
      ordered.push(event.hlc === clock ? event : { ...event, hlc: clock });
      next++;
    }
  }
  ordered.sort(compareEvents);
  waiting.sort(compareEvents);
  return { ordered, waiting };
}

/** Clock, then writer, then number. */
export function compareEvents(a: IncidentEvent, b: IncidentEvent): number {
  const clockA = a.hlc ?? '';
  const clockB = b.hlc ?? '';
  if (clockA !== clockB) return clockA < clockB ? -1 : 1;
  const writerA = writerOf(a);
  const writerB = writerOf(b);
  if (writerA !== writerB) return writerA < writerB ? -1 : 1;
  return a.seq - b.seq;
}
