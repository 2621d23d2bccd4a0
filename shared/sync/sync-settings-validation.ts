import { checkSiteBases } from './site-bases';
import { DEFAULT_SYNC_SETTINGS, TRANSPORTS, type SyncSettings, type SyncSettingsUpdate, type TransportName } from './sync-contract';

export type SettingsCheck = { ok: true; settings: SyncSettingsUpdate } | { ok: false; reason: string };

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Why a repository URL is not accepted, or undefined when it is. */
export function repositoryUrlProblem(url: string, transport: TransportName): string | undefined {
  if (url === '') return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f]/.test(url)) return 'The repository URL contains spaces or control characters.';
  const scp = /^[\w.-]+@[\w.-]+:[^\s]+$/.test(url);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1].toLowerCase();
  if (scp || scheme === 'ssh') {
    return transport === 'system-git' ? undefined : 'SSH URLs need the system git transport (choose it below).';
  }
  if (scheme === 'https') return /^https:\/\/[^/\s@]+(\/|$)/i.test(url) ? undefined : 'Put the token in the token field, not in the URL.';
  if (scheme === 'http') {
    const host = /^http:\/\/(\[[^\]]+\]|[^/:]+)/i.exec(url)?.[1] ?? '';
    return LOOPBACK_HOST.test(host) ? undefined : 'Plain http is accepted only for this machine (127.0.0.1 or localhost); use https.';
  }
  return 'Use an https URL (or ssh with the system git).';
}

/** Why a branch name is not accepted (it goes on git's command line), or undefined when it is; empty is accepted. */
export function branchNameProblem(branch: string): string | undefined {
  if (branch && (!/^[A-Za-z0-9._/-]+$/.test(branch) || branch.startsWith('-') || branch.includes('..') || branch.endsWith('/') || branch.endsWith('.lock'))) {
    return 'That branch name is not valid.';
  }
  return undefined;
}

/** Runtime check of settings coming over IPC or from the settings file. */
export function checkSyncSettings(value: unknown): SettingsCheck {
  if (!value || typeof value !== 'object') return { ok: false, reason: 'Settings are missing.' };
  const input = { ...DEFAULT_SYNC_SETTINGS, ...(value as Partial<SyncSettingsUpdate>) };
  if (typeof input.url !== 'string' || typeof input.branch !== 'string' || typeof input.subfolder !== 'string') return { ok: false, reason: 'Settings are malformed.' };
  if (!TRANSPORTS.includes(input.transport)) return { ok: false, reason: 'Unknown transport.' };
  const url = input.url.trim();
  const urlProblem = repositoryUrlProblem(url, input.transport);
  if (urlProblem) return { ok: false, reason: urlProblem };
  const branch = input.branch.trim();
  const branchProblem = branchNameProblem(branch);
  if (branchProblem) return { ok: false, reason: branchProblem };
  const subfolder = input.subfolder.trim().replace(/^\.?\/+|\/+$/g, '');
  if (subfolder && (subfolder.split('/').some((part) => part === '..' || part === '.' || part === '') || subfolder.includes('\\'))) {
    return { ok: false, reason: 'The subfolder must be a plain path inside the repository, like docs/runbooks.' };
  }
  const interval = Number(input.intervalMinutes);
  if (!Number.isInteger(interval) || interval < 1 || interval > 1440) return { ok: false, reason: 'The sync interval must be between 1 and 1440 minutes.' };
  if (input.token !== undefined && input.token !== null && (typeof input.token !== 'string' || input.token.length > 4096 || /[\r\n]/.test(input.token))) {
    return { ok: false, reason: 'The token is malformed.' };
  }
  // A settings file written before site bases existed has none: the default, an empty list.
  const sites = checkSiteBases(input.siteBases);
  if (!sites.ok) return sites;
  const settings: SyncSettingsUpdate = { url, branch, subfolder, transport: input.transport, autoSync: Boolean(input.autoSync), intervalMinutes: interval, siteBases: sites.bases };
  if (input.token !== undefined) settings.token = input.token === null || input.token.trim() === '' ? null : input.token.trim();
  return { ok: true, settings };
}

export function withoutToken(settings: SyncSettingsUpdate): SyncSettings {
  const { url, branch, subfolder, transport, autoSync, intervalMinutes, siteBases } = settings;
  return { url, branch, subfolder, transport, autoSync, intervalMinutes, siteBases };
}
