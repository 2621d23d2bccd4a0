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
 * A synced library as its reader posts it: the snapshot's JSON text, made where it was parsed (a
 * worker thread) so the objects never cross threads and main never serializes them, with what main
 * itself needs to know of it.
 */
export interface SnapshotText {
  text: string;
  runbooks: number;
  problems: LibraryProblem[];
}

/**
 * A synced library as main holds it: the snapshot's text, and its search index's JSON text, which
 * the reader's thread counts after posting the snapshot, while the window stores the snapshot.
 */
export interface SyncedLibrary extends SnapshotText {
  index: Promise<string>;
}

export type SyncResult =
  | { ok: true; unchanged: false; snapshot: SyncedLibrary }
  | { ok: true; unchanged: true }
  | { ok: false; error: SyncErrorInfo };

/**
 * A synced library waiting in main. The search worker fetches its two parts from the app's own
 * origin (`syncedLibraryPath`: Electron's app:// handler, the stand-in's route), so tens of
 * megabytes never pass through the window's thread or an IPC message.
 */
export interface SnapshotHandle {
  id: string;
  runbooks: number;
}

export type SyncedPart = 'library' | 'index';
const SYNCED_PATH = /^\/\.synced\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(library|index)$/;

/** Where the search worker fetches a waiting library's snapshot or search index. */
export function syncedLibraryPath(id: string, part: SyncedPart): string {
  return `/.synced/${id}/${part}`;
}

/** The handle and part a request path names, or undefined for any other path. */
export function readSyncedLibraryPath(pathname: string): { id: string; part: SyncedPart } | undefined {
  const match = SYNCED_PATH.exec(pathname);
  return match ? { id: match[1], part: match[2] as SyncedPart } : undefined;
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
