import { create } from 'zustand';
import { lastSeqOf } from '../../../shared/incident/incident-state';
import type { ShareExchangeReply, ShareRefusal, ShareSettings, ShareSettingsView } from '../../../shared/sharing/share-contract';
import { desktopBridge } from '../../app/services/bridge';
import { appDatabase } from '../../app/services/app-services';
import { readIncidentEvents, readOwnLastSeq, readPeerPlaces, useIncidentStore } from '../incident';
import { checkExchangeReply } from './exchange-reply';
import { outgoingEvents, placeOf, refusalOf, unsharedIncidents } from './exchange-plan';
import { readSharedSeqs, writeSharedSeqs, type SharedSeqs } from './share-record';

interface ShareState {
  /** The desktop side can share incidents here (its settings were read). */
  available: boolean;
  /** Why not, in plain words, when it cannot. */
  unavailable?: string;
  settings?: ShareSettingsView;
  running: boolean;
  /** When the last exchange that reached the shared place ended (ISO). */
  lastExchangeAt?: string;
  /** Why the last exchange did not reach the shared place: this machine's events wait for the next. */
  offline?: string;
  /** Lines of the shared place not taken in, and why (a forged writer, a bad line, a file outside its folder). */
  refused: ShareRefusal[];
  /** Per incident, this machine's last event number confirmed in the shared place. */
  sharedSeq: SharedSeqs;
  /** Incidents that cannot go out, and why (recorded before incidents could be shared). */
  unshareable: Record<string, string>;
  init(): Promise<void>;
  /** Saves the settings through the desktop side; resolves with its reason when it refuses them. */
  saveSettings(settings: ShareSettings): Promise<string | undefined>;
  /** Sends this machine's unshared events and takes in everyone else's; resolves true when the shared place was reached. */
  exchangeNow(): Promise<boolean>;
  /** The library's repository changed in Settings: with an empty URL, incidents are shared through it. */
  libraryChanged(): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** At most this many refused lines are kept to show: a hostile place could offer thousands. */
const MAX_REFUSED = 200;

// This machine's last number in incidents not open in this window: they cannot grow without being
// opened (recording opens an incident), so each is read from the database once.
const ownOfClosed = new Map<string, number>();
let inFlight: Promise<boolean> | undefined;
let again = false;

async function ownLastSeqs(): Promise<Map<string, number>> {
  const { list, loaded, writer } = useIncidentStore.getState();
  const result = new Map<string, number>();
  await Promise.all(
    list.map(async ({ id }) => {
      const open = loaded[id];
      if (open) return result.set(id, lastSeqOf(open.state, writer.id));
      if (!ownOfClosed.has(id)) ownOfClosed.set(id, await readOwnLastSeq(appDatabase(), id));
      result.set(id, ownOfClosed.get(id)!);
    }),
  );
  return result;
}

function incidentsReady(): Promise<void> {
  if (useIncidentStore.getState().ready) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = useIncidentStore.subscribe((state) => {
      if (!state.ready) return;
      unsubscribe();
      resolve();
    });
  });
}

const withoutDuplicates = (refusals: ShareRefusal[]) => [...new Map(refusals.map((refusal) => [`${refusal.path}\u0000${refusal.line ?? ''}\u0000${refusal.reason}`, refusal])).values()].slice(0, MAX_REFUSED);

export const useShareStore = create<ShareState>((set, get) => {
  /** Events received but not taken in: they are not sent again (the record holds past them), so they stay listed. */
  let notTaken: ShareRefusal[] = [];

  /** New settings; when they name another shared place, what was known of the old one goes. */
  async function adopt(before: ShareSettingsView, settings: ShareSettingsView): Promise<void> {
    const place = placeOf(settings, settings.libraryUrl);
    const moved = place !== placeOf(before, before.libraryUrl);
    const sharedSeq = moved ? await readSharedSeqs(appDatabase(), place) : get().sharedSeq;
    // What was refused or unreachable was about the place left behind.
    if (moved) notTaken = [];
    set({ settings, sharedSeq, ...(moved && { offline: undefined, refused: [], lastExchangeAt: undefined }) });
  }

  async function exchangeOnce(): Promise<boolean> {
    const bridge = desktopBridge();
    const settings = get().settings;
    const incidents = useIncidentStore.getState();
    if (!bridge || !settings || settings.mode === 'off' || !incidents.ready || !incidents.writer.id) return false;
    const writer = incidents.writer.id;
    const place = placeOf(settings, settings.libraryUrl);
    const db = appDatabase();
    const own = await ownLastSeqs();
    const outgoing: { incidentId: string; events: Awaited<ReturnType<typeof readIncidentEvents>> }[] = [];
    // An incident recorded before sharing existed stays so: its record is not read again each time.
    const unshareable = { ...get().unshareable };
    for (const incidentId of unsharedIncidents(own, get().sharedSeq)) {
      if (unshareable[incidentId]) continue;
      const events = outgoingEvents(await readIncidentEvents(db, incidentId), writer);
      if (events.ok) outgoing.push({ incidentId, events: events.events });
      else unshareable[incidentId] = events.reason;
    }
    let reply: ShareExchangeReply;
    try {
      const checked = checkExchangeReply(await bridge.exchangeIncidents({ writer, outgoing, have: await readPeerPlaces(db) }));
      if (!checked.ok) throw new Error(checked.reason);
      reply = checked.reply;
    } catch (error) {
      set({ offline: `the exchange failed (${message(error)})`, unshareable });
      return false;
    }
    if (!reply.ok) {
      set({ offline: reply.message, unshareable });
      return false;
    }
    for (const group of reply.incoming) {
      try {
        const received = await useIncidentStore.getState().receive(group.incidentId, group.events);
        notTaken = withoutDuplicates([...notTaken, ...received.refused.map((refused) => refusalOf(group.incidentId, refused))]);
      } catch (error) {
        // Nothing of them was stored, so the next exchange asks for them again.
        set({ offline: `events received from ${group.writer} could not be saved here (${message(error)}); they are asked for again next time` });
        return false;
      }
    }
    const sharedSeq = { ...get().sharedSeq };
    let confirmed = false;
    for (const entry of reply.shared) {
      // Never past what this machine has: a shared place that says more cannot make events look sent.
      const lastSeq = Math.min(entry.lastSeq, own.get(entry.incidentId) ?? 0);
      if (entry.writer !== writer || sharedSeq[entry.incidentId] === lastSeq) continue;
      sharedSeq[entry.incidentId] = lastSeq;
      confirmed = true;
    }
    // Settings changed meanwhile: these confirmations are of the place left behind.
    const current = get().settings;
    if (confirmed && current && placeOf(current, current.libraryUrl) === place) {
      await writeSharedSeqs(db, place, sharedSeq);
      set({ sharedSeq });
    }
    set({ lastExchangeAt: reply.at, offline: reply.offline?.message, refused: withoutDuplicates([...reply.refused, ...notTaken]), unshareable });
    return !reply.offline;
  }

  return {
    available: false,
    running: false,
    refused: [],
    sharedSeq: {},
    unshareable: {},

    async init() {
      const bridge = desktopBridge();
      if (!bridge) {
        set({ unavailable: 'Sharing incidents needs the desktop app.' });
        return;
      }
      let settings: ShareSettingsView;
      try {
        settings = await bridge.shareSettings();
      } catch (error) {
        set({ unavailable: `Sharing is not available here: ${message(error)}.` });
        return;
      }
      await incidentsReady();
      const sharedSeq = await readSharedSeqs(appDatabase(), placeOf(settings, settings.libraryUrl));
      set({ available: true, unavailable: undefined, settings, sharedSeq });
    },

    async saveSettings(settings) {
      const bridge = desktopBridge();
      const before = get().settings;
      if (!bridge || !before) return get().unavailable ?? 'Sharing incidents needs the desktop app.';
      let reply;
      try {
        reply = await bridge.saveShareSettings(settings);
      } catch (error) {
        return `The sharing settings could not be saved: ${message(error)}. The previous settings are still in use.`;
      }
      if (!reply.ok) return reply.reason;
      await adopt(before, { ...before, ...reply.settings });
      return undefined;
    },

    async libraryChanged() {
      const bridge = desktopBridge();
      const before = get().settings;
      if (!bridge || !before) return;
      const read = await bridge.shareSettings().catch(() => undefined);
      if (read) await adopt(before, read);
    },

    exchangeNow() {
      if (inFlight) {
        // Asked while one runs (an event recorded meanwhile): one more follows it, never two at once.
        again = true;
        return inFlight;
      }
      set({ running: true });
      inFlight = (async () => {
        let reached: boolean;
        do {
          again = false;
          reached = await exchangeOnce().catch((error: unknown) => {
            set({ offline: `the exchange failed (${message(error)})` });
            return false;
          });
        } while (again);
        return reached;
      })().finally(() => {
        inFlight = undefined;
        set({ running: false });
      });
      return inFlight;
    },
  };
});
