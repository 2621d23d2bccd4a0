// Sharing incidents on the desktop side: the settings, and exchanges with the place they name,
// everything under `<userData>/share`. A Git place authenticates exactly as library sync does, with
// its token (secrets are set in one place), and an empty URL means the library's own repository.
import path from 'node:path';
import type { ShareExchangeReply, ShareSettings } from '../../shared/sharing/share-contract';
import { checkShareSettings } from '../../shared/sharing/share-settings-validation';
import type { TransportName } from '../../shared/sync/sync-contract';
import { repositoryUrlProblem } from '../../shared/sync/sync-settings-validation';
import type { ShareHandlers } from '../ipc-handlers';
import { createGitHttpClient } from '../sync/git-http-client';
import type { SyncHost } from '../sync/sync-host';

import { createFolderPlace } from './folder-place';
import { createGitPlace } from './git-place';
import { createIsomorphicGitShare } from './isomorphic-git-share';
import { ShareExchanges } from './share-exchange';
import { createSystemGitShare } from './system-git-share';
import type { ShareGit } from './share-git';
import { createShareSettingsFile } from './share-settings-file';

export interface ShareHostOptions {
  /** The ways to talk to Git (tests give their own); by default the built-in one, and the system git when installed. */
  gits?: Partial<Record<TransportName, ShareGit>>;
  /** Called between a fetch and a push (tests push as another writer there). */
  beforePush?: () => Promise<void>;
  now?: () => Date;
}

/** Where sharing keeps its files under the user data folder. */
export function shareFolder(userDataDir: string): string {
  return path.join(userDataDir, 'share');
}

export function createShareHost(userDataDir: string, sync: SyncHost | undefined, options: ShareHostOptions = {}): ShareHandlers {
  const dataDir = shareFolder(userDataDir);
  const file = createShareSettingsFile(path.join(dataDir, 'share-settings.json'));
  const exchanges = new ShareExchanges(options.now);
  const systemGit = sync?.systemGitAvailable ?? false;
  const gits: Partial<Record<TransportName, ShareGit>> = options.gits ?? {
    'isomorphic-git': createIsomorphicGitShare(createGitHttpClient(30_000)),
    ...(systemGit ? { 'system-git': createSystemGitShare() } : {}),
  };
  const libraryUrl = async () => (await sync?.settings.read())?.url ?? '';

  /** Why Git sharing cannot run with these settings (with the library's URL when none is given), or undefined. */
  const gitProblem = async (settings: ShareSettings): Promise<{ problem?: string; url: string }> => {
    const url = settings.url || (await libraryUrl());
    if (!url) return { problem: 'Give the incident repository, or set up library sync: incidents then go on a branch of the library’s repository.', url };
    if (!gits[settings.transport]) return { problem: 'The system git is not installed on this machine; choose the built-in transport.', url };
    const urlProblem = repositoryUrlProblem(url, settings.transport);
    return { problem: urlProblem && !settings.url ? `The library’s repository cannot be used: ${urlProblem}` : urlProblem, url };
  };

  return {
    async settings() {
      return { ...(await file.read()), libraryUrl: await libraryUrl(), hasToken: (await sync?.vault.has()) ?? false, systemGitAvailable: !!gits['system-git'] };
    },
    async saveSettings(update) {
      const check = checkShareSettings(update);
      if (!check.ok) return check;
      if (check.settings.mode === 'git') {
        const { problem } = await gitProblem(check.settings);
        if (problem) return { ok: false, reason: problem };
      }
      await file.write(check.settings);
      return { ok: true, settings: check.settings };
    },
    async exchange(request): Promise<ShareExchangeReply> {
      const settings = await file.read();
      if (settings.mode === 'off') return { ok: false, kind: 'settings', message: 'Sharing is off: choose a Git repository or a shared folder in Settings.' };
      if (settings.mode === 'folder') return exchanges.exchange(createFolderPlace(settings.folder), `folder ${settings.folder}`, request);
      const { problem, url } = await gitProblem(settings);
      const git = gits[settings.transport];
      if (problem || !git) return { ok: false, kind: 'settings', message: problem ?? 'No Git transport.' };
      const token = await sync?.vault.get();
      const place = createGitPlace({ dir: path.join(dataDir, 'repo'), git, remote: { url, branch: settings.branch, token }, beforePush: options.beforePush });
      return exchanges.exchange(place, `git ${url} ${settings.branch}`, request, [token]);
    },
  };
}
