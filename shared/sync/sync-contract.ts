import type { LibraryProblem } from '../model';
import type { SiteBase } from './site-bases';

// What crosses the bridge for Git sync. The token goes in (write-only) and never comes back out.

export const TRANSPORTS = ['isomorphic-git', 'system-git'] as const;
export type TransportName = (typeof TRANSPORTS)[number];

export interface SyncSettings {
  /** https, plain http for loopback addresses only, or ssh with the system git. Empty: sync is off. */
  url: string;
  /** Empty: the remote's default branch. */
  branch: string;
  /** Where the library lives inside the repo, e.g. `docs/runbooks`; empty for the root. */
  subfolder: string;
  transport: TransportName;
  autoSync: boolean;
  intervalMinutes: number;
  /** Published sites of the library: a runbook link under one opens its file here (shared/sync/site-bases.ts). */
  siteBases: SiteBase[];
}

export interface SyncSettingsView extends SyncSettings {
  hasToken: boolean;
  systemGitAvailable: boolean;
}

export interface SyncSettingsUpdate extends SyncSettings {
  /** A new token; null removes the stored one; undefined keeps it. */
  token?: string | null;
}

export type SyncErrorKind =
  | 'offline'
  | 'host-not-found'
  | 'timeout'
  | 'authentication'
  | 'branch-not-found'
  | 'not-a-repository'
  | 'content-refused'
  | 'settings'
  | 'disk'
  | 'failed';

export interface SyncErrorInfo {
  kind: SyncErrorKind;
  /** Plain words for the responder; never contains the token. */
  message: string;
  problems?: LibraryProblem[];
}

export interface SyncedCommit {
  commit: string;
  committedAt: string;
  syncedAt: string;
}

export interface SyncStatus {
  running: boolean;
  phase?: string;
  /** 0 to 100 when the transport reports it. */
  percent?: number;
  lastSuccess?: SyncedCommit;
  lastError?: SyncErrorInfo & { at: string };
}

/**
 * A synced library as main holds it: the snapshot's JSON text, made where it was parsed (a worker
 * thread) so the objects never cross threads and main never serializes them, with what main itself
 * needs to know of it.
 */
export interface SnapshotText {
  text: string;
  runbooks: number;
  problems: LibraryProblem[];
}

export type SyncResult =
  | { ok: true; unchanged: false; snapshot: SnapshotText }
  | { ok: true; unchanged: true }
  | { ok: false; error: SyncErrorInfo };

/**
 * A synced library waiting in main, as JSON text in parts: the renderer reads them one by one
 * (`sync:snapshot-part`) and hands them to its worker, so no single message of tens of megabytes
 * holds the window's thread.
 */
export interface SnapshotHandle {
  id: string;
  parts: number;
  runbooks: number;
}

/** `sync:run` as it crosses the bridge: the snapshot stays in main until read. */
export type SyncReply = { ok: true; unchanged: false; snapshot: SnapshotHandle } | { ok: true; unchanged: true } | { ok: false; error: SyncErrorInfo };

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  url: '',
  branch: '',
  subfolder: '',
  transport: 'isomorphic-git',
  autoSync: true,
  intervalMinutes: 15,
  siteBases: [],
};
