// The sharing settings in `<userData>/share/share-settings.json`: a damaged or hand-edited file
// reads as sharing off.
import { DEFAULT_SHARE_SETTINGS, type ShareSettings } from '../../shared/sharing/share-contract';
import { checkShareSettings } from '../../shared/sharing/share-settings-validation';
import { createCheckedJsonFile, type CheckedJsonFile } from '../checked-json-file';

export type ShareSettingsFile = CheckedJsonFile<ShareSettings>;

export function createShareSettingsFile(file: string): ShareSettingsFile {
  return createCheckedJsonFile(
    file,
    (parsed) => {
      const check = checkShareSettings(parsed);
      return check.ok ? check.settings : undefined;
    },
    () => ({ ...DEFAULT_SHARE_SETTINGS }),
  );
}
