import Dexie from 'dexie';
import type { IncidentEvent } from '../../../shared/incident/incident-events';
import { incidentStart, type IncidentState } from '../../../shared/incident/incident-state';
import { WRITER_ID } from '../../../shared/incident/hybrid-clock';
import { writerName } from '../../../shared/incident/writers';
import { runSummariesChangedBy, type RunSummary } from '../../../shared/incident/runs/run-summary';
import type { FailsafeDatabase, IncidentSummaryRecord } from '../../app/services/database';

// The incident record in IndexedDB, with the list's summary of each incident and a summary of each
// run. All are user tables: every write is strictly durable, so when a write resolves, the events
// are on disk, and the summaries never say more or less than the record. This machine's own events
// are in `incidentEvents`; other writers' (a shared incident) in `peerEvents`, only ever added.

const CURRENT_INCIDENT = 'currentIncident';

export function summaryOf(state: IncidentState, ownWriter?: string): IncidentSummaryRecord {
  const declarer = state.writers[state.declaredBy];
  return {
    id: state.id,
    title: state.title,
    severity: state.severity,
    status: state.status,
    declaredAt: state.declaredAt.at,
    resolvedAt: state.status === 'resolved' ? state.milestones.resolved : undefined,
    ...(incidentStart(state) < state.declaredAt.at && { startedAt: incidentStart(state) }),
    runs: state.runs.map((run) => ({ runbookTitle: run.runbook.title, outcome: run.finished?.outcome ?? 'running' })),
    lastSeq: state.eventCount,
    ...(ownWriter !== undefined && state.declaredBy !== ownWriter && state.declaredBy !== '' && declarer && { declaredBy: writerName(declarer) }),
  };
}

/**
 * Appends events, the incident's new summary and those of the runs they touch in one transaction:
 * all are written, or none. This machine's own events, or (`peer`) other writers' received ones.
 */
export async function appendEvents(db: FailsafeDatabase, events: readonly IncidentEvent[], after: IncidentState, ownWriter?: string, peer = false): Promise<void> {
  const table = peer ? db.peerEvents : db.incidentEvents;
  await db.transaction('rw', table, db.incidents, db.runSummaries, async () => {
    await table.bulkAdd(events as IncidentEvent[]);
    await db.incidents.put(summaryOf(after, ownWriter));
    const runs = runSummariesChangedBy(events, after);
    if (runs.length) await db.runSummaries.bulkPut(runs);
  });
}

/** Other writers' events of an incident not yet known here (its declaration is still on its way): kept until it arrives. */
export async function storePeerEvents(db: FailsafeDatabase, events: readonly IncidentEvent[]): Promise<void> {
  await db.peerEvents.bulkAdd(events as IncidentEvent[]);
}

/** This machine's own events of an incident, as recorded (the journal file holds the same). */
export async function readIncidentEvents(db: FailsafeDatabase, incidentId: string): Promise<IncidentEvent[]> {
  return db.incidentEvents.where('[incidentId+seq]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]).toArray();
}

/**
 * The whole record of an incident: this machine's events, each read as its writer's (those recorded
 * before writers existed carry none), and every other writer's.
 */
export async function readWholeRecord(db: FailsafeDatabase, incidentId: string, ownWriter: string): Promise<IncidentEvent[]> {
  const [own, peers] = await Promise.all([readIncidentEvents(db, incidentId), db.peerEvents.where('[incidentId+writer+seq]').between([incidentId, '', -Infinity], [incidentId, '\uffff', Infinity]).toArray()]);
  return [...own.map((event) => (event.writer === undefined ? { ...event, writer: ownWriter } : event)), ...peers];
}

/** Every incident with events from other writers, and those writers' last numbers: what this machine has received. */
export async function readPeerPlaces(db: FailsafeDatabase): Promise<{ incidentId: string; writer: string; lastSeq: number }[]> {
  const places = new Map<string, { incidentId: string; writer: string; lastSeq: number }>();
  await db.peerEvents.orderBy('[incidentId+writer+seq]').eachPrimaryKey(([incidentId, writer, seq]) => {
    places.set(`${incidentId}\u0000${writer}`, { incidentId, writer, lastSeq: seq });
  });
  return [...places.values()];
}

/** This machine's last event number in an incident (0 when it wrote none), read from the key alone. */
export async function readOwnLastSeq(db: FailsafeDatabase, incidentId: string): Promise<number> {
  const [last] = await db.incidentEvents.where('[incidentId+seq]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]).reverse().limit(1).primaryKeys();
  return last ? last[1] : 0;
}

const WRITER = 'writerId';

/** This machine and profile as a writer of shared incidents: made once, kept with the user's data. */
export async function readWriterId(db: FailsafeDatabase): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const value = (await db.settings.get(WRITER))?.value;
    if (typeof value === 'string' && WRITER_ID.test(value)) return value;
    const id = `w-${crypto.randomUUID()}`;
    await db.settings.put({ key: WRITER, value: id });
    return id;
  });
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
