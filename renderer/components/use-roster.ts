import { useMemo } from 'react';
import { applyOverrides, type RosterEntry } from '../../shared/oncall/contact-overrides';
import { useLibraryStore } from '../stores/library-store';
import { useOnCallStore } from '../stores/oncall-store';

/** Today as YYYY-MM-DD on this machine: an override's end date is the responder's own day. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The roster as this machine shows it: the library's contacts with the active local overrides. */
export function useRoster(): RosterEntry[] {
  const contacts = useLibraryStore((state) => state.contacts);
  const overrides = useOnCallStore((state) => state.overrides);
  const today = localToday();
  return useMemo(() => applyOverrides(contacts, overrides, today), [contacts, overrides, today]);
}
