import type { IncidentEvent } from '../../../shared/incident/incident-events';
import { journalLine } from '../../../shared/incident/journal';
import type { JournalReadReply } from '../../../shared/ipc-contract';
import { desktopBridge } from '../../app/services/bridge';

// The incident journal files kept by the desktop app. A plain browser has none: there the record
// lives only in IndexedDB, and the incident screen says so.

export function journalAvailable(): boolean {
  return !!desktopBridge();
}

/** Appends events to their incident's journal; the reason in plain words when it could not. */
export async function appendToJournal(incidentId: string, events: readonly IncidentEvent[]): Promise<string | undefined> {
  const bridge = desktopBridge();
  if (!bridge) return undefined;
  try {
    const reply = await bridge.appendJournal({ incidentId, lines: events.map(journalLine) });
    return reply.ok ? undefined : reply.reason;
  } catch (error) {
    return `the desktop side did not answer (${error instanceof Error ? error.message : String(error)})`;
  }
}

export async function readJournalFile(incidentId: string): Promise<JournalReadReply> {
  const bridge = desktopBridge();
  if (!bridge) return { ok: false, missing: true, reason: 'there are journal files only in the desktop app' };
  try {
    return await bridge.readJournal(incidentId);
  } catch (error) {
    return { ok: false, missing: false, reason: `the desktop side did not answer (${error instanceof Error ? error.message : String(error)})` };
  }
}

export async function listJournalFiles(): Promise<string[]> {
  try {
    return (await desktopBridge()?.listJournals()) ?? [];
  } catch {
    return [];
  }
}
