import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_SETTINGS } from '../../../shared/sync/sync-contract';
import { siteBasesFromText, siteBasesText } from '../../../shared/sync/site-bases';
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

describe('published sites in the sync settings', () => {
  it('keeps http(s) sites with a folder inside the library, each base ending with /', () => {
    expect(check({ siteBases: [{ url: 'https://runbooks.prometheus-operator.dev/runbooks', folder: '/content/runbooks/' }, { url: 'http://wiki.acme.internal/ops/?x=1#top', folder: '' }] })).toMatchObject({
      ok: true,
      settings: { siteBases: [{ url: 'https://runbooks.prometheus-operator.dev/runbooks/', folder: 'content/runbooks' }, { url: 'http://wiki.acme.internal/ops/', folder: '' }] },
    });
  });

  it.each([
    [[{ url: 'ftp://runbooks.acme.dev/', folder: '' }], /http or https/],
    [[{ url: 'javascript:alert(1)//', folder: '' }], /http or https/],
    [[{ url: 'https://user:pw@runbooks.acme.dev/', folder: '' }], /http or https/],
    [[{ url: 'not a url', folder: '' }], /not valid/],
    [[{ url: 'https://runbooks.acme.dev/', folder: '../outside' }], /plain folder of the library/],
    [[{ url: 'https://runbooks.acme.dev/', folder: 'a\\b' }], /plain folder of the library/],
    [Array.from({ length: 21 }, () => ({ url: 'https://runbooks.acme.dev/', folder: '' })), /At most 20/],
    ['https://runbooks.acme.dev/', /malformed/],
  ])('refuses %j', (siteBases, reason) => {
    expect(check({ siteBases })).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('loads settings written before sites existed, with none', () => {
    const { siteBases, ...older } = DEFAULT_SYNC_SETTINGS;
    void siteBases;
    expect(checkSyncSettings({ ...older, url: 'https://git.example.com/r.git' })).toMatchObject({ ok: true, settings: { url: 'https://git.example.com/r.git', siteBases: [] } });
  });

  it('reads the Settings field one site per line, its folder after a space or an arrow, and writes it back the same way', () => {
    const read = siteBasesFromText(' https://runbooks.prometheus-operator.dev/runbooks/ content/runbooks\n\nhttps://github.com/openshift/runbooks/blob/master/\nhttps://docs.acme.dev/db → docs/databases \n');
    expect(read).toEqual({
      ok: true,
      bases: [
        { url: 'https://runbooks.prometheus-operator.dev/runbooks/', folder: 'content/runbooks' },
        { url: 'https://github.com/openshift/runbooks/blob/master/', folder: '' },
        { url: 'https://docs.acme.dev/db/', folder: 'docs/databases' },
      ],
    });
    expect(read.ok && siteBasesFromText(siteBasesText(read.bases))).toEqual(read);
    expect(siteBasesFromText('runbooks.acme.dev content')).toMatchObject({ ok: false });
  });
});
