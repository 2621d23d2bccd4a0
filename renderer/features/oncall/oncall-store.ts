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
  /**
   * Picks a person to call from elsewhere (the palette, which copies their phone): the filter is
   * cleared, so the screen shows and highlights them, and puts the focus on how the call went
   * (`calling`, until the screen has done so).
   */
  pick(id: string): void;
  calling?: string;
  /** The screen has acted on `calling`. */
  called(): void;
  /** What the last copy did, said on the screen. */
  copied?: string;
  /** Copies a phone or email, saying so (or that there is none on record, or that the copy failed). */
  copy(label: string, value: string | undefined): Promise<void>;
  /** Records a call or message to a person as an event of the current incident. */
  attempt(contact: { id: string; name: string; role?: string }, outcome: AttemptOutcome): Promise<boolean>;
}

/** How a call went, in the words the page uses. */
export const ATTEMPT_WORDS: Record<AttemptOutcome, string> = { reached: 'reached', 'no-answer': 'no answer', 'left-message': 'left a message' };

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
    set({ selectedId: id, filter: '', calling: id });
  },
  async copy(label, value) {
    if (!value) {
      set({ copied: `${label}: none on record` });
      return;
    }
    try {
      await navigator.clipboard.writeText(value);
      set({ copied: `Copied ${label}: ${value}` });
    } catch {
      set({ copied: `Copy failed: ${value}` });
    }
  },
  called() {
    set({ calling: undefined });
  },
  async attempt(contact, outcome) {
    const { currentId, record } = useIncidentStore.getState();
    if (!currentId) return false;
    const ok = await record(currentId, [{ type: 'contact-attempted', contactId: contact.id, name: contact.name, ...(contact.role ? { role: contact.role } : {}), outcome }]);
    // Said where the buttons are: the timeline that holds it is on another page.
    set({ copied: ok ? `Recorded in the incident: ${contact.name}, ${ATTEMPT_WORDS[outcome]}.` : `Not recorded: ${useIncidentStore.getState().problem ?? 'the incident could not be written'}.` });
    return ok;
  },
}));
