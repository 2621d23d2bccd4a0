// The sharing settings in `<userData>/share/share-settings.json`, checked when read: a damaged or
// hand-edited file reads as sharing off, never as half-valid settings.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SHARE_SETTINGS, type ShareSettings } from '../../shared/sharing/share-contract';
import { checkShareSettings } from '../../shared/sharing/share-settings-validation';

export interface ShareSettingsFile {
  read(): Promise<ShareSettings>;
  write(settings: ShareSettings): Promise<void>;
}

export function createShareSettingsFile(file: string): ShareSettingsFile {
  return {
    async read() {
      try {
        const check = checkShareSettings(JSON.parse(await readFile(file, 'utf8')));
        return check.ok ? check.settings : { ...DEFAULT_SHARE_SETTINGS };
      } catch {
        return { ...DEFAULT_SHARE_SETTINGS };
      }
    },
    async write(settings) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, JSON.stringify(settings, null, 2));
      await rename(`${file}.tmp`, file);
    },
  };
}
