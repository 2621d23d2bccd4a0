import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers, PayloadError } from '../../../electron/ipc-handlers';
import { resolveRendererFile } from '../../../electron/renderer-files';
import { isTrustedSenderUrl } from '../../../electron/trusted-origin';
import { CONTENT_SECURITY_POLICY } from '../../../electron/content-security-policy';
import { createBridge } from '../../../shared/ipc-contract';

const host = { version: '1.2.3', platform: 'linux', host: 'stand-in' as const };

describe('IPC handlers', () => {
  it('answers app:info through the typed bridge', async () => {
    const handlers = createHandlers(host);
    const bridge = createBridge((channel, payload) => handlers[channel](payload));
    await expect(bridge.appInfo()).resolves.toEqual({ version: '1.2.3', platform: 'linux', syncAvailable: false, host: 'stand-in' });
  });

  it('refuses a payload where none is expected', async () => {
    const handlers = createHandlers(host);
    await expect(handlers['app:info']({ evil: true })).rejects.toBeInstanceOf(PayloadError);
  });

  it('says sync needs the desktop app where the host has no sync', async () => {
    const handlers = createHandlers(host);
    await expect(handlers['sync:run']({})).rejects.toThrow(/needs the desktop app/);
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
