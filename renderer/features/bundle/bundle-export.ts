// Exporting a bundle: every event this machine holds of the incidents chosen, every writer's, saved
// as one file the responder carries to a machine that cannot reach the others.
import type { IncidentEvent } from '../../../shared/incident/incident-events';
import { formatUtc } from '../../../shared/incident/time-format';
import { bundleFileName, recordsSince, writeBundle } from '../../../shared/sharing/incident-bundle';
import { appDatabase } from '../../app/services/app-services';
import { saveFile } from '../../app/services/save-file';
import { readWholeRecord, useIncidentStore } from '../incident';
import { useBundleStore } from './bundle-store';

const readRecord = (incidentId: string) => readWholeRecord(appDatabase(), incidentId, useIncidentStore.getState().writer.id);

async function save(events: IncidentEvent[], what: string): Promise<void> {
  const exportedAt = Date.now();
  const content = writeBundle(events, { exportedAt, by: useIncidentStore.getState().writer.name });
  const result = await saveFile({ suggestedName: bundleFileName(what, exportedAt), content, kind: 'bundle' });
  useBundleStore.getState().set({ outcome: result.message });
}

/** "One incident": every event this machine holds of it, all writers'. */
export async function exportIncidentBundle(incidentId: string): Promise<void> {
  const { set } = useBundleStore.getState();
  set({ busy: true, outcome: undefined });
  try {
    const events = await readRecord(incidentId);
    const title = useIncidentStore.getState().list.find((item) => item.id === incidentId)?.title ?? incidentId;
    await save(events, title);
  } catch (error) {
    set({ outcome: `The bundle was not made: ${error instanceof Error ? error.message : String(error)}.` });
  } finally {
    set({ busy: false });
  }
}

/** "Everything since a time": the whole records of every incident with an event at or after it. */
export async function exportBundleSince(since: number): Promise<void> {
  const { set } = useBundleStore.getState();
  set({ busy: true, outcome: undefined });
  try {
    const records = await Promise.all(useIncidentStore.getState().list.map((item) => readRecord(item.id)));
    const events = recordsSince(records, since);
    if (!events.length) set({ outcome: `No incident has anything recorded since ${formatUtc(since)}: no bundle was made.` });
    else await save(events, `incidents-since-${formatUtc(since).slice(0, 16).replace(/[: ]/g, '-')}`);
  } catch (error) {
    set({ outcome: `The bundle was not made: ${error instanceof Error ? error.message : String(error)}.` });
  } finally {
    set({ busy: false });
  }
}
