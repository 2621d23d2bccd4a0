// Where shared incidents live, as the exchange sees it: a Git repository or a folder. Both publish
// this writer's files, then list everyone's as they now stand.
import type { IncidentEvent } from '../../shared/incident/incident-events';
import type { ShareRefusal, WriterPlace } from '../../shared/sharing/share-contract';
import type { SyncErrorKind } from '../../shared/sync/sync-contract';
import { describeSyncError } from '../sync/sync-errors';
import type { WriterFile } from './writer-files';

export interface Outgoing {
  incidentId: string;
  /** Every event of this writer in the incident, numbered from 1. */
  events: IncidentEvent[];
}

export interface Published {
  /** This writer's last event number now in the shared place, per outgoing incident. */
  shared: WriterPlace[];
  /** Why the shared place could not be reached; what was not published goes out next time. */
  offline?: { kind: SyncErrorKind; message: string };
  refused: ShareRefusal[];
}

/** Another writer's file in the shared place. */
export interface PlaceFile extends WriterFile {
  /** Changes whenever the content does (a Git blob id; a file's size, time and inode). */
  version: string;
  /** Its text; a refusal when it cannot be read safely (too large, replaced by a link meanwhile). */
  read(): Promise<string | ShareRefusal>;
}

export interface SharePlace {
  publish(writer: string, outgoing: Outgoing[]): Promise<Published>;
  /** Every writer's file but `writer`'s, and what under `incidents/` is not one. */
  others(writer: string): Promise<{ files: PlaceFile[]; refused: ShareRefusal[] }>;
}

const WAITING = 'Nothing is lost: your events wait on this machine and go out at the next exchange.';
const UNREACHED: Partial<Record<SyncErrorKind, string>> = {
  offline: `The shared place did not answer: this machine looks offline, or the server is down. ${WAITING}`,
  'host-not-found': `The Git server’s host name could not be found (no DNS, or a typo in the URL). ${WAITING}`,
  timeout: `The Git server stopped answering in the middle of the exchange. ${WAITING}`,
};

/** Why the shared place could not be reached, in plain words and without a secret (the kinds are library sync's). */
export function unreachable(error: unknown, secrets: (string | undefined)[]): { kind: SyncErrorKind; message: string } {
  const { kind, message } = describeSyncError(error, secrets);
  return { kind, message: UNREACHED[kind] ?? message };
}
