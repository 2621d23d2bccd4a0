import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsFile } from '../../../../electron/sync/settings-file';
import { describeSyncError, SyncFailure } from '../../../../electron/sync/sync-errors';
import { createTokenVault, type Cipher } from '../../../../electron/sync/token-vault';
import { DEFAULT_SYNC_SETTINGS } from '../../../../shared/sync/sync-contract';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'failsafe-sync-parts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cipher = (available = true): Cipher => ({
  available: () => available,
  encrypt: (text) => Buffer.from(Buffer.from(text).map((byte) => byte ^ 0x33)),
  decrypt: (data) => Buffer.from(data.map((byte) => byte ^ 0x33)).toString(),
});

describe('token vault', () => {
  it('stores the token encrypted, reads it back and removes it', async () => {
    const vault = createTokenVault(path.join(dir, 'token.bin'), cipher());
    await vault.set('ghp_secret_token');
    expect((await readFile(path.join(dir, 'token.bin'))).toString()).not.toContain('ghp_secret_token');
    expect(await vault.get()).toBe('ghp_secret_token');
    expect(await vault.has()).toBe(true);
    await vault.set(null);
    expect(await vault.get()).toBeUndefined();
    expect(await vault.has()).toBe(false);
  });

  it('refuses to store a token where the system has no secure storage', async () => {
    const vault = createTokenVault(path.join(dir, 'token.bin'), cipher(false));
    await expect(vault.set('ghp_secret_token')).rejects.toThrow(/no secure storage/);
    expect(await vault.has()).toBe(false);
  });
});

describe('settings file', () => {
  it('keeps settings without the token and falls back to defaults on a damaged file', async () => {
    const file = createSettingsFile(path.join(dir, 'sync-settings.json'));
    expect(await file.read()).toEqual(DEFAULT_SYNC_SETTINGS);
    await file.write({ ...DEFAULT_SYNC_SETTINGS, url: 'https://git.example.com/r.git', token: 'nope' } as never);
    expect(await readFile(path.join(dir, 'sync-settings.json'), 'utf8')).not.toContain('nope');
    expect(await file.read()).toMatchObject({ url: 'https://git.example.com/r.git' });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'sync-settings.json'), '{ broken');
    expect(await file.read()).toEqual(DEFAULT_SYNC_SETTINGS);
  });
});

describe('describeSyncError', () => {
  it.each([
    [Object.assign(new Error('getaddrinfo ENOTFOUND git.example.com'), { code: 'ENOTFOUND' }), 'host-not-found'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), 'offline'],
    [new Error('socket hang up'), 'timeout'],
    [new Error('HTTP Error: 401 Unauthorized'), 'authentication'],
    [new Error("git clone failed: fatal: Remote branch nope not found in upstream origin"), 'branch-not-found'],
    [new Error('HTTP Error: 404 Not Found'), 'not-a-repository'],
    [Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }), 'disk'],
  ])('classifies %s', (error, kind) => {
    expect(describeSyncError(error).kind).toBe(kind);
  });

  it('never lets the token or URL credentials through', () => {
    const info = describeSyncError(new Error('weird failure for https://bob:hunter2@git.example.com with tok_123 and eC1hY2Nlc3MtdG9rZW46dG9rXzEyMw=='), ['tok_123']);
    expect(info.message).not.toMatch(/hunter2|tok_123|eC1hY2Nlc3MtdG9rZW46dG9rXzEyMw==/);
    expect(describeSyncError(new SyncFailure('settings', 'token tok_123 refused'), ['tok_123']).message).toBe('token *** refused');
  });
});
