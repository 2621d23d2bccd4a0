// Importing a bundle: each incident's events go through the incident store's `receive`, which adds
// only what this machine lacks, durably, and never changes an event it holds. Importing the same
// file twice therefore adds nothing the second time, and the summary says so.
import { eventsByIncident, isBundleText, MAX_BUNDLE_CHARS, readBundle } from '../../../shared/sharing/incident-bundle';
import { useDialogStore } from '../../app/services/dialog-store';
import { useIncidentStore } from '../incident';
import { useBundleStore, type ImportSummary, type IncidentImport } from './bundle-store';

/** Whether a file is a bundle: its first line is the bundle header (a dropped file that is not goes to alerts). */
export async function isBundleFile(file: Blob): Promise<boolean> {
  return isBundleText(await file.slice(0, 4096).text());
}

/** Reads a bundle file and takes in what it brings, then shows what happened. */
export async function importBundleFile(file: File): Promise<void> {
  const { set } = useBundleStore.getState();
  set({ busy: true, outcome: undefined });
  try {
    const summary: ImportSummary =
      file.size > MAX_BUNDLE_CHARS
        ? { fileName: file.name, problems: [{ line: 0, reason: `the file is larger than ${MAX_BUNDLE_CHARS / 1024 / 1024} MB, so it was not read` }], unnamed: 0, incidents: [] }
        : await importBundleText(await file.text(), file.name);
    set({ summary });
    useDialogStore.getState().show({ kind: 'bundle-summary' });
  } catch (error) {
    set({ outcome: `“${file.name}” could not be read: ${error instanceof Error ? error.message : String(error)}.` });
  } finally {
    set({ busy: false });
  }
}

export async function importBundleText(text: string, fileName: string): Promise<ImportSummary> {
  const read = readBundle(text);
  const { incidents, unnamed } = eventsByIncident(read.events);
  const results: IncidentImport[] = [];
  for (const [incidentId, events] of incidents) {
    try {
      const received = await useIncidentStore.getState().receive(incidentId, events);
      const title = useIncidentStore.getState().list.find((item) => item.id === incidentId)?.title;
      results.push({ incidentId, title, added: received.added.length, alreadyHeld: received.alreadyHeld, refused: received.refused, joined: received.joined });
    } catch (error) {
      results.push({ incidentId, added: 0, alreadyHeld: 0, refused: [], joined: false, failed: error instanceof Error ? error.message : String(error) });
    }
  }
  return { fileName, header: read.header, problems: read.problems, unnamed, incidents: results };
}
