// What crosses the bridge to share incidents between machines. Each writer (machine and profile)
// writes only its own file per incident, `incidents/<incident>/<writer>.jsonl`, one event per line,
// in a Git repository (pushed, so pushes never conflict) or a shared folder; main reads everyone
// else's and hands their events back. The renderer merges them (shared/incident/record-merge.ts).
import type { IncidentEvent } from '../incident/incident-events';
import type { SyncErrorKind, TransportName } from '../sync/sync-contract';

export const SHARE_MODES = ['off', 'git', 'folder'] as const;
export type ShareMode = (typeof SHARE_MODES)[number];

/** The branch of the library's own repository that holds incidents when no other repository is given. */
export const DEFAULT_INCIDENT_BRANCH = 'failsafe-incidents';

export interface ShareSettings {
  mode: ShareMode;
  /**
   * Git: the incident repository's URL (https, plain http for loopback addresses only, or ssh with
   * the system git). Empty: the library's own repository, on `branch`. The library sync's token is
   * used for both: secrets are set in one place.
   */
  url: string;
  /** Git: the branch holding incidents. */
  branch: string;
  transport: TransportName;
  /** Folder: an absolute path to a folder every responder can reach (a synced or network folder). */
  folder: string;
  /** Seconds between exchanges while an incident is open here. */
  pollSeconds: number;
}

export const DEFAULT_SHARE_SETTINGS: ShareSettings = { mode: 'off', url: '', branch: DEFAULT_INCIDENT_BRANCH, transport: 'isomorphic-git', folder: '', pollSeconds: 2 };

/** How many events of an incident a writer has, as the asking side knows it. */
export interface WriterPlace {
  incidentId: string;
  writer: string;
  lastSeq: number;
}

export interface ShareExchangeRequest {
  /** This machine and profile (`WRITER_ID`). */
  writer: string;
  /**
   * This writer's events of each incident that has some not yet confirmed shared: all of them, in
   * number order. Its file only ever grows: main writes what it lacks and keeps what it has.
   */
  outgoing: { incidentId: string; events: IncidentEvent[] }[];
  /** What this machine holds of other writers: only events past these come back. */
  have: WriterPlace[];
}

/** A line or file of the shared place that was not used, and why (a forged writer, a file outside its folder, a bad line). */
export interface ShareRefusal {
  /** Relative to the shared place: `incidents/<incident>/<writer>.jsonl`. */
  path: string;
  /** From 1; absent for a whole file. */
  line?: number;
  reason: string;
}

export type ShareExchangeReply =
  | {
      ok: true;
      /** Other writers' events past `have`, by file: still outside content, checked again by the renderer. */
      incoming: { incidentId: string; writer: string; events: unknown[] }[];
      /** This writer's last event number now in the shared place (pushed, or written to the folder), per incident. */
      shared: WriterPlace[];
      refused: ShareRefusal[];
      /** Set when the shared place could not be reached: nothing was lost, this writer's events wait and go out next time. */
      offline?: { kind: SyncErrorKind; message: string };
      /** When the exchange ended (ISO). */
      at: string;
    }
  | { ok: false; kind: SyncErrorKind; message: string };

export type SaveShareSettingsReply = { ok: true; settings: ShareSettings } | { ok: false; reason: string };

/** No exchange carries more than this of one writer's events (an incident of 100,000 events is about 30 MB). */
export const MAX_SHARE_REQUEST_CHARS = 48 * 1024 * 1024;

/** The settings as the Settings screen shows them, with what it needs to explain them. */
export interface ShareSettingsView extends ShareSettings {
  /** The library's repository, used when `url` is empty. */
  libraryUrl: string;
  /** Whether the library sync's token is set (it is used for the incident repository too). */
  hasToken: boolean;
  systemGitAvailable: boolean;
}
