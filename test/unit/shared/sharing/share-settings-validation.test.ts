import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARE_SETTINGS } from '../../../../shared/sharing/share-contract';
import { checkShareSettings, isAbsoluteFolder } from '../../../../shared/sharing/share-settings-validation';

describe('share settings', () => {
  it('takes the defaults (sharing off) and a whole valid setting', () => {
    expect(checkShareSettings({})).toEqual({ ok: true, settings: DEFAULT_SHARE_SETTINGS });
    expect(checkShareSettings({ mode: 'git', url: ' https://git.example.com/team/incidents.git ', branch: 'incidents', transport: 'system-git', pollSeconds: 5 })).toEqual({
      ok: true,
      settings: { mode: 'git', url: 'https://git.example.com/team/incidents.git', branch: 'incidents', transport: 'system-git', folder: '', pollSeconds: 5 },
    });
  });

  it('refuses what library sync refuses, and a folder that is not a full path', () => {
    const refused = (value: object) => checkShareSettings({ ...DEFAULT_SHARE_SETTINGS, ...value });
    expect(refused({ mode: 'git', url: 'https://user:tok@git.example.com/x.git' })).toMatchObject({ ok: false, reason: expect.stringMatching(/token/) });
    expect(refused({ mode: 'git', url: 'git@host:team/x.git' })).toMatchObject({ ok: false, reason: expect.stringMatching(/system git/) });
    expect(refused({ mode: 'git', branch: '--upload-pack=evil' })).toMatchObject({ ok: false, reason: expect.stringMatching(/branch/) });
    expect(refused({ mode: 'git', branch: '' })).toMatchObject({ ok: false, reason: expect.stringMatching(/Name the branch/) });
    expect(refused({ mode: 'folder', folder: 'relative/path' })).toMatchObject({ ok: false, reason: expect.stringMatching(/full path/) });
    expect(refused({ mode: 'folder', folder: '/srv/share\n' + 'x' })).toMatchObject({ ok: false });
    expect(refused({ mode: 'sideways' })).toMatchObject({ ok: false });
    expect(refused({ pollSeconds: 0 })).toMatchObject({ ok: false });
    expect(checkShareSettings(null)).toMatchObject({ ok: false });
  });

  it('knows full paths on every system', () => {
    for (const folder of ['/mnt/team', 'C:\\Team\\Incidents', 'd:/share', '\\\\server\\share']) expect(isAbsoluteFolder(folder)).toBe(true);
    for (const folder of ['team', './team', 'C:team', '\\\\server', '']) expect(isAbsoluteFolder(folder)).toBe(false);
  });
});
