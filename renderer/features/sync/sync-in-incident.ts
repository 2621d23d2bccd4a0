import { describeChanges, type SyncChanges } from '../../../shared/sync/library-changes';
import { openCurrentIncident, useIncidentStore } from '../incident';
import { useLibraryStore } from '../library';

/**
 * A sync that changed the library while an incident is open goes into its record: when the
 * runbooks changed under the responders is part of what happened (runs keep their copies, and the
 * export names the runs whose runbook changed, but not when). A resolved incident is left as it is.
 */
export async function recordSyncInIncident(changes: SyncChanges): Promise<void> {
  const store = useIncidentStore.getState();
  const incident = openCurrentIncident(store);
  const meta = useLibraryStore.getState().meta;
  if (!incident || !meta) return;
  await store.record(incident.id, [{ type: 'library-synced', version: meta.version, ...(meta.source.kind === 'git' && { commit: meta.source.commit }), summary: describeChanges(changes) }]);
}
