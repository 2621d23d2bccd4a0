// What the sharing tests stand on: a desktop side per writer (its own user data folder, its own
// library sync settings and token), events stamped as the renderer stamps them, and the channel
// called through the real dispatch, so every request passes the contract's check first.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { dispatch } from '../../../../electron/ipc-dispatch';
import { createHandlers, type ShareHandlers } from '../../../../electron/ipc-handlers';
import { createShareHost, type ShareHostOptions } from '../../../../electron/share/share-host';
import { createSyncHost } from '../../../../electron/sync/sync-host';
import type { Cipher } from '../../../../electron/sync/token-vault';
import type { IncidentEvent } from '../../../../shared/incident/incident-events';
import { DEFAULT_SHARE_SETTINGS, type ShareExchangeReply, type ShareExchangeRequest, type ShareSettings, type WriterPlace } from '../../../../shared/sharing/share-contract';
import { DEFAULT_SYNC_SETTINGS } from '../../../../shared/sync/sync-contract';
import { TestRecord } from '../../../support/incident-record';

// A stand-in for safeStorage: reversible, and visibly not the plain token on disk.
const testCipher: Cipher = {
  available: () => true,
  encrypt: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  decrypt: (data) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
};

export interface Desk {
  writer: string;
  userData: string;
  share: ShareHandlers;
  exchange(outgoing: ShareExchangeRequest['outgoing'], have?: WriterPlace[]): Promise<Extract<ShareExchangeReply, { ok: true }>>;
}

/** A writer's desktop side: library sync set to `library` (URL and token), sharing set to `settings`. */
export async function desk(writer: string, settings: Partial<ShareSettings>, library: { url: string; token?: string } | undefined, options: ShareHostOptions = {}): Promise<Desk> {
  const userData = await mkdtemp(path.join(tmpdir(), `failsafe-share-${writer}-`));
  const sync = await createSyncHost(userData, testCipher);
  if (library) {
    await sync.settings.write({ ...DEFAULT_SYNC_SETTINGS, url: library.url });
    if (library.token) await sync.vault.set(library.token);
  }
  const share = createShareHost(userData, sync, options);
  const saved = await share.saveSettings({ ...DEFAULT_SHARE_SETTINGS, ...settings });
  if (!saved.ok) throw new Error(`settings refused: ${saved.reason}`);
  const handlers = createHandlers({ version: 'test', platform: process.platform, host: 'stand-in', sync, share });
  return {
    writer,
    userData,
    share,
    async exchange(outgoing, have = []) {
      const reply = (await dispatch(handlers, 'share:exchange', { writer, outgoing, have })) as ShareExchangeReply;
      if (!reply.ok) throw new Error(`exchange failed: ${reply.kind}: ${reply.message}`);
      return reply;
    },
  };
}

/** `count` events of one writer in an incident: a declaration, then notes a second apart. */
export function eventsOf(writer: string, count: number, incidentId = 'inc-1'): IncidentEvent[] {
  const record = new TestRecord(incidentId, { id: writer, name: `Responder ${writer}` });
  record.add({ type: 'incident-declared', title: 'Checkout is down', severity: 'P1' });
  for (let index = 1; index < count; index++) record.wait(1000).add({ type: 'incident-note', noteId: `${writer}-${index}`, text: `note ${index} by ${writer}`, followUp: false });
  return record.events;
}

/** The incoming events of one writer, by number. */
export function seqsFrom(reply: Extract<ShareExchangeReply, { ok: true }>, writer: string, incidentId = 'inc-1'): number[] {
  return reply.incoming.filter((file) => file.writer === writer && file.incidentId === incidentId).flatMap((file) => file.events.map((event) => (event as IncidentEvent).seq));
}

export function sharedSeq(reply: Extract<ShareExchangeReply, { ok: true }>, incidentId = 'inc-1'): number | undefined {
  return reply.shared.find((place) => place.incidentId === incidentId)?.lastSeq;
}

export function expectNoSecret(reply: unknown, token: string): void {
  expect(JSON.stringify(reply)).not.toContain(token);
  expect(JSON.stringify(reply)).not.toContain(Buffer.from(`x-access-token:${token}`).toString('base64'));
}
