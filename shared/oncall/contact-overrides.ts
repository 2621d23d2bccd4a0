// A responder's own changes to the roster, on their machine only: a changed contact or this week's
// on-call person added, with a reason and an optional end date. Never written into the library.
import type { Contact } from '../model';

export interface ContactOverride {
  id: string;
  /** `change`: replaces the library's contact of the same id; `add`: a person the library lacks. */
  kind: 'change' | 'add';
  contact: Contact;
  reason: string;
  /** The last day it applies (YYYY-MM-DD, the responder's own date); absent: until removed. */
  until?: string;
  createdAt: string;
}

export interface RosterEntry extends Contact {
  /** Set when the entry is a local override: why, and until when. */
  local?: { overrideId: string; reason: string; until?: string; kind: ContactOverride['kind'] };
}

/** Whether an override still applies on `today` (YYYY-MM-DD). */
export function overrideActive(override: ContactOverride, today: string): boolean {
  return !override.until || override.until >= today;
}

/** The roster as this machine shows it: the library's contacts with the active overrides applied, by escalation order. */
export function applyOverrides(contacts: readonly Contact[], overrides: readonly ContactOverride[], today: string): RosterEntry[] {
  const active = overrides.filter((override) => overrideActive(override, today));
  const entries: RosterEntry[] = contacts.map((contact) => {
    const change = active.filter((override) => override.kind === 'change' && override.contact.id === contact.id).at(-1);
    return change ? { ...change.contact, local: { overrideId: change.id, reason: change.reason, until: change.until, kind: 'change' } } : { ...contact };
  });
  // A change whose contact left the library still shows: the responder meant that person.
  const orphaned = active.filter((override) => override.kind === 'change' && !contacts.some((contact) => contact.id === override.contact.id));
  for (const override of [...active.filter((item) => item.kind === 'add'), ...orphaned]) {
    entries.push({ ...override.contact, local: { overrideId: override.id, reason: override.reason, until: override.until, kind: override.kind } });
  }
  return entries.sort((a, b) => a.escalationOrder - b.escalationOrder || a.name.localeCompare(b.name));
}

/** Why an override cannot be saved, in words for the form; undefined when it can. */
export function overrideProblem(override: Pick<ContactOverride, 'contact' | 'reason' | 'until'>, today: string): string | undefined {
  if (!override.contact.name.trim()) return 'Give the person a name.';
  if (!override.contact.phone?.trim() && !override.contact.email?.trim() && !override.contact.chat?.trim()) return 'Give at least one way to reach them: a phone, an email or a chat handle.';
  if (!override.reason.trim()) return 'Say why (it shows beside the contact, for the next responder).';
  if (override.until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(override.until)) return 'The end date is a date: 2026-12-01.';
  if (override.until !== undefined && override.until < today) return 'The end date is in the past.';
  return undefined;
}
