import type { EventBody, IncidentEvent } from './incident-events';

/** The two clocks an event is stamped with: the wall clock and the session's monotonic one. */
export interface Clock {
  now(): { at: number; mono: number };
}

/** The next events of an incident, numbered after `lastSeq`, all stamped with the same moment. */
export function stampEvents(incidentId: string, lastSeq: number, session: string, clock: Clock, bodies: readonly EventBody[]): IncidentEvent[] {
  const { at, mono } = clock.now();
  return bodies.map((body, index) => ({ ...body, incidentId, seq: lastSeq + index + 1, at, mono, session }) as IncidentEvent);
}
