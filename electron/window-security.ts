// Locks down a window: no navigation away, no new windows, no permissions; links go out only
// through the URL rules.
import type { BrowserWindow, Session, WebPreferences } from 'electron';
import { isAllowedExternalUrl } from '../shared/url-rules';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { isTrustedSenderUrl } from './trusted-origin';

/**
 * The window's web preferences: the renderer gets no Node, runs sandboxed and isolated from the
 * preload. `Auxclick` is off because a middle click on a link would otherwise open it through a
 * path (auxclick) that neither the window-open handler nor will-navigate is asked about.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
  };
}

export function secureSession(session: Session): void {
  // Everything is refused except writing to the clipboard, which the Copy buttons need.
  session.setPermissionRequestHandler((webContents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write' && isTrustedSenderUrl(webContents.getURL())),
  );
  session.setPermissionCheckHandler((_webContents, permission, origin) => permission === 'clipboard-sanitized-write' && isTrustedSenderUrl(`${origin}/`));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** `openExternal`: the system browser or mail app (Electron's shell, injected so this file runs under plain Node). */
export function secureWindow(window: BrowserWindow, openExternal: (url: string) => Promise<void>): void {
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedSenderUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
