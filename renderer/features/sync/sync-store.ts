import { create } from 'zustand';
import { describeChanges, type SyncChanges } from '../../../shared/sync/library-changes';
import type { SaveSettingsReply } from '../../../shared/ipc-contract';
import type { SyncReply, SyncSettingsUpdate, SyncSettingsView, SyncStatus } from '../../../shared/sync/sync-contract';
import { desktopBridge } from '../../app/services/bridge';
import { useDialogStore } from '../../app/services/dialog-store';
import { bundledInUse, type BundledInUse } from './first-sync-gate';
import { recordSyncInIncident } from './sync-in-incident';
import { appSearch, WorkerError } from '../search';
import { startSyncScheduler } from './sync-scheduler';
import { useLibraryStore } from '../library';
import { useShareStore } from '../sharing';

export interface SyncOutcome {
  at: string;
  summary: string;
  changes?: SyncChanges;
}

interface SyncState {
  available: boolean;
  settings?: SyncSettingsView;
  status: SyncStatus;
  running: boolean;
  /** The last sync's result in plain words, with the changed runbooks. */
  outcome?: SyncOutcome;
  /** Why the last sync failed, in plain words. */
  error?: { message: string; problems: string[] };
  /**
   * The responder closed the summary (or the error): it stays closed through syncs that change
   * nothing, and opens again for one that imports a library or fails for another reason.
   */
  dismissed: boolean;
  /** An automatic first sync that waits for the responder's word: it would replace the bundled library an open incident is using. */
  held?: BundledInUse;
  dismiss(): void;
  init(): Promise<void>;
  /**
   * `automatic`: the scheduler's (at start, when online again, on the interval); `asked`: the
   * responder's; `confirmed`: asked, and agreed to replace the bundled library mid-incident.
   */
  syncNow(trigger?: 'asked' | 'automatic' | 'confirmed'): Promise<boolean>;
  saveSettings(update: SyncSettingsUpdate): Promise<string | undefined>;
}

const POLL_MS = 200;
/** The settings save in flight, if any: a sync asked for meanwhile waits for it (see syncNow). */
let saving: Promise<void> = Promise.resolve();
let scheduler: { stop(): void } | undefined;

export const useSyncStore = create<SyncState>((set, get) => {
  const restartScheduler = () => {
    scheduler?.stop();
    scheduler = undefined;
    const settings = get().settings;
    if (!settings?.url || !settings.autoSync) return;
    scheduler = startSyncScheduler(
      {
        run: () => get().syncNow('automatic'),
        isOnline: () => navigator.onLine,
        onOnline: (callback) => {
          window.addEventListener('online', callback);
          return () => window.removeEventListener('online', callback);
        },
        setTimer: (callback, ms) => window.setTimeout(callback, ms),
        clearTimer: (handle) => window.clearTimeout(handle as number),
      },
      settings.intervalMinutes * 60_000,
    );
  };

  return {
    available: false,
    status: { running: false },
    running: false,
    dismissed: false,

    dismiss() {
      set({ dismissed: true });
    },

    async init() {
      const bridge = desktopBridge();
      if (!bridge || !(await bridge.appInfo().then((info) => info.syncAvailable, () => false))) return;
      const [settings, status] = await Promise.all([bridge.syncSettings(), bridge.syncStatus()]);
      set({ available: true, settings, status });
      restartScheduler();
    },

    async syncNow(trigger = 'asked') {
      const bridge = desktopBridge();
      // Asked for while the settings are being saved (Enter in the URL field, then the sync key at
      // once): it syncs from what was saved, never answers "Sync is not set up".
      await saving;
      if (!bridge || get().running) return false;
      const inUse = trigger === 'confirmed' ? undefined : bundledInUse();
      if (inUse) {
        // Asked, the question is a dialog; automatic, it waits on a banner for the next press.
        if (trigger === 'asked') useDialogStore.getState().show({ kind: 'first-sync' });
        set({ held: trigger === 'automatic' ? inUse : undefined, dismissed: false });
        return true;
      }
      set({ held: undefined });
      const earlierError = get().error?.message;
      set({ running: true, error: undefined });
      // User Timing for `npm run bench`: from the request to a searchable library.
      const started = performance.now();
      const poll = window.setInterval(() => void bridge.syncStatus().then((status) => set({ status }), () => undefined), POLL_MS);
      const meta = useLibraryStore.getState().meta;
      let result: SyncReply;
      try {
        result = await bridge.runSync(meta?.source.kind === 'git' ? meta.source.commit : undefined);
      } catch (error) {
        // The desktop side did not answer at all (a refused call, a crash in main): say so, plainly.
        window.clearInterval(poll);
        set({ running: false, dismissed: false, error: { message: `Sync could not start: ${error instanceof Error ? error.message : String(error)}. The library is unchanged.`, problems: [] } });
        return false;
      }
      try {
        const at = new Date().toISOString();
        if (!result.ok) {
          const problems = (result.error.problems ?? []).map((problem) => `${problem.path}: ${problem.reason}`);
          set({ error: { message: result.error.message, problems }, dismissed: get().dismissed && earlierError === result.error.message });
          return false;
        }
        if (result.unchanged) {
          // Asked for, a sync says it found nothing new (unless its summary was closed). An
          // automatic one (at every start) changes nothing on screen: it would cover a summary
          // being read, or greet every launch with "up to date"; the status line has its time.
          if (trigger !== 'automatic') set({ outcome: { at, summary: 'The library is up to date.' } });
          performance.measure('failsafe:sync', { start: started, detail: 'unchanged' });
          return true;
        }
        // Fetched by the search worker from main, which checks, stores and indexes it.
        const handedOver = performance.now();
        const { changes, summaries, fetchMs } = await appSearch().importSynced(result.snapshot, meta?.version, new Date());
        await useLibraryStore.getState().reload(summaries);
        performance.measure('failsafe:sync', { start: started, detail: 'imported' });
        performance.measure('failsafe:sync-import', { start: handedOver, detail: { runbooks: result.snapshot.runbooks, fetchMs } });
        set({ outcome: { at, summary: `${describeChanges(changes)}.`, changes }, dismissed: false });
        await recordSyncInIncident(changes);
        return true;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const message =
          error instanceof WorkerError && error.kind === 'index-not-built'
            ? `The synced library was saved, but ${reason}; search shows the previous library until Failsafe is restarted.`
            : `The synced library could not be saved; the previous library is still in use (${reason}).`;
        set({ error: { message, problems: [] }, dismissed: false });
        return false;
      } finally {
        window.clearInterval(poll);
        set({ running: false, status: await bridge.syncStatus().catch(() => get().status) });
      }
    },

    async saveSettings(update) {
      const bridge = desktopBridge();
      if (!bridge) return 'Sync needs the desktop app.';
      let reply: SaveSettingsReply;
      try {
        const saved = bridge.saveSyncSettings(update);
        saving = saved.then(() => undefined, () => undefined);
        reply = await saved;
      } catch (error) {
        return `The settings could not be saved: ${error instanceof Error ? error.message : String(error)}. The previous settings are still in use.`;
      }
      if (!reply.ok) return reply.reason;
      // A failure said of the settings before ("Sync is not set up…") is not news about these.
      set({ settings: reply.settings, error: undefined });
      // Incident sharing with an empty URL goes through the library's repository: it follows.
      void useShareStore.getState().libraryChanged();
      restartScheduler();
      return undefined;
    },
  };
});
