import { create } from 'zustand';
import type { Clock } from '../../../shared/incident/event-stamp';
import { stampEvents, type Writer } from '../../../shared/incident/event-stamp';
import type { EventBody, IncidentEvent, Milestone } from '../../../shared/incident/incident-events';
import { applyEvent, lastSeqOf, replay, type IncidentState, type Stamp } from '../../../shared/incident/incident-state';
import { mergeReceived, type ReceivedMerge } from '../../../shared/incident/record-merge';
import { canonicalEvent, compareRecords, readJournal } from '../../../shared/incident/journal';
import { mergeJournal, type JournalMerge } from '../../../shared/incident/journal-merge';
import { withNamedValue } from '../../../shared/library/placeholders';
import { appendToJournal, journalAvailable, listJournalFiles, readJournalFile } from './journal';
import { appDatabase } from '../../app/services/app-services';
import type { IncidentSummaryRecord } from '../../app/services/database';
import { appendEvents, listIncidents, readCurrentIncident, readWholeRecord, readIncidentEvents, readResponderName, storePeerEvents, readWriterId, summaryOf, writeCurrentIncident } from './incident-record';

/** What the journal file says about an incident, beside the database. */
export type JournalCheck =
  | { kind: 'agree' }
  | { kind: 'differ'; difference: string; journalAhead: boolean }
  | { kind: 'none'; reason: string };

/** What a rebuild from the journal file would do, shown to the responder before anything changes. */
export interface RebuildPreview {
  incidentId: string;
  /** The file as read: the rebuild adds from this text, not from a later one. */
  journalText: string;
  /** How many events the database held when this was worked out. */
  held: number;
  merge: JournalMerge;
}

export interface LoadedIncident {
  state: IncidentState;
  /** Every writer's events (this machine's read as its writer's), in the order received. */
  events: IncidentEvent[];
  journal?: JournalCheck;
}

/** What receiving other writers' events did to one incident. */
export interface Received extends ReceivedMerge {
  incidentId: string;
  /** Whether the incident was new to this machine (joined). */
  joined: boolean;
}

interface IncidentStore {
  ready: boolean;
  /** This machine and profile as a writer, with the responder's name from Settings. */
  writer: Writer;
  list: IncidentSummaryRecord[];
  currentId?: string;
  loaded: Record<string, LoadedIncident>;
  /** Secret parameter values by run: in this window's memory only, asked again after a relaunch. */
  secrets: Record<string, Record<string, string>>;
  /** Why the last action could not be recorded; nothing was shown as done. */
  problem?: string;
  /** A milestone key pressed again on the incident's page: its time is to be corrected there (Milestones opens the field). */
  correctionAsked?: { incidentId: string; milestone: Milestone };
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
  /**
   * Takes in other writers' events of one incident (a shared repository, folder or bundle): only
   * what this machine lacks is added, in one durable write, and the record replayed in its order.
   */
  receive(incidentId: string, events: readonly unknown[]): Promise<Received>;
  /** The name put on this machine's next events (Settings' responder name). */
  setWriterName(name: string | undefined): void;
  setSecret(runId: string, name: string, value: string): void;
  /** A rebuild waiting for the responder's answer: what the journal would add, and the lines refused. */
  rebuild?: RebuildPreview;
  /** Works out what rebuilding from the journal file would add and asks (`rebuild`); changes nothing. */
  askRebuild(id: string): Promise<void>;
  /** Adds what the responder was shown; the database's events are all kept. */
  confirmRebuild(): Promise<void>;
  cancelRebuild(): void;
  dismissProblem(): void;
}

/** This app session: monotonic times compare only within it. */
const SESSION = crypto.randomUUID();
const CLOCK: Clock = { now: () => ({ at: Date.now(), mono: performance.now() }) };

/** Now, as an event would be stamped: durations to it use this session's monotonic clock. */
/** The current incident while it is open (loaded, not resolved): what a sync or a call is recorded into. A selector of the store. */
export function openCurrentIncident(state: Pick<IncidentStore, 'currentId' | 'loaded'>): IncidentState | undefined {
  const incident = state.currentId ? state.loaded[state.currentId]?.state : undefined;
  return incident && incident.status !== 'resolved' ? incident : undefined;
}

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
  const withSummary = (state: IncidentState, ownWriter = get().writer.id) => {
    const summary = summaryOf(state, ownWriter);
    const others = get().list.filter((item) => item.id !== state.id);
    return [summary, ...others].sort((a, b) => b.declaredAt - a.declaredAt);
  };
  // This profile's writer id, read (or made) once. Every event is stamped with it, so nothing is
  // stamped before it is known: a responder may declare before the store's init has finished, and
  // an event stamped with no writer would take the number of the next one stamped with it.
  let writerRead: Promise<string> | undefined;
  const ownWriter = async (): Promise<Writer> => {
    const id = await (writerRead ??= readWriterId(appDatabase()));
    if (get().writer.id !== id) set({ writer: { ...get().writer, id } });
    return get().writer;
  };
  const keep = (loaded: LoadedIncident) => set({ loaded: { ...get().loaded, [loaded.state.id]: loaded }, list: withSummary(loaded.state) });

  const checkJournal = async (id: string, events: IncidentEvent[]): Promise<JournalCheck> => {
    if (!journalAvailable()) return { kind: 'none', reason: 'In the browser there is no journal file: the record is kept in this browser’s storage only.' };
    const own = get().writer.id;
    const file = await readJournalFile(id);
    // A journal holds this machine's own events: an incident joined from others has none until it writes one.
    if (!file.ok && file.missing && !events.some((event) => event.writer === own)) return { kind: 'none', reason: 'This machine has recorded nothing in this incident yet: its journal file starts with its first event.' };
    if (!file.ok) return { kind: 'none', reason: file.missing ? 'There is no journal file for this incident.' : `The journal file cannot be read: ${file.reason}.` };
    const agreement = compareRecords(events.filter((event) => event.writer === own), readJournal(file.text).events);
    return agreement.agree ? { kind: 'agree' } : { kind: 'differ', difference: agreement.difference, journalAhead: agreement.journalAhead };
  };

  return {
    ready: false,
    // Until the profile's writer id is read (ownWriter): every write waits for it.
    writer: { id: '' },
    list: [],
    loaded: {},
    secrets: {},
    orphanJournals: [],
    async init() {
      const db = appDatabase();
      const [list, currentId, journals, writer, name] = await Promise.all([listIncidents(db), readCurrentIncident(db), listJournalFiles(), ownWriter(), readResponderName(db)]);
      // A name set in Settings meanwhile is newer than the one read here.
      set({ list, writer: { id: writer.id, ...(name && { name }), ...(get().writer.name && { name: get().writer.name }) }, orphanJournals: journals.filter((id) => !list.some((item) => item.id === id)) });
      const current = currentId && list.some((item) => item.id === currentId) ? currentId : undefined;
      if (current) await get().open(current);
      set({ ready: true, currentId: current });
    },
    async open(id) {
      const already = get().loaded[id];
      if (already) return already;
      const started = performance.now();
      const events = await readWholeRecord(appDatabase(), id, (await ownWriter()).id);
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
      const writer = await ownWriter();
      const events = stampEvents(id, writer, { lastSeq: 0 }, SESSION, CLOCK, [{ type: 'incident-declared', title, severity }]);
      const applied = applyEvent(undefined, events[0]);
      if (!applied.ok) {
        set({ problem: applied.error.message });
        return undefined;
      }
      try {
        await appendEvents(appDatabase(), events, applied.state, writer.id);
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
        const writer = await ownWriter();
        const place = { lastSeq: lastSeqOf(loaded.state, writer.id), latestClock: loaded.state.clock };
        const events = stampEvents(incidentId, writer, place, SESSION, CLOCK, typeof bodies === 'function' ? bodies(loaded.state) : bodies);
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
          await appendEvents(appDatabase(), events, state, writer.id);
        } catch (error) {
          set({ problem: `Not recorded: the database refused the write (${message(error)}). Try again; nothing was shown as done.` });
          return false;
        }
        performance.mark('failsafe:event-durable');
        keep({ ...loaded, state, events: [...loaded.events, ...events] });
        if (get().problem) set({ problem: undefined });
        void appendToJournal(incidentId, events).then((problem) => {
          if (problem) return set({ journalProblem: `The journal file was not written: ${problem}. The record is safe in the app’s database.` });
          // The first event of a joined incident starts its journal, written as the record is (as
          // when declaring); the next time the incident is opened, the file is read and compared.
          const latest = get().loaded[incidentId];
          if (latest?.journal?.kind === 'none' && journalAvailable()) set({ loaded: { ...get().loaded, [incidentId]: { ...latest, journal: { kind: 'agree' } } } });
        });
        return true;
      });
    },
    receive(incidentId, incoming) {
      return queued(incidentId, async () => {
        const db = appDatabase();
        const own = (await ownWriter()).id;
        const held = get().loaded[incidentId]?.events ?? (await readWholeRecord(db, incidentId, own));
        const merge = mergeReceived(held, incoming.filter((event) => (event as { incidentId?: unknown } | null)?.incidentId === incidentId), own);
        const received: Received = { incidentId, joined: !held.length && merge.added.length > 0, ...merge };
        if (!merge.added.length) return received;
        const events = [...held, ...merge.added];
        const replayed = replay(events);
        // Kept even when the record has no declaration yet (it is on its way): shown once it has one.
        if (!replayed.ok) {
          await storePeerEvents(db, merge.added);
          return received;
        }
        await appendEvents(db, merge.added, replayed.state, own, true);
        const before = get().loaded[incidentId];
        if (before) keep({ ...before, state: replayed.state, events });
        else set({ list: withSummary(replayed.state, own) });
        return received;
      });
    },
    setWriterName(name) {
      const { id } = get().writer;
      set({ writer: { id, ...(name?.trim() && { name: name.trim() }) } });
    },
    setSecret(runId, name, value) {
      set({ secrets: { ...get().secrets, [runId]: withNamedValue(get().secrets[runId] ?? {}, name, value) } });
    },
    async askRebuild(id) {
      const asked = await preview(id);
      if (asked) set({ rebuild: asked, problem: undefined });
    },
    confirmRebuild() {
      const asked = get().rebuild;
      return asked ? queued(asked.incidentId, () => rebuild(asked)) : Promise.resolve();
    },
    cancelRebuild() {
      set({ rebuild: undefined });
    },
    dismissProblem() {
      set({ problem: undefined, journalProblem: undefined });
    },
  };

  /** Reads the journal file and works out what a rebuild would add: nothing is written until the responder agrees. */
  async function preview(id: string): Promise<RebuildPreview | undefined> {
    const file = await readJournalFile(id);
    if (!file.ok) {
      set({ problem: `The incident cannot be rebuilt: ${file.reason}.` });
      return undefined;
    }
    const held = await readIncidentEvents(appDatabase(), id);
    const merged = mergeJournal(id, held, file.text);
    if (!merged.ok) {
      set({ problem: `The incident cannot be rebuilt: ${merged.reason}.` });
      return undefined;
    }
    return { incidentId: id, journalText: file.text, held: held.length, merge: merged.merge };
  }

  async function rebuild(asked: RebuildPreview): Promise<void> {
    const id = asked.incidentId;
    // The record may have grown while the responder read the confirmation: merge again, and add only what they saw.
    const held = await readIncidentEvents(appDatabase(), id);
    const merged = mergeJournal(id, held, asked.journalText);
    if (!merged.ok || !sameEvents(merged.merge.added, asked.merge.added)) {
      set({ rebuild: undefined, problem: 'The incident changed while the rebuild was being confirmed: nothing was added. Ask for the rebuild again to see what it would add now.' });
      return;
    }
    const { added } = merged.merge;
    const own = get().writer.id;
    const events = [...(await readWholeRecord(appDatabase(), id, own)), ...added.map((event) => (event.writer === undefined ? { ...event, writer: own } : event))];
    const replayed = replay(events);
    if (!replayed.ok) {
      set({ rebuild: undefined, problem: `The rebuild was not saved: ${replayed.error.message}. Nothing was changed.` });
      return;
    }
    const { state } = replayed;
    try {
      if (added.length) await appendEvents(appDatabase(), added, state, own);
    } catch (error) {
      set({ rebuild: undefined, problem: `The rebuild was not saved: the database refused the write (${message(error)}). Nothing was changed.` });
      return;
    }
    const before = get().loaded[id];
    keep({ ...before, state, events, journal: await checkJournal(id, events) });
    set({ rebuild: undefined, orphanJournals: get().orphanJournals.filter((orphan) => orphan !== id), problem: undefined });
  }
});

const sameEvents = (a: readonly IncidentEvent[], b: readonly IncidentEvent[]) => a.length === b.length && a.every((event, index) => canonicalEvent(event) === canonicalEvent(b[index]));
