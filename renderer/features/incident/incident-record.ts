import Dexie from 'dexie';
import type { IncidentEvent } from '../../../shared/incident/incident-events';
import type { IncidentState } from '../../../shared/incident/incident-state';
import type { FailsafeDatabase, IncidentSummaryRecord } from '../../app/services/database';

// The incident record in IndexedDB. Both tables are user tables: every write is strictly durable,
// so when a write resolves, the events are on disk.

const CURRENT_INCIDENT = 'currentIncident';

export function summaryOf(state: IncidentState): IncidentSummaryRecord {
  return {
    id: state.id,
    title: state.title,
    severity: state.severity,
    status: state.status,
    declaredAt: state.declaredAt.at,
    resolvedAt: state.status === 'resolved' ? state.milestones.resolved : undefined,
    runs: state.runs.map((run) => ({ runbookTitle: run.runbook.title, outcome: run.finished?.outcome ?? 'running' })),
    lastSeq: state.lastSeq,
  };
}

/** Appends events and the incident's new summary in one transaction: both are written, or neither. */
export async function appendEvents(db: FailsafeDatabase, events: readonly IncidentEvent[], after: IncidentState): Promise<void> {
  await db.transaction('rw', db.incidentEvents, db.incidents, async () => {
    await db.incidentEvents.bulkAdd(events as IncidentEvent[]);
    await db.incidents.put(summaryOf(after));
  });
}

export async function readIncidentEvents(db: FailsafeDatabase, incidentId: string): Promise<IncidentEvent[]> {
  return db.incidentEvents.where('[incidentId+seq]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]).toArray();
}

/** Newest first. */
export async function listIncidents(db: FailsafeDatabase): Promise<IncidentSummaryRecord[]> {
  return db.incidents.orderBy('declaredAt').reverse().toArray();
}

export async function readCurrentIncident(db: FailsafeDatabase): Promise<string | undefined> {
  const value = (await db.settings.get(CURRENT_INCIDENT))?.value;
  return typeof value === 'string' ? value : undefined;
}

export async function writeCurrentIncident(db: FailsafeDatabase, id: string | undefined): Promise<void> {
  if (id) await db.settings.put({ key: CURRENT_INCIDENT, value: id });
  else await db.settings.delete(CURRENT_INCIDENT);
}

const RESPONDER_NAME = 'responderName';

/** The name the user set in Settings, put on their incident exports. */
export async function readResponderName(db: FailsafeDatabase): Promise<string | undefined> {
  const value = (await db.settings.get(RESPONDER_NAME))?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export async function writeResponderName(db: FailsafeDatabase, name: string): Promise<void> {
  await db.settings.put({ key: RESPONDER_NAME, value: name.trim() });
}

/** Every incident's record, for figures across incidents (how each runbook fared). */
export async function readAllIncidentEvents(db: FailsafeDatabase): Promise<IncidentEvent[]> {
  return db.incidentEvents.toArray();
}
