import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createJournalStore } from '../../../electron/journal-store';
import { journalLine, readJournal } from '../../../shared/incident/journal';
import { TestRecord } from '../../support/incident-record';
import { tmpdir } from 'node:os';
import { dispatch } from '../../../electron/ipc-dispatch';
import { WaitingSnapshot } from '../../../electron/waiting-snapshot';
import { readSyncedLibraryPath, syncedLibraryPath } from '../../../shared/sync/sync-contract';
import { snapshotText } from '../../../electron/library-reader';
import { parseLibrary } from '../../../shared/library/library-parser';
import { readSnapshotJson } from '../../../shared/sync/snapshot-json';
import { createHandlers } from '../../../electron/ipc-handlers';
import { resolveRendererFile } from '../../../electron/renderer-files';
import { isTrustedSenderUrl } from '../../../electron/trusted-origin';
import { CONTENT_SECURITY_POLICY } from '../../../electron/content-security-policy';
import { CHANNELS, createBridge, MAX_SAVE_BYTES } from '../../../shared/ipc-contract';

const host = { version: '1.2.3', platform: 'linux', host: 'stand-in' as const };

describe('IPC dispatch, the one door of both hosts', () => {
  const handlers = createHandlers(host);
  const call = (channel: unknown, payload?: unknown) => dispatch(handlers, channel, payload);

  it('answers app:info through the typed bridge', async () => {
    const bridge = createBridge((channel, payload) => call(channel, payload));
    await expect(bridge.appInfo()).resolves.toEqual({ version: '1.2.3', platform: 'linux', syncAvailable: false, host: 'stand-in' });
  });

  it.each([
    ['app:info', { evil: true }, 'IPC refused: app:info takes no payload'],
    ['sync:status', 'x', 'IPC refused: sync:status takes no payload'],
    ['sync:run', { haveCommit: '../../etc' }, 'IPC refused: sync:run takes { haveCommit?: commit id }'],
    ['sync:run', [1, 2], 'IPC refused: sync:run takes { haveCommit?: commit id }'],
    ['sync:set-settings', 'url=https://x', 'IPC refused: sync:set-settings takes the settings as an object'],
    ['file:save', { suggestedName: '../../.bashrc', content: 'x', kind: 'text' }, 'IPC refused: file:save takes a plain file name, without folders'],
    ['file:save', { suggestedName: 'a.md', content: 42, kind: 'markdown' }, 'IPC refused: file:save takes the content as text'],
    ['file:save', { suggestedName: 'a.md', content: 'x', kind: 'exe' }, 'IPC refused: file:save kind is one of markdown, json, html, text, bundle'],
    ['file:save', { suggestedName: 'a.md', content: 'x'.repeat(MAX_SAVE_BYTES + 1), kind: 'markdown' }, 'IPC refused: file:save content is larger than 32 MB'],
    ['shell:open', 'https://x', 'IPC refused: unknown channel "shell:open"'],
  ])('refuses %s with a payload of the wrong shape, saying why', async (channel, payload, message) => {
    await expect(call(channel, payload)).rejects.toThrow(message);
  });

  it('says sync and saving need the desktop app where the host cannot do them', async () => {
    await expect(call('sync:run', {})).rejects.toThrow('IPC refused: sync:run: sync needs the desktop app');
    await expect(call('file:save', { suggestedName: 'a.md', content: 'x', kind: 'markdown' })).rejects.toThrow('saving files needs the desktop app');
    await expect(call('journal:list')).rejects.toThrow('the incident journal needs the desktop app');
  });

  it('declares a check for every channel the bridge uses', () => {
    expect(CHANNELS.sort()).toEqual(['app:info', 'file:save', 'journal:append', 'journal:list', 'journal:read', 'share:exchange', 'share:get-settings', 'share:set-settings', 'sync:get-settings', 'sync:run', 'sync:set-settings', 'sync:status']);
  });
});

describe('file:save', () => {
  it('writes where the dialog says, reports a cancel, and says plainly why a write failed', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'failsafe-save-'));
    try {
      const request = { suggestedName: 'database-outage.md', content: '# Outage ✓\n', kind: 'markdown' as const };
      const saving = createHandlers({ ...host, chooseSavePath: async ({ suggestedName }) => path.join(folder, suggestedName) });
      await expect(dispatch(saving, 'file:save', request)).resolves.toEqual({ ok: true, path: path.join(folder, 'database-outage.md') });
      expect(await readFile(path.join(folder, 'database-outage.md'), 'utf8')).toBe('# Outage ✓\n');
      const cancelled = createHandlers({ ...host, chooseSavePath: async () => undefined });
      await expect(dispatch(cancelled, 'file:save', request)).resolves.toEqual({ ok: false, cancelled: true });
      const nowhere = createHandlers({ ...host, chooseSavePath: async () => path.join(folder, 'missing-folder', 'x.md') });
      await expect(dispatch(nowhere, 'file:save', request)).resolves.toMatchObject({ ok: false, cancelled: false, reason: expect.stringMatching(/^Could not save .*x\.md/) });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('trusted senders', () => {
  it('accepts only frames from app://failsafe', () => {
    expect(isTrustedSenderUrl('app://failsafe/index.html')).toBe(true);
    expect(isTrustedSenderUrl('app://failsafe.evil.com/index.html')).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/')).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/index.html')).toBe(false);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });
});

describe('renderer files', () => {
  const root = path.resolve('/srv/renderer');
  it('maps paths inside the build folder', () => {
    expect(resolveRendererFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/app.js?v=1')).toBe(path.join(root, 'assets/app.js'));
  });
  it.each(['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%5c..%5cx', '/a%00b', '/%E0%A4%A'])('refuses %s', (urlPath) => {
    expect(resolveRendererFile(root, urlPath)).toBeUndefined();
  });
});

describe('content security policy', () => {
  it('has no eval, no inline script and no remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

vi.mock('electron', () => {
  throw new Error('the handler modules must not import electron');
});

describe('a synced library waiting in main', () => {
  const snapshot = parseLibrary(
    Array.from({ length: 300 }, (_, index) => ({ path: `r/${index}.md`, text: `# Runbook ${index}\n\n${'Check the replica. '.repeat(250)}` })),
    { kind: 'bundled', builtAt: '2026-11-01T00:00:00Z' },
  );
  const library = (index = Promise.resolve('{"counted":true}')) => ({ ...snapshotText(snapshot), index });

  it('is fetched from its own paths, each part once, and answers nothing for other paths', async () => {
    const waiting = new WaitingSnapshot();
    const handle = waiting.hold(library());
    expect(handle.runbooks).toBe(300);
    expect(waiting.respond('/index.html')).toBeUndefined();
    expect(waiting.respond(`/.synced/${handle.id}/other`)).toBeUndefined();
    const text = await waiting.respond(syncedLibraryPath(handle.id, 'library'));
    expect(text).toMatchObject({ status: 200, type: expect.stringContaining('application/json') });
    expect(readSnapshotJson(String(text?.body))).toEqual(snapshot);
    expect(await waiting.respond(syncedLibraryPath(handle.id, 'index'))).toMatchObject({ status: 200, body: '{"counted":true}' });
    // Read once, then let go.
    expect(await waiting.respond(syncedLibraryPath(handle.id, 'library'))).toMatchObject({ status: 404, body: expect.stringMatching(/no longer waiting/) });
  });

  it('refuses a handle a newer sync replaced, and says when the index could not be counted', async () => {
    const waiting = new WaitingSnapshot();
    const older = waiting.hold(library());
    const newer = waiting.hold(library(Promise.reject(new Error('out of memory'))));
    expect(await waiting.respond(syncedLibraryPath(older.id, 'library'))).toMatchObject({ status: 404, body: expect.stringMatching(/newer sync replaced it/) });
    expect(await waiting.respond(syncedLibraryPath(newer.id, 'index'))).toMatchObject({ status: 500, body: expect.stringMatching(/not counted: out of memory/) });
    expect(await waiting.respond(syncedLibraryPath(newer.id, 'library'))).toMatchObject({ status: 200 });
  });

  it('answers only a well-formed handle path', () => {
    const waiting = new WaitingSnapshot();
    const handle = waiting.hold(library());
    for (const pathname of [`/.synced/${handle.id}/library/`, `/.synced/${handle.id}/../library`, `/.synced/${handle.id.toUpperCase()}/library`, '/.synced/x/library', `/assets/.synced/${handle.id}/library`]) {
      expect(readSyncedLibraryPath(pathname)).toBeUndefined();
    }
    expect(readSyncedLibraryPath(syncedLibraryPath(handle.id, 'index'))).toEqual({ id: handle.id, part: 'index' });
  });
});

describe('the incident journal files', () => {
  const declared = new TestRecord('inc-1').add({ type: 'incident-declared', title: 'API down', severity: 'P1' }).add({ type: 'incident-note', noteId: 'n1', text: 'first note', followUp: false });
  const lines = declared.events.map(journalLine);

  it('appends each event as a line, in order, and reads them back; lists the incidents it has', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'failsafe-journal-'));
    const handlers = createHandlers({ ...host, journal: createJournalStore(folder) });
    const call = (channel: unknown, payload?: unknown) => dispatch(handlers, channel, payload);
    // Two appends asked at once land in the order asked.
    await Promise.all([call('journal:append', { incidentId: 'inc-1', lines: [lines[0]] }), call('journal:append', { incidentId: 'inc-1', lines: [lines[1]] })]);
    const read = (await call('journal:read', { incidentId: 'inc-1' })) as { ok: true; text: string };
    expect(read.text).toBe(`${lines[0]}\n${lines[1]}\n`);
    expect(readJournal(read.text).events).toEqual(declared.events);
    expect(await call('journal:list')).toEqual(['inc-1']);
    expect(await call('journal:read', { incidentId: 'inc-2' })).toEqual({ ok: false, missing: true, reason: 'there is no journal file for this incident' });
    await rm(folder, { recursive: true, force: true });
  });

  it('says plainly when the file cannot be written', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'failsafe-journal-'));
    const blocked = path.join(folder, 'not-a-folder');
    await writeFile(blocked, 'a file where the folder should be');
    const reply = await createJournalStore(blocked).append({ incidentId: 'inc-1', lines: [lines[0]] });
    expect(reply).toEqual({ ok: false, reason: expect.stringMatching(/^the journal file could not be written \((EEXIST|ENOTDIR)\)$/) });
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    [{ incidentId: '../../etc/passwd', lines: [lines[0]] }, 'takes { incidentId, lines }'],
    [{ incidentId: 'inc-1', lines: [] }, 'takes the lines as a list of text'],
    [{ incidentId: 'inc-1', lines: ['rm -rf /'] }, 'a line is not JSON'],
    [{ incidentId: 'inc-1', lines: ['{"type":"exploded"}'] }, 'a line is not an event: unknown event type "exploded"'],
    [{ incidentId: 'inc-2', lines: [lines[0]] }, 'a line belongs to another incident'],
    [{ incidentId: 'inc-1', lines: [`${lines[0]}\n${lines[1]}`] }, 'a line is not JSON'],
  ])('refuses to write what is not an event of that incident: %j', async (payload, reason) => {
    const handlers = createHandlers({ ...host, journal: createJournalStore(path.join(tmpdir(), 'never-written')) });
    await expect(dispatch(handlers, 'journal:append', payload)).rejects.toThrow(`IPC refused: journal:append ${reason}`);
  });
});
