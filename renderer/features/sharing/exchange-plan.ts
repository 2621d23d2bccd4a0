import type { IncidentEvent } from '../../../shared/incident/incident-events';
import { orderRecord } from '../../../shared/incident/record-order';
import { receivedEventProblem, type RefusedEvent } from '../../../shared/incident/record-merge';
import type { ShareRefusal, ShareSettings } from '../../../shared/sharing/share-contract';

// The pure parts of an exchange: which incidents go out, what of them, and how the answers read.

/** Names the shared place: events confirmed shared to one place are not shared to another. */
export function placeOf(settings: Pick<ShareSettings, 'mode' | 'url' | 'branch' | 'folder'>, libraryUrl: string): string {
  if (settings.mode === 'folder') return `folder ${settings.folder}`;
  if (settings.mode === 'git') return `git ${settings.url || libraryUrl} ${settings.branch}`;
  return 'off';
}

/** How many of this machine's events of an incident the others have not got yet. */
export const unsharedCount = (ownLastSeq: number, sharedSeq: number | undefined): number => Math.max(0, ownLastSeq - (sharedSeq ?? 0));

/** The incidents with own events past what was confirmed shared, in the order given. */
export function unsharedIncidents(ownLastSeqs: ReadonlyMap<string, number>, shared: Readonly<Record<string, number>>): string[] {
  return [...ownLastSeqs].filter(([incidentId, last]) => unsharedCount(last, shared[incidentId]) > 0).map(([incidentId]) => incidentId);
}

export type Outgoing = { ok: true; events: IncidentEvent[] } | { ok: false; reason: string };

/**
 * This writer's whole list of an incident, as it goes out: numbered from 1 without a gap, each
 * event its writer's and with its clock. Events recorded before writers existed are read as this
 * writer's, with the clocks the record derives for them (record-order.ts), so every machine orders
 * them as this one does.
 */
export function outgoingEvents(events: readonly IncidentEvent[], writer: string): Outgoing {
  const { ordered, waiting } = orderRecord(events.map((event) => (event.writer === undefined ? { ...event, writer } : event)));
  if (waiting.length) return { ok: false, reason: `event ${waiting[0].seq - 1} is missing from this machine’s record` };
  const own = [...ordered].sort((a, b) => a.seq - b.seq);
  for (const event of own) {
    const problem = receivedEventProblem(event);
    if (problem) return { ok: false, reason: `event ${event.seq} cannot be shared: ${problem}` };
  }
  return { ok: true, events: own };
}

/** An event this machine would not take in, said as a line of the shared place. */
export function refusalOf(incidentId: string, refused: RefusedEvent): ShareRefusal {
  return { path: `incidents/${incidentId}/${refused.writer}.jsonl`, reason: `event ${refused.seq}: ${refused.reason}` };
}
