// The IPC handlers, free of `electron` so they run under plain Node (unit tests, the e2e stand-in).
// Requests arrive already checked against their declaration (electron/ipc-dispatch.ts).
import type { AppInfo, Handlers } from '../shared/ipc-contract';
import type { SyncSettingsView } from '../shared/sync/sync-contract';
import type { SaveShareSettingsReply, ShareExchangeReply, ShareExchangeRequest, ShareSettings, ShareSettingsView } from '../shared/sharing/share-contract';
import { checkSyncSettings, withoutToken } from '../shared/sync/sync-settings-validation';
import { saveFile, type ChooseSavePath } from './file-save';
import { IpcRefusal } from './ipc-dispatch';
import type { JournalStore } from './journal-store';
import { describeSyncError } from './sync/sync-errors';
import type { SyncHost } from './sync/sync-host';

export interface HandlerHost {
  version: string;
  platform: string;
  host: AppInfo['host'];
  /** Absent where this host cannot sync (it then says so). */
  sync?: SyncHost;
  /** The save dialog (Electron's, or the stand-in's chosen folder); absent where files cannot be saved. */
  chooseSavePath?: ChooseSavePath;
  /** The incident journal files; absent where there is no user data folder (a plain browser). */
  journal?: JournalStore;
  /** Sharing incidents with other machines; absent where this host cannot (it then says so). */
  share?: ShareHandlers;
}

/** What the sharing channels call (electron/share/). */
export interface ShareHandlers {
  settings(): Promise<ShareSettingsView>;
  saveSettings(settings: ShareSettings): Promise<SaveShareSettingsReply>;
  exchange(request: ShareExchangeRequest): Promise<ShareExchangeReply>;
}

export function createHandlers(host: HandlerHost): Handlers {
  const sync = () => {
    if (!host.sync) throw new IpcRefusal('sync needs the desktop app');
    return host.sync;
  };
  const journal = () => {
    if (!host.journal) throw new IpcRefusal('the incident journal needs the desktop app');
    return host.journal;
  };
  const share = () => {
    if (!host.share) throw new IpcRefusal('sharing incidents needs the desktop app');
    return host.share;
  };
  const view = async (): Promise<SyncSettingsView> => ({
    ...(await sync().settings.read()),
    hasToken: await sync().vault.has(),
    systemGitAvailable: sync().systemGitAvailable,
  });
  return {
    'app:info': async () => ({ version: host.version, platform: host.platform, syncAvailable: !!host.sync, host: host.host, journalFolder: host.journal?.folder }),
    'sync:get-settings': () => view(),
    'sync:set-settings': async (update) => {
      const check = checkSyncSettings(update);
      if (!check.ok) return check;
      try {
        if (check.settings.token !== undefined) await sync().vault.set(check.settings.token);
      } catch (error) {
        return { ok: false, reason: describeSyncError(error, [check.settings.token ?? undefined]).message };
      }
      await sync().settings.write(withoutToken(check.settings));
      return { ok: true, settings: await view() };
    },
    'sync:run': async ({ haveCommit }) => {
      const result = await sync().service.run(haveCommit);
      return result.ok && !result.unchanged ? { ok: true, unchanged: false, snapshot: sync().waiting.hold(result.snapshot) } : result;
    },
    'sync:status': async () => sync().service.status(),
    'file:save': (request) => {
      if (!host.chooseSavePath) throw new IpcRefusal('saving files needs the desktop app');
      return saveFile(request, host.chooseSavePath);
    },
    'journal:append': (request) => journal().append(request),
    'journal:read': ({ incidentId }) => journal().read(incidentId),
    'journal:list': () => journal().list(),
    'share:get-settings': () => share().settings(),
    'share:set-settings': (settings) => share().saveSettings(settings),
    'share:exchange': (request) => share().exchange(request),
  };
}
