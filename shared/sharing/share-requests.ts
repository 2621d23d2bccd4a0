// Runtime checks of the sharing channels' requests (shared/ipc-contract.ts declares the channels).
// What a renderer sends to be written to the shared place is checked here, before main touches a
// file: only well-formed events of the writer itself, numbered from 1 without a gap.
import { WRITER_ID } from '../incident/hybrid-clock';
import { INCIDENT_ID } from '../incident/journal';
import { receivedEventProblem } from '../incident/record-merge';
import { MAX_SHARE_REQUEST_CHARS, type ShareExchangeRequest, type ShareSettings } from './share-contract';

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkShareSettingsShape(payload: unknown): Checked<ShareSettings> {
  // Their meaning (a valid URL or folder) is the handler's to judge, with a reason Settings shows.
  return isRecord(payload) ? { ok: true, value: payload as unknown as ShareSettings } : { ok: false, reason: 'takes the settings as an object' };
}

export function checkExchangeRequest(payload: unknown): Checked<ShareExchangeRequest> {
  const shape = 'takes { writer, outgoing: [{ incidentId, events }], have: [{ incidentId, writer, lastSeq }] }';
  if (!isRecord(payload) || typeof payload.writer !== 'string' || !WRITER_ID.test(payload.writer) || !Array.isArray(payload.outgoing) || !Array.isArray(payload.have)) return { ok: false, reason: shape };
  const writer = payload.writer;
  let size = 0;
  for (const entry of payload.outgoing as unknown[]) {
    if (!isRecord(entry) || typeof entry.incidentId !== 'string' || !INCIDENT_ID.test(entry.incidentId) || !Array.isArray(entry.events)) return { ok: false, reason: shape };
    let expected = 1;
    for (const event of entry.events as unknown[]) {
      const problem = receivedEventProblem(event);
      if (problem) return { ok: false, reason: `an outgoing event is not an event: ${problem}` };
      const checked = event as { incidentId: string; writer: string; seq: number };
      if (checked.incidentId !== entry.incidentId) return { ok: false, reason: 'an outgoing event belongs to another incident' };
      if (checked.writer !== writer) return { ok: false, reason: 'an outgoing event is another writer’s: a writer sends only its own' };
      if (checked.seq !== expected++) return { ok: false, reason: 'outgoing events are numbered from 1 without a gap' };
      size += JSON.stringify(event).length;
      if (size > MAX_SHARE_REQUEST_CHARS) return { ok: false, reason: 'outgoing events are too large' };
    }
  }
  for (const place of payload.have as unknown[]) {
    if (!isRecord(place) || typeof place.incidentId !== 'string' || !INCIDENT_ID.test(place.incidentId) || typeof place.writer !== 'string' || !WRITER_ID.test(place.writer) || !Number.isInteger(place.lastSeq) || (place.lastSeq as number) < 0) {
      return { ok: false, reason: shape };
    }
  }
  return { ok: true, value: payload as unknown as ShareExchangeRequest };
}
