import { formatUtc } from '../../../shared/incident/time-format';

// What the Responders panel says about this machine's events: whether the others have them, in the
// words a responder reads at a glance.

export interface OwnShareFacts {
  /** Sharing here: the desktop side cannot (with its reason), it is off, or on. */
  sharing: { kind: 'unavailable'; reason: string } | { kind: 'off' } | { kind: 'on' };
  /** This machine's events in the incident, and how many of them the shared place has not confirmed. */
  own: number;
  unshared: number;
  /** Why this incident cannot go out at all. */
  unshareable?: string;
  offline?: string;
  lastExchangeAt?: string;
}

const events = (count: number) => `${count} ${count === 1 ? 'event' : 'events'}`;
const hoursMinutes = (iso: string) => formatUtc(Date.parse(iso)).slice(11, 16);

export function ownShareStatus(facts: OwnShareFacts): string {
  if (facts.sharing.kind === 'unavailable') return `Not shared. ${facts.sharing.reason}`;
  if (facts.sharing.kind === 'off') return 'Not shared (Settings › Incident sharing)';
  if (facts.unshareable) return `Not shared: ${facts.unshareable}.`;
  const waiting = facts.unshared > 0 ? `${events(facts.unshared)} not shared yet. ` : '';
  if (facts.offline) {
    // The desktop side's reason usually says already that nothing is lost; said once is enough.
    const reason = facts.offline.trim().replace(/\.+$/, '');
    return `${waiting}Offline: ${reason}.${/nothing is lost|wait/i.test(reason) ? '' : ' Your events wait and go out when a path returns.'}`;
  }
  if (facts.unshared > 0) return `${events(facts.unshared)} not shared yet`;
  if (facts.own === 0) return 'No events of yours yet';
  return facts.lastExchangeAt ? `All shared, ${hoursMinutes(facts.lastExchangeAt)} UTC` : 'All shared';
}
