import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_SETTINGS } from '../../../shared/sync/sync-contract';
import { checkSyncSettings } from '../../../shared/sync/sync-settings-validation';

const check = (changes: Record<string, unknown>) => checkSyncSettings({ ...DEFAULT_SYNC_SETTINGS, ...changes });

describe('sync settings validation', () => {
  it.each(['https://git.example.com/team/runbooks.git', 'http://127.0.0.1:8080/r.git', 'http://localhost/r.git', 'http://[::1]:9/r.git', ''])('accepts %s', (url) => {
    expect(check({ url })).toMatchObject({ ok: true, settings: { url } });
  });

  it.each([
    ['http://git.example.com/r.git', /only for this machine/],
    ['http://192.168.1.10/r.git', /only for this machine/],
    ['https://user:secret@git.example.com/r.git', /token field/],
    ['git@github.com:team/runbooks.git', /system git/],
    ['ssh://git@example.com/r.git', /system git/],
    ['file:///etc', /https/],
    ['ext::sh -c touch% /tmp/pwned', /spaces/],
  ])('refuses %s', (url, reason) => {
    expect(check({ url })).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('accepts ssh with the system git', () => {
    expect(check({ url: 'git@github.com:team/runbooks.git', transport: 'system-git' }).ok).toBe(true);
  });

  it('checks branch, subfolder and interval, and normalises the subfolder', () => {
    expect(check({ branch: '--upload-pack=evil' }).ok).toBe(false);
    expect(check({ branch: 'a..b' }).ok).toBe(false);
    expect(check({ subfolder: '../etc' }).ok).toBe(false);
    expect(check({ subfolder: 'docs\\runbooks' }).ok).toBe(false);
    expect(check({ subfolder: '/docs/runbooks/' })).toMatchObject({ ok: true, settings: { subfolder: 'docs/runbooks' } });
    expect(check({ intervalMinutes: 0 }).ok).toBe(false);
    expect(check({ intervalMinutes: 2.5 }).ok).toBe(false);
    expect(check({ transport: 'curl' }).ok).toBe(false);
  });

  it('keeps, replaces or removes the token', () => {
    expect(check({})).toMatchObject({ ok: true });
    expect('token' in (check({}) as { settings: object }).settings).toBe(false);
    expect(check({ token: ' abc ' })).toMatchObject({ settings: { token: 'abc' } });
    expect(check({ token: null })).toMatchObject({ settings: { token: null } });
    expect(check({ token: 'a\nb' }).ok).toBe(false);
  });
});
