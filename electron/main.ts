// Electron main: one secure window, the app:// scheme, and the IPC handlers behind a sender check.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { CHANNELS, LINK_EVENT } from '../shared/ipc-contract';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { SAVE_FILTERS, type ChooseSavePath } from './file-save';
import { dispatch } from './ipc-dispatch';
import { createHandlers } from './ipc-handlers';
import { createJournalStore, journalFolder } from './journal-store';
import { createLinkHandover, linkFromArgv } from './link-handover';
import { createWorkerReader } from './library-reader';
import { readRendererFile } from './renderer-files';
import { createShareHost } from './share/share-host';
import { createSyncHost, type SyncHost } from './sync/sync-host';
import type { Cipher } from './sync/token-vault';
import { APP_ORIGIN, APP_SCHEME, isTrustedSenderUrl } from './trusted-origin';
import { secureSession, secureWebPreferences, secureWindow } from './window-security';

// Test runs (never a packaged app) may point the app at another profile and renderer build.
const testOverrides = !app.isPackaged;
const rendererRoot = (testOverrides && process.env.FAILSAFE_RENDERER_DIR) || path.join(__dirname, '..', 'dist', 'renderer');
if (testOverrides && process.env.FAILSAFE_USER_DATA) app.setPath('userData', process.env.FAILSAFE_USER_DATA);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

/** The app's own links (`failsafe://runbook/…`, `failsafe://alert?…`), opened by the operating system with this app. */
const LINK_SCHEME = 'failsafe';

if (!app.requestSingleInstanceLock()) {
  // A second launch: Electron hands its arguments (and so its link) to the running one.
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;
  const links = createLinkHandover((link) => mainWindow?.webContents.send(LINK_EVENT, link));
  // Run from a checkout (`electron .`), the OS must be told the script as well as the binary. A
  // test run on its own profile never makes itself the system's handler.
  if (!(testOverrides && process.env.FAILSAFE_USER_DATA)) {
    if (process.defaultApp) app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [path.resolve(process.argv[1] ?? '.')]);
    else app.setAsDefaultProtocolClient(LINK_SCHEME);
  }
  links.offer(linkFromArgv(process.argv.slice(1)));
  app.on('second-instance', (_event, argv) => {
    links.offer(linkFromArgv(argv.slice(1)));
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // macOS hands links to the running app (or the one it starts) here, not in the arguments.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    links.offer(url);
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(async () => {
    const sync = await createSyncHost(app.getPath('userData'), keychain, createWorkerReader(path.join(__dirname, 'parse-worker.cjs')));
    protocol.handle(APP_SCHEME, async (request) => {
      // A synced library waiting for the search worker, else the renderer's own files.
      const pathname = new URL(request.url).pathname;
      const response = await (sync.waiting.respond(pathname) ?? readRendererFile(rendererRoot, pathname));
      return new Response(typeof response.body === 'string' ? response.body : new Uint8Array(response.body), {
        status: response.status,
        headers: { 'Content-Type': response.type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    });
    secureSession(session.defaultSession);
    registerHandlers(sync);
    mainWindow = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 900,
      minHeight: 600,
      title: 'Failsafe',
      show: false,
      webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
    });
    secureWindow(mainWindow, (url) => shell.openExternal(url));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    // The renderer listens from its first script on, so a loaded page can take the kept links; a
    // page that crashed takes them again once it has loaded anew.
    mainWindow.webContents.on('render-process-gone', () => links.notReady());
    mainWindow.webContents.on('did-finish-load', () => links.ready());
    void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  }).catch((error: unknown) => {
    // Without a window there is nowhere else to say it.
    dialog.showErrorBox('Failsafe could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
}

// The token is encrypted by the operating system's keychain. Linux without a keyring falls back to
// a hard-coded key ("basic_text"): that is not secret, so it counts as unavailable.
const keychain: Cipher = {
  available: () => safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
  encrypt: (text) => safeStorage.encryptString(text),
  decrypt: (data) => safeStorage.decryptString(data),
};

/** The system's save dialog, over the app's window, starting in Documents. */
const chooseSavePath: ChooseSavePath = async ({ suggestedName, kind }) => {
  // End-to-end tests cannot answer a native dialog: in a test run they name the folder instead.
  const testFolder = testOverrides ? process.env.FAILSAFE_SAVE_DIR : undefined;
  if (testFolder) return path.join(testFolder, suggestedName);
  const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: SAVE_FILTERS[kind] };
  const owner = BrowserWindow.getFocusedWindow();
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled ? undefined : result.filePath;
};

function registerHandlers(sync: SyncHost): void {
  const handlers = createHandlers({
    version: app.getVersion(),
    platform: process.platform,
    host: 'electron',
    sync,
    chooseSavePath,
    journal: createJournalStore(journalFolder(app.getPath('userData'))),
    share: createShareHost(app.getPath('userData'), sync),
  });
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url)) throw new Error('IPC refused: untrusted sender');
      return dispatch(handlers, channel, payload);
    });
  }
}
