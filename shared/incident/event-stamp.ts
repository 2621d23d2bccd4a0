import { tickClock } from './hybrid-clock';
import type { EventBody, IncidentEvent } from './incident-events';

/** The two clocks an event is stamped with: the wall clock and the session's monotonic one. */
export interface Clock {
  now(): { at: number; mono: number };
}

/** Who is writing: this machine and profile, and the responder's name from Settings. */
export interface Writer {
  id: string;
  name?: string;
}

/** Where the writer's events stand in an incident: its last number, and the latest clock in the record. */
export interface WriterPlace {
  lastSeq: number;
  latestClock?: string;
}

/**
 * The writer's next events in an incident, numbered after its last one, all stamped with the same
 * moment, each clock one tick past the one before (and past every clock in the record).
 */
export function stampEvents(incidentId: string, writer: Writer, place: WriterPlace, session: string, clock: Clock, bodies: readonly EventBody[]): IncidentEvent[] {
  const { at, mono } = clock.now();
  let hlc = place.latestClock;
  return bodies.map((body, index) => {
    hlc = tickClock(hlc, at);
    return { ...body, incidentId, seq: place.lastSeq + index + 1, at, mono, session, writer: writer.id, hlc, ...(writer.name && { by: writer.name }) } as IncidentEvent;
  });
}
