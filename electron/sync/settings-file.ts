import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../shared/sync/sync-contract';
import { checkSyncSettings, withoutToken } from '../../shared/sync/sync-settings-validation';

/** Sync settings (never the token) in a JSON file in the user data folder. */
export interface SettingsFile {
  read(): Promise<SyncSettings>;
  write(settings: SyncSettings): Promise<void>;
}

export function createSettingsFile(file: string): SettingsFile {
  return {
    async read() {
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (!text) return { ...DEFAULT_SYNC_SETTINGS };
      try {
        const check = checkSyncSettings(JSON.parse(text));
        return check.ok ? withoutToken(check.settings) : { ...DEFAULT_SYNC_SETTINGS };
      } catch {
        return { ...DEFAULT_SYNC_SETTINGS };
      }
    },
    async write(settings) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(withoutToken(settings), null, 2));
    },
  };
}
