import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsFile } from '../../../../electron/sync/settings-file';
import { DEFAULT_SYNC_SETTINGS } from '../../../../shared/sync/sync-contract';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'failsafe-settings-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('the sync settings file and published sites', () => {
  it('reads a file written before sites existed, with its settings and no site', async () => {
    const file = path.join(folder, 'sync-settings.json');
    await writeFile(file, JSON.stringify({ url: 'https://git.example.com/team/runbooks.git', branch: 'main', subfolder: 'docs', transport: 'isomorphic-git', autoSync: false, intervalMinutes: 30 }));
    expect(await createSettingsFile(file).read()).toEqual({ url: 'https://git.example.com/team/runbooks.git', branch: 'main', subfolder: 'docs', transport: 'isomorphic-git', autoSync: false, intervalMinutes: 30, siteBases: [] });
  });

  it('keeps the sites it wrote', async () => {
    const file = path.join(folder, 'sync-settings.json');
    const settings = { ...DEFAULT_SYNC_SETTINGS, siteBases: [{ url: 'https://runbooks.prometheus-operator.dev/runbooks/', folder: 'content/runbooks' }] };
    await createSettingsFile(file).write(settings);
    expect(JSON.parse(await readFile(file, 'utf8')).siteBases).toEqual(settings.siteBases);
    expect(await createSettingsFile(file).read()).toEqual(settings);
  });
});
