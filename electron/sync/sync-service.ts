import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LIMITS, type LibraryLimits } from '../../shared/limits';
import type { SyncResult, SyncStatus, TransportName } from '../../shared/sync/sync-contract';
import { readInThisThread, type LibraryReader, type PreparedRead, type ReadLibrary } from '../library-reader';
import type { CheckedOut, GitTransport, TransportOptions } from './git-transport';
import { GitObjects } from './git-objects';
import { folderIn, type CommitLocation, type FolderInCommit } from './library-tree';
import type { SettingsFile } from './settings-file';
import { describeSyncError, plainMessage, SyncFailure } from './sync-errors';
import { readSyncState, writeSyncState, type SyncState } from './sync-state';
import type { TokenVault } from './token-vault';

export interface SyncServiceOptions {
  dataDir: string;
  settings: SettingsFile;
  vault: TokenVault;
  transports: Partial<Record<TransportName, GitTransport>>;
  limits?: LibraryLimits;
  now?: () => Date;
  /** Reads the checked-out library: in a worker thread in the desktop app, in this thread by default. */
  readLibrary?: LibraryReader;
}

const REPO = 'library-repo';
const PARTIAL = `${REPO}.partial-`;

/**
 * Brings the team's Git repo into a snapshot. The repo lives in the user data folder; a first sync
 * clones into a temporary folder that is renamed into place only when complete, so an interrupted
 * clone never leaves a half repo behind. Whatever fails, the renderer's library is untouched: it
 * only changes when it receives a snapshot.
 */
export class SyncService {
  private running: Promise<SyncResult> | undefined;
  private current: SyncStatus = { running: false };
  /** The state file's last success, read once (see status). */
  private remembered: Promise<void> | undefined;
  private readonly now: () => Date;

  constructor(private readonly options: SyncServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Where a sync stands. The last success comes from the state file until this run of the app has
   * synced: after a relaunch the status line had lost its "Last sync".
   */
  async status(): Promise<SyncStatus> {
    this.remembered ??= readSyncState(path.join(this.options.dataDir, 'sync-state.json')).then((state) => {
      if (!this.current.lastSuccess && state?.commit && state.committedAt && state.syncedAt && !state.updating) {
        this.current = { ...this.current, lastSuccess: { commit: state.commit, committedAt: state.committedAt, syncedAt: state.syncedAt } };
      }
    });
    await this.remembered;
    return { ...this.current };
  }

  /** A sync already running is joined, not started twice. `haveCommit`: what the renderer already has. */
  run(haveCommit?: string): Promise<SyncResult> {
    this.running ??= this.sync(haveCommit).finally(() => {
      this.running = undefined;
      this.current = { ...this.current, running: false, phase: undefined, percent: undefined };
    });
    return this.running;
  }

  private async sync(haveCommit: string | undefined): Promise<SyncResult> {
    this.current = { ...this.current, running: true, phase: 'Connecting', percent: undefined };
    let token: string | undefined;
    let setUp = false;
    let prepared: PreparedRead | undefined;
    try {
      const settings = await this.options.settings.read();
      if (!settings.url) throw new SyncFailure('settings', plainMessage('settings'));
      setUp = true;
      const transport = this.options.transports[settings.transport];
      if (!transport) throw new SyncFailure('settings', 'The system git is not installed on this machine; choose the built-in transport in Settings.');
      token = await this.options.vault.get();
      const { dataDir } = this.options;
      await mkdir(dataDir, { recursive: true });
      await this.removePartialClones();
      const repo = path.join(dataDir, REPO);
      const stateFile = path.join(dataDir, 'sync-state.json');
      const previous = await readSyncState(stateFile);
      const transportOptions: TransportOptions = {
        url: settings.url,
        branch: settings.branch,
        token,
        onProgress: (phase, percent) => (this.current = { ...this.current, phase, percent }),
      };
      const reusable = previous && !previous.updating && previous.url === settings.url && previous.requestedBranch === settings.branch && previous.transport === transport.name && (await isDirectory(repo));
      const base: SyncState = { url: settings.url, requestedBranch: settings.branch, transport: transport.name, subfolder: settings.subfolder };
      let checkedOut: CheckedOut;
      if (reusable) {
        await writeSyncState(stateFile, { ...previous, updating: true });
        checkedOut = await transport.update(repo, transportOptions);
      } else {
        // A first clone brings a whole library to read: the reader's threads start meanwhile.
        prepared = this.options.readLibrary?.prepare?.();
        checkedOut = await this.cloneInto(repo, transport, transportOptions);
      }
      const syncedAt = this.now().toISOString();
      await writeSyncState(stateFile, { ...base, commit: checkedOut.commit, committedAt: checkedOut.committedAt, syncedAt });
      this.current = { ...this.current, phase: 'Reading the library', percent: undefined };
      const lastSuccess = { commit: checkedOut.commit, committedAt: checkedOut.committedAt, syncedAt };
      if (haveCommit === checkedOut.commit && previous?.commit === checkedOut.commit && previous.subfolder === settings.subfolder) {
        this.current = { ...this.current, lastSuccess, lastError: undefined };
        return { ok: true, unchanged: true };
      }
      const snapshot = await this.readLibrary(repo, settings.subfolder, checkedOut, syncedAt, prepared?.read);
      this.current = { ...this.current, lastSuccess, lastError: undefined };
      return { ok: true, snapshot, unchanged: false };
    } catch (error) {
      const info = describeSyncError(error, [token]);
      // Never set up, nothing failed: the status line keeps no "Last sync failed" for it (the
      // answer still says how to set it up).
      if (setUp) this.current = { ...this.current, lastError: { ...info, at: this.now().toISOString() } };
      return { ok: false, error: info };
    } finally {
      prepared?.release();
    }
  }

  private async cloneInto(repo: string, transport: GitTransport, options: TransportOptions): Promise<CheckedOut> {
    const partial = path.join(this.options.dataDir, `${PARTIAL}${randomBytes(6).toString('hex')}`);
    try {
      const checkedOut = await transport.clone(partial, options);
      await rm(repo, { recursive: true, force: true });
      await rename(partial, repo);
      return checkedOut;
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  }

  /** Leftovers of a clone cut off by a crash or a closed app. */
  private async removePartialClones(): Promise<void> {
    for (const name of await readdir(this.options.dataDir)) {
      if (name.startsWith(PARTIAL)) await rm(path.join(this.options.dataDir, name), { recursive: true, force: true });
    }
  }

  private async readLibrary(repo: string, subfolder: string, checkedOut: CheckedOut, syncedAt: string, preparedRead?: ReadLibrary) {
    const where: CommitLocation = { gitdir: path.join(repo, '.git'), commit: checkedOut.commit, subfolder };
    refuseLinkedSubfolder(where);
    const source = { kind: 'git' as const, commit: checkedOut.commit, committedAt: checkedOut.committedAt, syncedAt };
    const read = preparedRead ?? this.options.readLibrary ?? readInThisThread;
    // Git's symbolic links are refused whatever they point at: the tree walk reads what Git records.
    const snapshot = await read(where, source, { limits: this.options.limits ?? DEFAULT_LIMITS, followLinks: false });
    if (snapshot.runbooks === 0) {
      const listed = snapshot.problems.slice(0, 5).map((problem) => `${problem.path}: ${problem.reason}`);
      throw new SyncFailure('content-refused', `${plainMessage('content-refused')} No runbook could be read${listed.length ? `: ${listed.join('; ')}` : ''}.`, snapshot.problems);
    }
    return snapshot;
  }
}

/**
 * The configured subfolder, and every folder on the way to it, must be a real folder of the
 * commit: a link there would make the whole library come from wherever it points. Only the trees
 * on the way are read.
 */
function refuseLinkedSubfolder(where: CommitLocation): void {
  const { subfolder } = where;
  const objects = new GitObjects(where.gitdir);
  let found: FolderInCommit;
  try {
    found = folderIn(objects, where.commit, subfolder);
  } finally {
    objects.close();
  }
  if (found.kind === 'missing') throw new SyncFailure('content-refused', `The folder "${subfolder}" does not exist in the repository.`);
  if (found.kind === 'link') {
    const where = found.path === subfolder ? `The folder "${subfolder}" is` : `The folder "${found.path}", on the way to "${subfolder}", is`;
    const reason = `${where} a symbolic link: Failsafe reads nothing outside the repository's own folders, so the library was not read.`;
    throw new SyncFailure('content-refused', reason, [{ path: found.path, reason: 'symbolic link refused: the library folder must be a real folder of the repository', level: 'error' }]);
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then((info) => info.isDirectory(), () => false);
}
