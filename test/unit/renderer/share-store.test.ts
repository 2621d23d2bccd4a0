import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FailsafeBridge } from '../../../shared/ipc-contract';
import type { IncidentEvent } from '../../../shared/incident/incident-events';
import { DEFAULT_SHARE_SETTINGS, type ShareExchangeReply, type ShareExchangeRequest, type ShareSettings, type ShareSettingsView } from '../../../shared/sharing/share-contract';
import { forgetFreshApp, relaunchOnDatabase } from '../../support/fresh-app';
import { TestRecord } from '../../support/incident-record';

// The share store on a fake IndexedDB behind a fake desktop side: what it asks the shared place
// for, what it does with the answer, and what it remembers across a relaunch.

const PEER = 'w-dana';
const AT = '2026-11-23T02:20:00.000Z';

interface FakeDesktop {
  bridge: FailsafeBridge;
  requests: ShareExchangeRequest[];
  settings: ShareSettingsView;
  /** The next answers, in order; `ok` with nothing shared when none is left. */
  replies: (ShareExchangeReply | Promise<ShareExchangeReply> | Error)[];
}

function fakeDesktop(settings: Partial<ShareSettings> = { mode: 'folder', folder: '/shared/incidents' }): FakeDesktop {
  const desktop: FakeDesktop = {
    requests: [],
    settings: { ...DEFAULT_SHARE_SETTINGS, ...settings, libraryUrl: 'https://git.example.com/team/runbooks.git', hasToken: false, systemGitAvailable: true },
    replies: [],
    bridge: undefined as unknown as FailsafeBridge,
  };
  desktop.bridge = {
    appendJournal: async () => ({ ok: true }),
    readJournal: async () => ({ ok: false, missing: true, reason: 'none' }),
    listJournals: async () => [],
    shareSettings: async () => desktop.settings,
    saveShareSettings: async (next: ShareSettings) => {
      if (next.mode === 'folder' && !next.folder.startsWith('/')) return { ok: false, reason: 'the shared folder must be a full path' };
      desktop.settings = { ...desktop.settings, ...next };
      return { ok: true, settings: next };
    },
    exchangeIncidents: async (request: ShareExchangeRequest) => {
      // A copy: what was asked, as it was asked.
      desktop.requests.push(structuredClone(request));
      const next = desktop.replies.shift() ?? { ok: true, incoming: [], shared: [], refused: [], at: AT };
      if (next instanceof Error) throw next;
      return next;
    },
  } as Partial<FailsafeBridge> as FailsafeBridge;
  return desktop;
}

let databaseName = 0;

/** As much of a window as the stores read when loaded (the incident feature's index brings the routes). */
const windowWith = (failsafe: FailsafeBridge | undefined) => ({ failsafe, location: { hash: '' }, addEventListener() {}, removeEventListener() {} });

async function launch(name: string, desktop: FakeDesktop) {
  relaunchOnDatabase(name);
  vi.stubGlobal('window', windowWith(desktop.bridge));
  const { useIncidentStore } = await import('../../../renderer/features/incident/incident-store');
  const { useShareStore } = await import('../../../renderer/features/sharing/share-store');
  const { unsharedCount } = await import('../../../renderer/features/sharing/exchange-plan');
  await useIncidentStore.getState().init();
  await useShareStore.getState().init();
  const unshared = (incidentId: string) => unsharedCount(useIncidentStore.getState().loaded[incidentId]?.state.writers[useIncidentStore.getState().writer.id]?.lastSeq ?? 0, useShareStore.getState().sharedSeq[incidentId]);
  return { incidents: useIncidentStore, share: useShareStore, unshared };
}

/** An incident another responder declared and noted, as their file holds it. */
function peerIncident(): IncidentEvent[] {
  const record = new TestRecord('inc-from-dana', { id: PEER, name: 'Dana' });
  record.add({ type: 'incident-declared', title: 'Payments failing', severity: 'P1' });
  record.wait(1000).add({ type: 'incident-note', noteId: 'note-1', text: 'card processor returns 502', followUp: false });
  return record.events;
}

const ok = (reply: Partial<Extract<ShareExchangeReply, { ok: true }>>): ShareExchangeReply => ({ ok: true, incoming: [], shared: [], refused: [], at: AT, ...reply });

beforeEach(() => databaseName++);
afterEach(() => {
  vi.unstubAllGlobals();
  forgetFreshApp();
});

describe('an exchange', () => {
  it('sends the whole own list of each incident with unshared events, and only those', async () => {
    const desktop = fakeDesktop();
    const { incidents, share, unshared } = await launch(`share-${databaseName}`, desktop);
    const a = (await incidents.getState().declare('Checkout down', 'P1'))!;
    const b = (await incidents.getState().declare('Search slow', 'P3', { keepCurrent: true }))!;
    await incidents.getState().record(a, [{ type: 'incident-note', noteId: 'n1', text: 'rolled back', followUp: false }]);
    const writer = incidents.getState().writer.id;
    desktop.replies.push(ok({ shared: [{ incidentId: a, writer, lastSeq: 2 }, { incidentId: b, writer, lastSeq: 1 }] }));

    expect(await share.getState().exchangeNow()).toBe(true);
    const [first] = desktop.requests;
    expect(first.writer).toBe(writer);
    expect(first.outgoing.map((entry) => [entry.incidentId, entry.events.map((event) => event.seq)]).sort()).toEqual([[a, [1, 2]], [b, [1]]].sort());
    expect(first.outgoing.flatMap((entry) => entry.events).every((event) => event.writer === writer)).toBe(true);
    expect([unshared(a), unshared(b)]).toEqual([0, 0]);

    await incidents.getState().record(a, [{ type: 'incident-note', noteId: 'n2', text: 'errors gone', followUp: false }]);
    expect(unshared(a)).toBe(1);
    await share.getState().exchangeNow();
    // Only the incident with something new goes, from its first event: the file only ever grows.
    expect(desktop.requests[1].outgoing.map((entry) => [entry.incidentId, entry.events.map((event) => event.seq)])).toEqual([[a, [1, 2, 3]]]);
  });

  it('says what it holds of others, and hands what they wrote to the incident store: a joined incident shows who declared it', async () => {
    const desktop = fakeDesktop();
    const { incidents, share } = await launch(`share-${databaseName}`, desktop);
    const events = peerIncident();
    desktop.replies.push(ok({ incoming: [{ incidentId: 'inc-from-dana', writer: PEER, events }] }));
    await share.getState().exchangeNow();
    expect(desktop.requests[0].have).toEqual([]);
    expect(incidents.getState().list).toEqual([expect.objectContaining({ id: 'inc-from-dana', title: 'Payments failing', declaredBy: 'Dana' })]);

    // Taken in once: the same events again add nothing, and the next request says they are held.
    desktop.replies.push(ok({ incoming: [{ incidentId: 'inc-from-dana', writer: PEER, events }] }));
    await share.getState().exchangeNow();
    await share.getState().exchangeNow();
    expect(desktop.requests[2].have).toEqual([{ incidentId: 'inc-from-dana', writer: PEER, lastSeq: 2 }]);
    const opened = await incidents.getState().open('inc-from-dana');
    expect(opened?.events).toHaveLength(2);
    expect(share.getState().refused).toEqual([]);
  });

  it('lists what it would not take in: the shared place’s refusals, and a line claiming to be this machine’s', async () => {
    const desktop = fakeDesktop();
    const { incidents, share } = await launch(`share-${databaseName}`, desktop);
    const id = (await incidents.getState().declare('Checkout down', 'P1'))!;
    const writer = incidents.getState().writer.id;
    const forged = { ...peerIncident()[1], incidentId: id, writer, seq: 2 };
    desktop.replies.push(
      ok({
        incoming: [{ incidentId: id, writer: PEER, events: [forged] }],
        refused: [{ path: `incidents/${id}/w-mallory.jsonl`, line: 3, reason: 'it holds an event of another writer' }],
      }),
    );
    await share.getState().exchangeNow();
    expect(share.getState().refused).toEqual([
      { path: `incidents/${id}/w-mallory.jsonl`, line: 3, reason: 'it holds an event of another writer' },
      { path: `incidents/${id}/${writer}.jsonl`, reason: 'event 2: it claims to be this machine’s own, which only this machine writes' },
    ]);
    expect(incidents.getState().loaded[id].events).toHaveLength(1);
  });

  it('keeps what was confirmed shared across a relaunch, for that shared place only', async () => {
    const desktop = fakeDesktop();
    const name = `share-${databaseName}`;
    const first = await launch(name, desktop);
    const id = (await first.incidents.getState().declare('Checkout down', 'P1'))!;
    const other = (await first.incidents.getState().declare('Search slow', 'P3', { keepCurrent: true }))!;
    await first.incidents.getState().record(id, [{ type: 'incident-note', noteId: 'n1', text: 'paged the DBA', followUp: false }]);
    desktop.replies.push(ok({ shared: [{ incidentId: id, writer: first.incidents.getState().writer.id, lastSeq: 1 }] }));
    await first.share.getState().exchangeNow();
    expect(first.unshared(id)).toBe(1);

    const again = await launch(name, desktop);
    await again.incidents.getState().open(id);
    expect(again.share.getState().sharedSeq[id]).toBe(1);
    expect(again.unshared(id)).toBe(1);
    // The incident not open in this window is read from the database, and was never confirmed.
    expect(again.incidents.getState().loaded[other]).toBeUndefined();
    await again.share.getState().exchangeNow();
    expect(desktop.requests.at(-1)!.outgoing.map((entry) => [entry.incidentId, entry.events.length]).sort()).toEqual([[id, 2], [other, 1]].sort());

    // Another folder has none of it: everything is unshared there.
    expect(await again.share.getState().saveSettings({ ...desktop.settings, folder: '/elsewhere' })).toBeUndefined();
    expect(again.unshared(id)).toBe(2);
  });

  it('follows the library’s repository when it shares through it and the library moves', async () => {
    const desktop = fakeDesktop({ mode: 'git', url: '' });
    const { incidents, share, unshared } = await launch(`share-${databaseName}`, desktop);
    const id = (await incidents.getState().declare('Checkout down', 'P1'))!;
    desktop.replies.push(ok({ shared: [{ incidentId: id, writer: incidents.getState().writer.id, lastSeq: 1 }] }));
    await share.getState().exchangeNow();
    expect(unshared(id)).toBe(0);
    // Settings › Library sync saved another repository: the sharing settings read it again.
    desktop.settings = { ...desktop.settings, libraryUrl: 'https://git.example.com/team/new-runbooks.git' };
    await share.getState().libraryChanged();
    expect(share.getState().settings?.libraryUrl).toBe('https://git.example.com/team/new-runbooks.git');
    expect(unshared(id)).toBe(1);
  });

  it('never counts as shared more than this machine has, whatever the shared place says', async () => {
    const desktop = fakeDesktop();
    const { incidents, share, unshared } = await launch(`share-${databaseName}`, desktop);
    const id = (await incidents.getState().declare('Checkout down', 'P1'))!;
    desktop.replies.push(ok({ shared: [{ incidentId: id, writer: incidents.getState().writer.id, lastSeq: 40 }] }));
    await share.getState().exchangeNow();
    await incidents.getState().record(id, [{ type: 'incident-note', noteId: 'n1', text: 'next', followUp: false }]);
    expect(unshared(id)).toBe(1);
  });

  it('keeps the reason while the shared place cannot be reached, and clears it once it can', async () => {
    const desktop = fakeDesktop();
    const { incidents, share, unshared } = await launch(`share-${databaseName}`, desktop);
    const id = (await incidents.getState().declare('Checkout down', 'P1'))!;
    desktop.replies.push(ok({ offline: { kind: 'offline', message: 'the folder /shared/incidents is not mounted' } }), { ok: false, kind: 'authentication', message: 'the repository refused the token' }, new Error('main crashed'));
    expect(await share.getState().exchangeNow()).toBe(false);
    expect(share.getState().offline).toBe('the folder /shared/incidents is not mounted');
    expect(await share.getState().exchangeNow()).toBe(false);
    expect(share.getState().offline).toBe('the repository refused the token');
    expect(await share.getState().exchangeNow()).toBe(false);
    expect(share.getState().offline).toMatch(/main crashed/);
    expect(unshared(id)).toBe(1);
    // Every try carried the events still waiting.
    expect(desktop.requests.map((request) => request.outgoing.length)).toEqual([1, 1, 1]);

    desktop.replies.push(ok({ shared: [{ incidentId: id, writer: incidents.getState().writer.id, lastSeq: 1 }] }));
    expect(await share.getState().exchangeNow()).toBe(true);
    expect(share.getState().offline).toBeUndefined();
    expect(share.getState().lastExchangeAt).toBe(AT);
    expect(unshared(id)).toBe(0);
  });

  it('shares an incident recorded before incidents could be shared, its events read as this writer’s with derived clocks', async () => {
    const desktop = fakeDesktop();
    const name = `share-${databaseName}`;
    relaunchOnDatabase(name);
    const { appDatabase } = await import('../../../renderer/app/services/app-services');
    const { appendEvents } = await import('../../../renderer/features/incident/incident-record');
    const old = new TestRecord('inc-old', { id: 'w-x' }).add({ type: 'incident-declared', title: 'Last year’s outage', severity: 'P2' });
    const legacy = old.events.map(({ writer: _writer, hlc: _hlc, ...event }) => event as IncidentEvent);
    await appendEvents(appDatabase(), legacy, old.current);
    const { incidents, share } = await launch(name, desktop);
    const id = (await incidents.getState().declare('Checkout down', 'P1'))!;
    await share.getState().exchangeNow();
    expect(desktop.requests[0].outgoing.map((entry) => entry.incidentId).sort()).toEqual([id, 'inc-old'].sort());
    const sent = desktop.requests[0].outgoing.find((entry) => entry.incidentId === 'inc-old')!;
    expect(sent.events).toEqual([{ ...legacy[0], writer: incidents.getState().writer.id, hlc: old.events[0].hlc }]);
    expect(share.getState().unshareable['inc-old']).toBeUndefined();
  });

  it('treats an answer of the wrong shape as no answer', async () => {
    const desktop = fakeDesktop();
    const { share } = await launch(`share-${databaseName}`, desktop);
    desktop.replies.push({ ok: true, incoming: 'everything' } as unknown as ShareExchangeReply);
    expect(await share.getState().exchangeNow()).toBe(false);
    expect(share.getState().offline).toMatch(/wrong shape/);
  });

  it('never runs two at once: asked during one, it runs one more after it', async () => {
    const desktop = fakeDesktop();
    const { incidents, share } = await launch(`share-${databaseName}`, desktop);
    await incidents.getState().declare('Checkout down', 'P1');
    let answer!: (reply: ShareExchangeReply) => void;
    desktop.replies.push(new Promise((resolve) => (answer = resolve)));
    const running = share.getState().exchangeNow();
    await vi.waitFor(() => expect(desktop.requests).toHaveLength(1));
    expect(share.getState().running).toBe(true);
    const asked = [share.getState().exchangeNow(), share.getState().exchangeNow()];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(desktop.requests).toHaveLength(1);
    answer(ok({}));
    expect(await Promise.all([running, ...asked])).toEqual([true, true, true]);
    expect(desktop.requests).toHaveLength(2);
    expect(share.getState().running).toBe(false);
  });

  it('does nothing while sharing is off, and says the desktop side’s reason when settings are refused', async () => {
    const desktop = fakeDesktop({ mode: 'off' });
    const { incidents, share } = await launch(`share-${databaseName}`, desktop);
    await incidents.getState().declare('Checkout down', 'P1');
    expect(await share.getState().exchangeNow()).toBe(false);
    expect(desktop.requests).toEqual([]);
    expect(await share.getState().saveSettings({ ...desktop.settings, mode: 'folder', folder: 'relative/path' })).toBe('the shared folder must be a full path');
    expect(share.getState().settings?.mode).toBe('off');
  });

  it('says sharing needs the desktop app where there is no desktop side', async () => {
    relaunchOnDatabase(`share-${databaseName}`);
    vi.stubGlobal('window', windowWith(undefined));
    const { useShareStore } = await import('../../../renderer/features/sharing/share-store');
    await useShareStore.getState().init();
    expect(useShareStore.getState()).toMatchObject({ available: false, unavailable: 'Sharing incidents needs the desktop app.' });
    expect(await useShareStore.getState().exchangeNow()).toBe(false);
  });
});
