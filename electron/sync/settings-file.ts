import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../shared/sync/sync-contract';
import { checkSyncSettings, withoutToken } from '../../shared/sync/sync-settings-validation';
import { createCheckedJsonFile } from '../checked-json-file';

/** Sync settings (never the token) in a JSON file in the user data folder. */
export interface SettingsFile {
  read(): Promise<SyncSettings>;
  write(settings: SyncSettings): Promise<void>;
}

export function createSettingsFile(file: string): SettingsFile {
  const json = createCheckedJsonFile(
    file,
    (parsed) => {
      const check = checkSyncSettings(parsed);
      return check.ok ? withoutToken(check.settings) : undefined;
    },
    () => ({ ...DEFAULT_SYNC_SETTINGS }),
  );
  // Whatever is handed in, the token is never written.
  return { read: json.read, write: (settings) => json.write(withoutToken(settings)) };
}
