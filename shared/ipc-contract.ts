// The one contract between renderer and main: channel names mapped to request and reply types.
// Both the Electron preload and the test stand-in build `window.failsafe` with createBridge.

export interface AppInfo {
  version: string;
  platform: string;
  /** Whether this host can sync the library from Git (the desktop app can; a plain browser cannot). */
  syncAvailable: boolean;
  host: 'electron' | 'stand-in';
}

export interface IpcChannels {
  'app:info': { request: void; reply: AppInfo };
}

export type Channel = keyof IpcChannels;
export const CHANNELS: readonly Channel[] = ['app:info'];

export type Invoke = (channel: Channel, payload?: unknown) => Promise<unknown>;

export interface FailsafeBridge {
  appInfo(): Promise<AppInfo>;
}

export function createBridge(invoke: Invoke): FailsafeBridge {
  return {
    appInfo: () => invoke('app:info') as Promise<AppInfo>,
  };
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
