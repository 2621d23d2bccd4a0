import path from 'node:path';
import type { TransportName } from '../../shared/sync/sync-contract';
import type { LibraryReader } from '../library-reader';
import { createGitHttpClient } from './git-http-client';
import type { GitTransport } from './git-transport';
import { createIsomorphicGitTransport } from './isomorphic-git-transport';
import { createSettingsFile, type SettingsFile } from './settings-file';
import { SyncService } from './sync-service';
import { WaitingSnapshot } from '../waiting-snapshot';
import { createSystemGitTransport, systemGitAvailable } from './system-git-transport';
import { createTokenVault, type Cipher, type TokenVault } from './token-vault';

export interface SyncHost {
  service: SyncService;
  /** The library the last sync read, until the search worker fetches it (the host serves `respond`). */
  waiting: WaitingSnapshot;
  settings: SettingsFile;
  vault: TokenVault;
  systemGitAvailable: boolean;
}

/** Everything sync needs, under `<userData>/sync`. Electron passes safeStorage as the cipher and a worker-thread reader. */
export async function createSyncHost(userDataDir: string, cipher: Cipher, readLibrary?: LibraryReader): Promise<SyncHost> {
  const dataDir = path.join(userDataDir, 'sync');
  const settings = createSettingsFile(path.join(dataDir, 'sync-settings.json'));
  const vault = createTokenVault(path.join(dataDir, 'token.bin'), cipher);
  const hasGit = await systemGitAvailable();
  const transports: Partial<Record<TransportName, GitTransport>> = {
    'isomorphic-git': createIsomorphicGitTransport(createGitHttpClient(30_000)),
    ...(hasGit ? { 'system-git': createSystemGitTransport() } : {}),
  };
  return { service: new SyncService({ dataDir, settings, vault, transports, readLibrary }), waiting: new WaitingSnapshot(), settings, vault, systemGitAvailable: hasGit };
}
