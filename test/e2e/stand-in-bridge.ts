// Injected before the renderer's own scripts in the Chromium host: builds `window.failsafe` with the
// same createBridge the Electron preload uses, over a Playwright binding instead of ipcRenderer.
import { createBridge, type Channel } from '../../shared/ipc-contract';

declare global {
  interface Window {
    __failsafeInvoke?: (channel: Channel, payload: unknown) => Promise<string | undefined>;
  }
}

const invoke = window.__failsafeInvoke;
if (invoke) {
  Object.defineProperty(window, 'failsafe', { value: Object.freeze(createBridge((channel, payload) => invoke(channel, payload).then((reply) => (reply === undefined ? undefined : JSON.parse(reply))))), writable: false });
}
