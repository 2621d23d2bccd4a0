import Dexie from 'dexie';
import type { IncidentEvent } from '../../../shared/incident/incident-events';
import type { IncidentState } from '../../../shared/incident/incident-state';
import { runSummariesChangedBy, type RunSummary } from '../../../shared/incident/run-summary';
import type { FailsafeDatabase, IncidentSummaryRecord } from '../../app/services/database';

// The incident record in IndexedDB, with the list's summary of each incident and a summary of each
// run. All are user tables: every write is strictly durable, so when a write resolves, the events
// are on disk, and the summaries never say more or less than the record.

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

/** Appends events, the incident's new summary and those of the runs they touch in one transaction: all are written, or none. */
export async function appendEvents(db: FailsafeDatabase, events: readonly IncidentEvent[], after: IncidentState): Promise<void> {
  await db.transaction('rw', db.incidentEvents, db.incidents, db.runSummaries, async () => {
    await db.incidentEvents.bulkAdd(events as IncidentEvent[]);
    await db.incidents.put(summaryOf(after));
    const runs = runSummariesChangedBy(events, after);
    if (runs.length) await db.runSummaries.bulkPut(runs);
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

/** Every run's summary, for figures across incidents (how each runbook fared): no record is replayed. */
export async function readRunSummaries(db: FailsafeDatabase): Promise<RunSummary[]> {
  return db.runSummaries.toArray();
}

/** The summaries of one runbook's runs, by the table's index: a runbook page reads only its own. */
export async function readRunSummariesOf(db: FailsafeDatabase, runbookId: string): Promise<RunSummary[]> {
  return db.runSummaries.where('runbookId').equals(runbookId).toArray();
}
