import type { SyncErrorInfo, SyncErrorKind } from '../../shared/sync/sync-contract';

/** An error whose message is already in plain words for the responder. */
export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly problems?: SyncErrorInfo['problems'],
  ) {
    super(message);
  }
}

const MESSAGES: Record<SyncErrorKind, string> = {
  offline: 'The Git server did not answer: this machine looks offline, or the server is down. The library on this machine is unchanged.',
  'host-not-found': 'The Git server’s host name could not be found (no DNS, or a typo in the URL). The library on this machine is unchanged.',
  timeout: 'The Git server stopped answering in the middle of the transfer. The library on this machine is unchanged; the next sync starts clean.',
  authentication: 'Authentication failed: the server refused the access token (or needs one). Check the token in Settings.',
  'branch-not-found': 'That branch does not exist on the server. Check the branch name in Settings, or leave it empty for the default branch.',
  'not-a-repository': 'That URL is not a Git repository the server will serve. Check the repository URL in Settings.',
  'content-refused': 'The repository was fetched but its content was refused; the library on this machine is unchanged.',
  settings: 'Sync is not set up: enter the repository URL in Settings and save it.',
  disk: 'The library could not be written to disk (full, or not writable). The library on this machine is unchanged.',
  failed: 'Sync failed. The library on this machine is unchanged.',
};

/** Classifies any failure into plain words, and makes sure no secret leaks into the message. */
export function describeSyncError(error: unknown, secrets: (string | undefined)[] = []): SyncErrorInfo {
  if (error instanceof SyncFailure) return { kind: error.kind, message: scrub(error.message, secrets), problems: error.problems };
  const text = errorText(error);
  const kind = classify(text);
  const detail = kind === 'failed' ? ` (${scrub(text, secrets).slice(0, 300)})` : '';
  return { kind, message: MESSAGES[kind] + detail };
}

export function plainMessage(kind: SyncErrorKind): string {
  return MESSAGES[kind];
}

function classify(text: string): SyncErrorKind {
  if (/ENOTFOUND|EAI_AGAIN|Could not resolve host|getaddrinfo/i.test(text)) return 'host-not-found';
  if (/ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|Failed to connect|Connection refused|Network is unreachable/i.test(text)) return 'offline';
  if (/ETIMEDOUT|ECONNRESET|EPIPE|socket hang up|timed out|Timeout|early EOF|unexpected disconnect|the remote end hung up|aborted/i.test(text)) return 'timeout';
  if (/HTTP Error: 401|HTTP Error: 403|\b401\b|\b403\b|Authentication failed|could not read Username|terminal prompts disabled|Permission denied \(publickey/i.test(text)) return 'authentication';
  if (/Remote branch .* not found|couldn't find remote ref|Could not find .* (branch|ref)|NotFoundError: Could not find refs|not found in upstream/i.test(text)) return 'branch-not-found';
  if (/HTTP Error: 404|not a git repository|repository .* not found|does not appear to be a git repository|SmartHttpError|Remote did not reply using the "smart" HTTP protocol/i.test(text)) return 'not-a-repository';
  if (/ENOSPC|EACCES|EROFS|EDQUOT|No space left/i.test(text)) return 'disk';
  return 'failed';
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [error.name, error.message, (error as { code?: string }).code ?? '', (error as { data?: unknown }).data ? JSON.stringify((error as { data?: unknown }).data) : ''];
  const cause = (error as { cause?: unknown }).cause;
  return parts.join(' ') + (cause ? ` ${errorText(cause)}` : '');
}

/** Removes secrets and any credentials embedded in URLs. */
export function scrub(text: string, secrets: (string | undefined)[]): string {
  let clean = text.replace(/(\w+:\/\/)[^/\s@]+@/g, '$1***@');
  for (const secret of secrets) {
    if (!secret) continue;
    clean = clean.split(secret).join('***');
    const basic = Buffer.from(`x-access-token:${secret}`).toString('base64');
    clean = clean.split(basic).join('***');
  }
  return clean;
}
