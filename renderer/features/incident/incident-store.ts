import { create } from 'zustand';
import type { Clock } from '../../../shared/incident/event-stamp';
import { stampEvents } from '../../../shared/incident/event-stamp';
import type { EventBody, IncidentEvent } from '../../../shared/incident/incident-events';
import { applyEvent, replay, type IncidentState, type Stamp } from '../../../shared/incident/incident-state';
import { compareRecords, readJournal } from '../../../shared/incident/journal';
import { appendToJournal, journalAvailable, listJournalFiles, readJournalFile } from './journal';
import { appDatabase } from '../../app/services/app-services';
import type { IncidentSummaryRecord } from '../../app/services/database';
import { appendEvents, listIncidents, readCurrentIncident, readIncidentEvents, replaceIncident, summaryOf, writeCurrentIncident } from './incident-record';

/** What the journal file says about an incident, beside the database. */
export type JournalCheck =
  | { kind: 'agree' }
  | { kind: 'differ'; difference: string; journalAhead: boolean }
  | { kind: 'none'; reason: string };

export interface LoadedIncident {
  state: IncidentState;
  events: IncidentEvent[];
  journal?: JournalCheck;
}

interface IncidentStore {
  ready: boolean;
  list: IncidentSummaryRecord[];
  currentId?: string;
  loaded: Record<string, LoadedIncident>;
  /** Secret parameter values by run: in this window's memory only, asked again after a relaunch. */
  secrets: Record<string, Record<string, string>>;
  /** Why the last action could not be recorded; nothing was shown as done. */
  problem?: string;
  /** Why the journal file could not be written; the record is safe in the database. */
  journalProblem?: string;
  /** Journal files of incidents this app's database does not have (a damaged or new profile). */
  orphanJournals: string[];
  init(): Promise<void>;
  open(id: string): Promise<LoadedIncident | undefined>;
  setCurrent(id: string | undefined): Promise<void>;
  /** Declares an incident; it becomes the current one unless `keepCurrent` (another is open and stays current). */
  declare(title: string, severity: string, options?: { keepCurrent?: boolean }): Promise<string | undefined>;
  /**
   * Appends events; resolves true once they are durable and shown, false when refused or unwritten.
   * Given a function, it is asked for the events once the writes before it are done, with the state
   * they left: keys pressed faster than the disk writes still each act on the step then current.
   */
  record(incidentId: string, bodies: EventBody[] | ((state: IncidentState) => EventBody[])): Promise<boolean>;
  setSecret(runId: string, name: string, value: string): void;
  rebuildFromJournal(id: string): Promise<void>;
  dismissProblem(): void;
}

/** This app session: monotonic times compare only within it. */
const SESSION = crypto.randomUUID();
const CLOCK: Clock = { now: () => ({ at: Date.now(), mono: performance.now() }) };

/** Now, as an event would be stamped: durations to it use this session's monotonic clock. */
export function nowStamp(): Stamp {
  return { ...CLOCK.now(), session: SESSION };
}

// One write at a time per incident, in the order asked: each event's number follows the last.
const queues = new Map<string, Promise<unknown>>();
function queued<T>(incidentId: string, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(incidentId) ?? Promise.resolve()).then(work, work);
  queues.set(incidentId, next);
  return next;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useIncidentStore = create<IncidentStore>((set, get) => {
  const withSummary = (state: IncidentState) => {
    const summary = summaryOf(state);
    const others = get().list.filter((item) => item.id !== state.id);
    return [summary, ...others].sort((a, b) => b.declaredAt - a.declaredAt);
  };
  const keep = (loaded: LoadedIncident) => set({ loaded: { ...get().loaded, [loaded.state.id]: loaded }, list: withSummary(loaded.state) });

  const checkJournal = async (id: string, events: IncidentEvent[]): Promise<JournalCheck> => {
    if (!journalAvailable()) return { kind: 'none', reason: 'In the browser there is no journal file: the record is kept in this browser’s storage only.' };
    const file = await readJournalFile(id);
    if (!file.ok) return { kind: 'none', reason: file.missing ? 'There is no journal file for this incident.' : `The journal file cannot be read: ${file.reason}.` };
    const agreement = compareRecords(events, readJournal(file.text).events);
    return agreement.agree ? { kind: 'agree' } : { kind: 'differ', difference: agreement.difference, journalAhead: agreement.journalAhead };
  };

  return {
    ready: false,
    list: [],
    loaded: {},
    secrets: {},
    orphanJournals: [],
    async init() {
      const db = appDatabase();
      const [list, currentId, journals] = await Promise.all([listIncidents(db), readCurrentIncident(db), listJournalFiles()]);
      set({ list, orphanJournals: journals.filter((id) => !list.some((item) => item.id === id)) });
      const current = currentId && list.some((item) => item.id === currentId) ? currentId : undefined;
      if (current) await get().open(current);
      set({ ready: true, currentId: current });
    },
    async open(id) {
      const already = get().loaded[id];
      if (already) return already;
      const started = performance.now();
      const events = await readIncidentEvents(appDatabase(), id);
      const replayed = replay(events);
      if (!replayed.ok) {
        set({ problem: `The record of incident ${id} cannot be read: ${replayed.error.message}.` });
        return undefined;
      }
      const loaded: LoadedIncident = { state: replayed.state, events };
      keep(loaded);
      performance.measure('failsafe:incident-restored', { start: started });
      void checkJournal(id, events).then((journal) => {
        const latest = get().loaded[id];
        if (latest) set({ loaded: { ...get().loaded, [id]: { ...latest, journal } } });
      });
      return loaded;
    },
    async setCurrent(id) {
      await writeCurrentIncident(appDatabase(), id);
      if (id) await get().open(id);
      set({ currentId: id });
    },
    async declare(title, severity, options) {
      const keepCurrent = options?.keepCurrent && get().currentId !== undefined;
      const id = `inc-${crypto.randomUUID()}`;
      const events = stampEvents(id, 0, SESSION, CLOCK, [{ type: 'incident-declared', title, severity }]);
      const applied = applyEvent(undefined, events[0]);
      if (!applied.ok) {
        set({ problem: applied.error.message });
        return undefined;
      }
      try {
        await appendEvents(appDatabase(), events, applied.state);
        if (!keepCurrent) await writeCurrentIncident(appDatabase(), id);
      } catch (error) {
        set({ problem: `The incident could not be saved: ${message(error)}. Nothing was recorded.` });
        return undefined;
      }
      keep({ state: applied.state, events, journal: journalAvailable() ? { kind: 'agree' } : { kind: 'none', reason: 'In the browser there is no journal file: the record is kept in this browser’s storage only.' } });
      set({ currentId: keepCurrent ? get().currentId : id, problem: undefined });
      void appendToJournal(id, events).then((problem) => problem && set({ journalProblem: problem }));
      return id;
    },
    record(incidentId, bodies) {
      return queued(incidentId, async () => {
        const loaded = get().loaded[incidentId];
        if (!loaded) {
          set({ problem: 'That incident is not open.' });
          return false;
        }
        const events = stampEvents(incidentId, loaded.state.lastSeq, SESSION, CLOCK, typeof bodies === 'function' ? bodies(loaded.state) : bodies);
        if (!events.length) return true;
        let state = loaded.state;
        for (const event of events) {
          const applied = applyEvent(state, event);
          if (!applied.ok) {
            set({ problem: `Not recorded: ${applied.error.message}.` });
            return false;
          }
          state = applied.state;
        }
        try {
          // Durable before it is shown: the screen changes only after this resolves.
          await appendEvents(appDatabase(), events, state);
        } catch (error) {
          set({ problem: `Not recorded: the database refused the write (${message(error)}). Try again; nothing was shown as done.` });
          return false;
        }
        performance.mark('failsafe:event-durable');
        keep({ ...loaded, state, events: [...loaded.events, ...events] });
        if (get().problem) set({ problem: undefined });
        void appendToJournal(incidentId, events).then((problem) => problem && set({ journalProblem: `The journal file was not written: ${problem}. The record is safe in the app’s database.` }));
        return true;
      });
    },
    setSecret(runId, name, value) {
      set({ secrets: { ...get().secrets, [runId]: { ...get().secrets[runId], [name]: value } } });
    },
    rebuildFromJournal(id) {
      return queued(id, () => rebuild(id));
    },
    dismissProblem() {
      set({ problem: undefined, journalProblem: undefined });
    },
  };

  async function rebuild(id: string): Promise<void> {
      const file = await readJournalFile(id);
      if (!file.ok) {
        set({ problem: `The incident cannot be rebuilt: ${file.reason}.` });
        return;
      }
      const read = readJournal(file.text);
      // The longest run of events that makes sense from the start: a line cut off by a crash ends it.
      const kept: IncidentEvent[] = [];
      let state: IncidentState | undefined;
      for (const event of [...read.events].sort((a, b) => a.seq - b.seq)) {
        const applied = applyEvent(state, event);
        if (!applied.ok) break;
        state = applied.state;
        kept.push(event);
      }
      if (!state) {
        set({ problem: `The journal file of ${id} holds no readable incident.` });
        return;
      }
      await replaceIncident(appDatabase(), kept, state);
      const left = read.events.length - kept.length + read.problems.length;
      keep({ state, events: kept, journal: left ? { kind: 'differ', difference: `${left} line${left === 1 ? '' : 's'} of the journal file could not be used`, journalAhead: false } : { kind: 'agree' } });
      set({ orphanJournals: get().orphanJournals.filter((orphan) => orphan !== id), problem: undefined });
  }
});
