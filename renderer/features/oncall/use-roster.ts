import { useMemo } from 'react';
import { applyOverrides, type RosterEntry } from '../../../shared/oncall/contact-overrides';
import { useLibraryStore } from '../library';
import { localToday } from '../../ui/local-today';
import { useOnCallStore } from './oncall-store';


/** The roster as this machine shows it: the library's contacts with the active local overrides. */
export function useRoster(): RosterEntry[] {
  const contacts = useLibraryStore((state) => state.contacts);
  const overrides = useOnCallStore((state) => state.overrides);
  const today = localToday();
  return useMemo(() => applyOverrides(contacts, overrides, today), [contacts, overrides, today]);
}
