// The IPC handlers, free of `electron` so they run under plain Node (unit tests, the e2e stand-in).
// Each checks its payload's shape: whatever arrives over IPC is untrusted.
import type { AppInfo, Channel, SaveSettingsReply } from '../shared/ipc-contract';
import type { SyncSettingsView } from '../shared/sync-contract';
import { checkSyncSettings, withoutToken } from '../shared/sync-settings-validation';
import { describeSyncError } from './sync/sync-errors';
import type { SyncHost } from './sync/sync-host';

export interface HandlerHost {
  version: string;
  platform: string;
  host: AppInfo['host'];
  /** Absent where this host cannot sync (it then says so). */
  sync?: SyncHost;
}

export type Handlers = Record<Channel, (payload: unknown) => Promise<unknown>>;

export class PayloadError extends Error {}

function noPayload(channel: string, payload: unknown) {
  if (payload !== undefined && payload !== null) throw new PayloadError(`${channel} takes no payload`);
}

export function createHandlers(host: HandlerHost): Handlers {
  const sync = () => {
    if (!host.sync) throw new PayloadError('sync needs the desktop app');
    return host.sync;
  };
  const view = async (): Promise<SyncSettingsView> => ({
    ...(await sync().settings.read()),
    hasToken: await sync().vault.has(),
    systemGitAvailable: sync().systemGitAvailable,
  });
  return {
    'app:info': async (payload) => {
      noPayload('app:info', payload);
      const info: AppInfo = { version: host.version, platform: host.platform, syncAvailable: !!host.sync, host: host.host };
      return info;
    },
    'sync:get-settings': async (payload) => {
      noPayload('sync:get-settings', payload);
      return view();
    },
    'sync:set-settings': async (payload): Promise<SaveSettingsReply> => {
      const check = checkSyncSettings(payload);
      if (!check.ok) return check;
      try {
        if (check.settings.token !== undefined) await sync().vault.set(check.settings.token);
      } catch (error) {
        return { ok: false, reason: describeSyncError(error, [check.settings.token ?? undefined]).message };
      }
      await sync().settings.write(withoutToken(check.settings));
      return { ok: true, settings: await view() };
    },
    'sync:run': async (payload) => {
      const haveCommit = (payload as { haveCommit?: unknown } | null)?.haveCommit;
      if (haveCommit !== undefined && (typeof haveCommit !== 'string' || !/^[0-9a-f]{40,64}$/.test(haveCommit))) throw new PayloadError('sync:run takes { haveCommit?: commit id }');
      return sync().service.run(haveCommit);
    },
    'sync:status': async (payload) => {
      noPayload('sync:status', payload);
      return sync().service.status();
    },
  };
}
