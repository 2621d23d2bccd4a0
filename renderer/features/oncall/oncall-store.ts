import { create } from 'zustand';
import type { AttemptOutcome } from '../../../shared/incident/incident-events';
import type { ContactOverride } from '../../../shared/oncall/contact-overrides';
import { appDatabase } from '../../app/services/app-services';
import { readOverrides, removeOverride, saveOverride } from './contact-overrides';
import { useIncidentStore } from '../incident';

interface OnCallState {
  overrides: ContactOverride[];
  loaded: boolean;
  /** The person picked on the on-call screen (the palette's "call the next person" picks one). */
  selectedId?: string;
  /** What is typed in the roster's filter: kept here so that picking a person can clear it. */
  filter: string;
  problem?: string;
  load(): Promise<void>;
  save(override: ContactOverride): Promise<boolean>;
  remove(id: string): Promise<void>;
  select(id: string | undefined): void;
  setFilter(filter: string): void;
  /** Picks a person to call from elsewhere (the palette): the filter is cleared, so the screen shows and highlights them. */
  pick(id: string): void;
  /** Records a call or message to a person as an event of the current incident. */
  attempt(contact: { id: string; name: string }, outcome: AttemptOutcome): Promise<boolean>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useOnCallStore = create<OnCallState>((set, get) => ({
  overrides: [],
  loaded: false,
  filter: '',
  async load() {
    set({ overrides: await readOverrides(appDatabase()), loaded: true });
  },
  async save(override) {
    try {
      await saveOverride(appDatabase(), override);
    } catch (error) {
      set({ problem: `The change was not saved: ${message(error)}.` });
      return false;
    }
    set({ overrides: [...get().overrides.filter((item) => item.id !== override.id), override], problem: undefined });
    return true;
  },
  async remove(id) {
    await removeOverride(appDatabase(), id);
    set({ overrides: get().overrides.filter((item) => item.id !== id) });
  },
  select(id) {
    set({ selectedId: id });
  },
  setFilter(filter) {
    set({ filter });
  },
  pick(id) {
    set({ selectedId: id, filter: '' });
  },
  async attempt(contact, outcome) {
    const { currentId, record } = useIncidentStore.getState();
    if (!currentId) return false;
    return record(currentId, [{ type: 'contact-attempted', contactId: contact.id, name: contact.name, outcome }]);
  },
}));
