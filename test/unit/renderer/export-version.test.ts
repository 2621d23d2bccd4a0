import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import viteConfig from '../../../vite.config';
import { TestRecord } from '../../support/incident-record';

// The export names the app's version in every build. The browser build has no desktop side to ask,
// so the version is written into it by the build (`define`); the desktop side's answer wins where there is one.

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

const MOCKED = ['app/services/app-services', 'features/incident/incident-record', 'features/library', 'features/run'].map((path) => `../../../renderer/${path}`);

async function exportWith(appInfo: unknown) {
  vi.resetModules();
  vi.stubGlobal('window', { addEventListener: () => undefined });
  vi.stubGlobal('navigator', { onLine: true });
  vi.doMock(MOCKED[0], () => ({ appDatabase: () => ({}) }));
  vi.doMock(MOCKED[1], () => ({ readResponderName: () => Promise.resolve(undefined) }));
  vi.doMock(MOCKED[2], () => ({ useLibraryStore: { getState: () => ({ meta: { version: 'lib-1', source: { kind: 'bundled' } } }) } }));
  vi.doMock(MOCKED[3], () => ({ readRunbook: () => Promise.resolve(undefined) }));
  const { useAppStore } = await import('../../../renderer/app/services/app-store');
  useAppStore.setState({ appInfo: appInfo as never });
  const { incidentMarkdown } = await import('../../../renderer/features/incident/incident-export');
  const record = new TestRecord().add({ type: 'incident-declared', title: 'Slow search', severity: 'SEV3' });
  return incidentMarkdown({ state: record.current, events: record.events });
}

afterEach(() => {
  vi.unstubAllGlobals();
  for (const path of MOCKED) vi.doUnmock(path);
});

describe('the app version in the export', () => {
  it('is written into the renderer build from package.json', () => {
    expect(viteConfig).toMatchObject({ define: { __APP_VERSION__: JSON.stringify(version) } });
  });

  it('in the browser build is the version built in, with the host beside it', async () => {
    vi.stubGlobal('__APP_VERSION__', version);
    const markdown = await exportWith(undefined);
    expect(markdown).toContain(`| Failsafe | ${version} (browser) |`);
    expect(markdown).not.toContain('browser build');
  });

  it('in the desktop app is the version the desktop side gives', async () => {
    const markdown = await exportWith({ version: '9.9.9', host: 'electron', journalFolder: '/tmp' });
    expect(markdown).toContain('| Failsafe | 9.9.9 (desktop) |');
  });
});
