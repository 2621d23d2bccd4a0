import { WRITER_ID } from '../../../shared/incident/hybrid-clock';
import { INCIDENT_ID } from '../../../shared/incident/journal';
import type { ShareExchangeReply, ShareRefusal, WriterPlace } from '../../../shared/sharing/share-contract';
import type { SyncErrorKind } from '../../../shared/sync/sync-contract';

// The desktop side's answer to an exchange, checked before anything of it is used: what it hands
// back was read from a repository or folder other people write to. The events themselves are
// checked again, one by one, when the incident store takes them in (record-merge.ts).

/** Long texts (a reason, a path) are cut: they are shown, never used as anything else. */
const MAX_TEXT = 500;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined);

function place(value: unknown): WriterPlace | undefined {
  if (!isRecord(value) || typeof value.incidentId !== 'string' || !INCIDENT_ID.test(value.incidentId) || typeof value.writer !== 'string' || !WRITER_ID.test(value.writer)) return undefined;
  return Number.isInteger(value.lastSeq) && (value.lastSeq as number) >= 0 ? { incidentId: value.incidentId, writer: value.writer, lastSeq: value.lastSeq as number } : undefined;
}

function refusal(value: unknown): ShareRefusal | undefined {
  if (!isRecord(value)) return undefined;
  const path = text(value.path);
  const reason = text(value.reason);
  if (path === undefined || reason === undefined) return undefined;
  return { path, reason, ...(Number.isInteger(value.line) && (value.line as number) > 0 && { line: value.line as number }) };
}

export type CheckedReply = { ok: true; reply: ShareExchangeReply } | { ok: false; reason: string };

export function checkExchangeReply(value: unknown): CheckedReply {
  const wrong = (what: string): CheckedReply => ({ ok: false, reason: `the desktop side answered the exchange with ${what}` });
  if (!isRecord(value)) return wrong('something that is not an answer');
  if (value.ok === false) {
    const message = text(value.message);
    return message === undefined ? wrong('a failure without a reason') : { ok: true, reply: { ok: false, kind: typeof value.kind === 'string' ? (value.kind as SyncErrorKind) : 'failed', message } };
  }
  if (value.ok !== true || !Array.isArray(value.incoming) || !Array.isArray(value.shared) || !Array.isArray(value.refused) || typeof value.at !== 'string' || Number.isNaN(Date.parse(value.at))) return wrong('an answer of the wrong shape');
  const incoming: { incidentId: string; writer: string; events: unknown[] }[] = [];
  for (const group of value.incoming as unknown[]) {
    if (!isRecord(group) || typeof group.incidentId !== 'string' || !INCIDENT_ID.test(group.incidentId) || typeof group.writer !== 'string' || !WRITER_ID.test(group.writer) || !Array.isArray(group.events)) return wrong('incoming events of the wrong shape');
    incoming.push({ incidentId: group.incidentId, writer: group.writer, events: group.events as unknown[] });
  }
  const shared = (value.shared as unknown[]).map(place);
  if (shared.some((entry) => !entry)) return wrong('a shared place of the wrong shape');
  const refused = (value.refused as unknown[]).map(refusal);
  if (refused.some((entry) => !entry)) return wrong('a refused line of the wrong shape');
  const offline = isRecord(value.offline) && text(value.offline.message) !== undefined ? { kind: (typeof value.offline.kind === 'string' ? value.offline.kind : 'offline') as SyncErrorKind, message: text(value.offline.message)! } : undefined;
  return { ok: true, reply: { ok: true, incoming, shared: shared as WriterPlace[], refused: refused as ShareRefusal[], at: value.at, ...(offline && { offline }) } };
}
