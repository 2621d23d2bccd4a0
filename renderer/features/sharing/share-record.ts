import type { FailsafeDatabase } from '../../app/services/database';

// What this machine knows it has shared: per incident, its own last event number confirmed in the
// shared place. Kept in the settings table (a user table: strictly durable), so after a relaunch the
// Responders panel still says what has not gone out, and only those incidents are sent again.
// The numbers belong to one shared place: another repository or folder starts with nothing shared.

const SHARED_SEQ = 'sharedSeq';

export type SharedSeqs = Record<string, number>;

interface Stored {
  place: string;
  seqs: SharedSeqs;
}

const isStored = (value: unknown): value is Stored =>
  typeof value === 'object' && value !== null && typeof (value as Stored).place === 'string' && typeof (value as Stored).seqs === 'object' && (value as Stored).seqs !== null;

/** The numbers confirmed shared to `place`; none when they were confirmed to another place (or never). */
export async function readSharedSeqs(db: FailsafeDatabase, place: string): Promise<SharedSeqs> {
  const value = (await db.settings.get(SHARED_SEQ))?.value;
  if (!isStored(value) || value.place !== place) return {};
  // Read from own keys only, into a map without a prototype: an incident id is any text.
  const seqs: SharedSeqs = Object.create(null) as SharedSeqs;
  for (const [incidentId, seq] of Object.entries(value.seqs)) if (Number.isInteger(seq) && seq > 0) seqs[incidentId] = seq;
  return seqs;
}

export async function writeSharedSeqs(db: FailsafeDatabase, place: string, seqs: SharedSeqs): Promise<void> {
  await db.settings.put({ key: SHARED_SEQ, value: { place, seqs: { ...seqs } } satisfies Stored });
}
