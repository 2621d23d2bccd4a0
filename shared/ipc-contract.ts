// The one contract between renderer and main: channel names mapped to request and reply types.
// Both the Electron preload and the test stand-in build `window.failsafe` with createBridge.
import type { SyncResult, SyncSettingsUpdate, SyncSettingsView, SyncStatus } from './sync-contract';

export interface AppInfo {
  version: string;
  platform: string;
  /** Whether this host can sync the library from Git (the desktop app can; a plain browser cannot). */
  syncAvailable: boolean;
  host: 'electron' | 'stand-in';
}

export type SaveSettingsReply = { ok: true; settings: SyncSettingsView } | { ok: false; reason: string };

export interface IpcChannels {
  'app:info': { request: void; reply: AppInfo };
  'sync:get-settings': { request: void; reply: SyncSettingsView };
  'sync:set-settings': { request: SyncSettingsUpdate; reply: SaveSettingsReply };
  'sync:run': { request: { haveCommit?: string }; reply: SyncResult };
  'sync:status': { request: void; reply: SyncStatus };
}

export type Channel = keyof IpcChannels;
export const CHANNELS: readonly Channel[] = ['app:info', 'sync:get-settings', 'sync:set-settings', 'sync:run', 'sync:status'];

export type Invoke = (channel: Channel, payload?: unknown) => Promise<unknown>;

export interface FailsafeBridge {
  appInfo(): Promise<AppInfo>;
  syncSettings(): Promise<SyncSettingsView>;
  saveSyncSettings(update: SyncSettingsUpdate): Promise<SaveSettingsReply>;
  runSync(haveCommit?: string): Promise<SyncResult>;
  syncStatus(): Promise<SyncStatus>;
}

export function createBridge(invoke: Invoke): FailsafeBridge {
  return {
    appInfo: () => invoke('app:info') as Promise<AppInfo>,
    syncSettings: () => invoke('sync:get-settings') as Promise<SyncSettingsView>,
    saveSyncSettings: (update) => invoke('sync:set-settings', update) as Promise<SaveSettingsReply>,
    runSync: (haveCommit) => invoke('sync:run', { haveCommit }) as Promise<SyncResult>,
    syncStatus: () => invoke('sync:status') as Promise<SyncStatus>,
  };
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
