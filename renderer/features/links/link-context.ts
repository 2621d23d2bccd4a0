// What a link resolver needs of the sync settings: the repository, its branch and folder, and the
// published sites. One reading, for links opened and for the alert screen's and health's matches.
import type { LinkContext } from '../../../shared/alerts/links/library-links';
import type { SyncSettings } from '../../../shared/sync/sync-contract';

export function linkContextOf(settings: SyncSettings | undefined): LinkContext {
  return { syncUrl: settings?.url ?? '', branch: settings?.branch ?? '', subfolder: settings?.subfolder ?? '', siteBases: settings?.siteBases ?? [] };
}
