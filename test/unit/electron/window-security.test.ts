import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async (url: string) => void url);
vi.mock('electron', () => {
  throw new Error('window-security takes Electron injected; it must not import electron');
});

const { secureSession, secureWebPreferences, secureWindow } = await import('../../../electron/window-security');

type Listener = (...args: never[]) => void;

function fakeWindow() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const webContents = {
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    on: (event: string, listener: Listener) => listeners.set(event, listener),
  };
  secureWindow({ webContents } as never, openExternal);
  return {
    open: (url: string) => openHandler?.({ url }),
    navigate(url: string) {
      const event = { preventDefault: vi.fn() };
      (listeners.get('will-navigate') as (event: unknown, url: string) => void)(event, url);
      return event.preventDefault.mock.calls.length > 0;
    },
  };
}

function fakeSession() {
  let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  let check: ((contents: unknown, permission: string, origin: string) => boolean) | undefined;
  secureSession({
    setPermissionRequestHandler: (handler: typeof request) => (request = handler),
    setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    webRequest: { onHeadersReceived: vi.fn() },
  } as never);
  return {
    request: (permission: string, url: string) => new Promise<boolean>((resolve) => request?.({ getURL: () => url }, permission, resolve)),
    check: (permission: string, origin: string) => check?.(undefined, permission, origin),
  };
}

beforeEach(() => openExternal.mockReset());

describe('window security', () => {
  it('denies every new window and opens only allowed links in the system browser', () => {
    const window = fakeWindow();
    expect(window.open('https://status.example.com')).toEqual({ action: 'deny' });
    expect(window.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(window.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://status.example.com']]);
  });

  it('stops navigation away from the app', () => {
    const window = fakeWindow();
    expect(window.navigate('https://evil.example.com/')).toBe(true);
    expect(window.navigate('file:///tmp/x.html')).toBe(true);
    expect(window.navigate('app://failsafe/index.html')).toBe(false);
  });

  it('refuses permissions, except clipboard writes from the app itself', async () => {
    const session = fakeSession();
    await expect(session.request('media', 'app://failsafe/index.html')).resolves.toBe(false);
    await expect(session.request('notifications', 'app://failsafe/index.html')).resolves.toBe(false);
    await expect(session.request('clipboard-read', 'app://failsafe/index.html')).resolves.toBe(false);
    await expect(session.request('clipboard-sanitized-write', 'app://failsafe/index.html')).resolves.toBe(true);
    await expect(session.request('clipboard-sanitized-write', 'https://evil.example.com/')).resolves.toBe(false);
    expect(session.check('geolocation', 'app://failsafe')).toBe(false);
    expect(session.check('clipboard-sanitized-write', 'app://failsafe')).toBe(true);
  });

  it('gives the renderer no Node, a sandbox, isolation, and no middle-click path around the link rules', () => {
    const preferences = secureWebPreferences('/app/preload.cjs');
    expect(preferences).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    // Auxclick opens links on a middle click without asking the window-open handler.
    expect(preferences.disableBlinkFeatures?.split(',').map((feature) => feature.trim())).toContain('Auxclick');
    expect(preferences.enableBlinkFeatures ?? '').not.toMatch(/auxclick/i);
  });
});
