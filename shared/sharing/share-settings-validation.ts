// The check of the sharing settings, from the Settings screen or from the settings file: the same
// URL and branch rules as library sync (a token never goes in the URL; plain http only on this
// machine), and a shared folder given as an absolute path, since nothing else says where it is.
import { branchNameProblem, repositoryUrlProblem } from '../sync/sync-settings-validation';
import { TRANSPORTS } from '../sync/sync-contract';
import { DEFAULT_SHARE_SETTINGS, SHARE_MODES, type ShareSettings } from './share-contract';

export type ShareSettingsCheck = { ok: true; settings: ShareSettings } | { ok: false; reason: string };

/** Beyond this a folder path is not one a responder typed. */
const MAX_FOLDER_CHARS = 1024;
export const MIN_POLL_SECONDS = 1;
export const MAX_POLL_SECONDS = 600;

/** `/srv/share`, `C:\share` or `C:/share`, `\\server\share`: a path that does not depend on where the app was started. */
export function isAbsoluteFolder(folder: string): boolean {
  return folder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folder) || /^\\\\[^\\]+\\[^\\]+/.test(folder);
}

export function checkShareSettings(value: unknown): ShareSettingsCheck {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'Settings are missing.' };
  const input = { ...DEFAULT_SHARE_SETTINGS, ...(value as Partial<ShareSettings>) };
  if (typeof input.url !== 'string' || typeof input.branch !== 'string' || typeof input.folder !== 'string') return { ok: false, reason: 'Settings are malformed.' };
  if (!SHARE_MODES.includes(input.mode)) return { ok: false, reason: 'Choose how to share: off, a Git repository or a shared folder.' };
  if (!TRANSPORTS.includes(input.transport)) return { ok: false, reason: 'Unknown transport.' };
  const url = input.url.trim();
  const branch = input.branch.trim();
  const folder = input.folder.trim();
  const pollSeconds = Number(input.pollSeconds);
  if (!Number.isInteger(pollSeconds) || pollSeconds < MIN_POLL_SECONDS || pollSeconds > MAX_POLL_SECONDS) {
    return { ok: false, reason: `Exchanges must be between ${MIN_POLL_SECONDS} and ${MAX_POLL_SECONDS} seconds apart.` };
  }
  const urlProblem = repositoryUrlProblem(url, input.transport);
  if (urlProblem) return { ok: false, reason: urlProblem };
  const branchProblem = branchNameProblem(branch);
  if (branchProblem) return { ok: false, reason: branchProblem };
  // Incidents always go on a named branch: the repository's default may be the library itself.
  if (input.mode === 'git' && !branch) return { ok: false, reason: 'Name the branch that holds incidents, such as failsafe-incidents.' };
  // eslint-disable-next-line no-control-regex
  if (folder.length > MAX_FOLDER_CHARS || /[\u0000-\u001f]/.test(folder)) return { ok: false, reason: 'That folder path is not valid.' };
  if (input.mode === 'folder' && !isAbsoluteFolder(folder)) return { ok: false, reason: 'Give the shared folder as a full path, such as /mnt/team/incidents or C:\\Team\\Incidents.' };
  return { ok: true, settings: { mode: input.mode, url, branch, transport: input.transport, folder, pollSeconds } };
}
