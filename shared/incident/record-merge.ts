// Taking in other writers' events (from a shared repository, a shared folder or a bundle file).
// The record only grows: an event this machine holds is never replaced, whatever arrives; a second,
// different event under a number already held is refused and listed; this machine's own events come
// only from itself. What is added is then replayed with the rest in the one order (record-order.ts).
import { isClockText, WRITER_ID } from './hybrid-clock';
import type { IncidentEvent } from './incident-events';
import { canonicalEvent, eventProblem } from './journal';
import { writerOf } from './record-order';

export interface RefusedEvent {
  /** Who it claims to be from, and its number, as far as they can be read. */
  writer: string;
  seq: number;
  reason: string;
}

export interface ReceivedMerge {
  /** Events this machine did not hold, in the order received. */
  added: IncidentEvent[];
  /** Events it already held, word for word. */
  alreadyHeld: number;
  refused: RefusedEvent[];
}

const key = (event: IncidentEvent) => `${event.incidentId}\u0000${writerOf(event)}\u0000${event.seq}`;

/** Why a received event cannot be taken in, before it is compared with the record. */
export function receivedEventProblem(value: unknown): string | undefined {
  const problem = eventProblem(value);
  if (problem) return problem;
  const event = value as IncidentEvent;
  if (typeof event.writer !== 'string' || !WRITER_ID.test(event.writer)) return 'it names no writer';
  if (!isClockText(event.hlc)) return 'it has no clock';
  if (!Number.isInteger(event.seq) || event.seq < 1) return `${event.seq} is not an event number`;
  return undefined;
}

/** What receiving `incoming` adds to the record `held` (every writer's events of these incidents). Pure. */
export function mergeReceived(held: readonly IncidentEvent[], incoming: readonly unknown[], ownWriter: string): ReceivedMerge {
  // An event's canonical text (its keys sorted, deep) is costly: it is made only for the events
  // whose writer and number are already held, which are the only ones compared.
  const known = new Map<string, { event: IncidentEvent; text?: string }>(held.map((event) => [key(event), { event }]));
  const textOf = (entry: { event: IncidentEvent; text?: string }) => (entry.text ??= canonicalEvent(entry.event));
  const added: IncidentEvent[] = [];
  const refused: RefusedEvent[] = [];
  let alreadyHeld = 0;
  for (const value of incoming) {
    const problem = receivedEventProblem(value);
    const claimed = value as Partial<IncidentEvent> | null;
    const claim = { writer: typeof claimed?.writer === 'string' ? claimed.writer.slice(0, 64) : '?', seq: typeof claimed?.seq === 'number' ? claimed.seq : 0 };
    if (problem) {
      refused.push({ ...claim, reason: problem });
      continue;
    }
    const event = value as IncidentEvent;
    const same = known.get(key(event));
    // An event recorded before clocks existed comes back (in a bundle) with the clock replay gave it: the same event.
    if (same !== undefined && textOf(same) === canonicalEvent(same.event.hlc === undefined ? { ...event, hlc: undefined } : event)) {
      alreadyHeld++;
      continue;
    }
    if (same !== undefined) {
      refused.push({ ...claim, reason: `event ${event.seq} of ${event.writer} differs from the one this machine holds, which is kept` });
      continue;
    }
    if (event.writer === ownWriter) {
      refused.push({ ...claim, reason: 'it claims to be this machine’s own, which only this machine writes' });
      continue;
    }
    known.set(key(event), { event });
    added.push(event);
  }
  return { added, alreadyHeld, refused };
}
