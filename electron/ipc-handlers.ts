// The IPC handlers, free of `electron` so they run under plain Node (unit tests, the e2e stand-in).
// Each checks its payload's shape: whatever arrives over IPC is untrusted.
import type { AppInfo, Channel } from '../shared/ipc-contract';

export interface HandlerHost {
  version: string;
  platform: string;
  host: AppInfo['host'];
  syncAvailable: boolean;
}

export type Handlers = Record<Channel, (payload: unknown) => Promise<unknown>>;

export class PayloadError extends Error {}

export function createHandlers(host: HandlerHost): Handlers {
  return {
    'app:info': async (payload) => {
      if (payload !== undefined && payload !== null) throw new PayloadError('app:info takes no payload');
      const info: AppInfo = { version: host.version, platform: host.platform, syncAvailable: host.syncAvailable, host: host.host };
      return info;
    },
  };
}
