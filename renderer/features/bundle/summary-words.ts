import type { RefusedEvent } from '../../../shared/incident/record-merge';
import { formatUtc } from '../../../shared/incident/time-format';
import { writerName } from '../../../shared/incident/writers';
import type { BundleHeader } from '../../../shared/sharing/incident-bundle';
import type { IncidentImport } from './bundle-store';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What a bundle says of itself: when and by whom it was made, and what it holds. */
export function headerWords(header: BundleHeader): string {
  const made = Date.parse(header.exportedAt);
  return `Made ${Number.isFinite(made) ? formatUtc(made) : 'at an unknown time'}${header.by ? ` by ${header.by}` : ''}: ${count(header.incidents, 'incident')}, ${count(header.events, 'event')}.`;
}

/** One line for one incident of an import, in the words a responder checks at a glance. */
export function incidentImportWords(result: IncidentImport): string {
  if (result.failed) return `Nothing was saved: ${result.failed}. Import the file again.`;
  const parts: string[] = [];
  if (result.joined && result.title) parts.push('Joined: new to this machine, now in Incidents.');
  if (result.added && !result.title) parts.push(`${count(result.added, 'event')} kept, not shown yet: the incident’s declaration has not reached this machine.`);
  else if (result.added) parts.push(`${count(result.added, 'new event')}.`);
  if (result.alreadyHeld) parts.push(result.added ? `${count(result.alreadyHeld, 'event was', 'events were')} already here.` : `Nothing new: ${result.alreadyHeld === 1 ? 'its one event was' : `all ${result.alreadyHeld.toLocaleString('en')} events were`} already here.`);
  if (result.refused.length) parts.push(`${count(result.refused.length, 'event')} refused.`);
  return parts.join(' ') || 'Nothing in it could be used.';
}

/** Why one event was not taken in, naming whose it claimed to be. */
export function refusalWords(refusal: RefusedEvent): string {
  const who = refusal.writer === '?' ? 'an unknown writer' : writerName({ id: refusal.writer });
  return `${refusal.seq > 0 ? `Event ${refusal.seq}` : 'An event'} of ${who}: ${refusal.reason}.`;
}
