// Injected before the renderer's own scripts in the Chromium host: builds `window.failsafe` with the
// same createBridge the Electron preload uses, over a Playwright binding instead of ipcRenderer.
// Main's events come the other way: the host calls `__failsafeEvent` (as webContents.send would),
// and the bridge checks each payload as the preload's does.
import { createBridge, LINK_EVENT, type Channel, type Listen } from '../../shared/ipc-contract';

declare global {
  interface Window {
    __failsafeInvoke?: (channel: Channel, payload: unknown) => Promise<string | undefined>;
    __failsafeEvent?: (event: string, payload: unknown) => void;
  }
}

const invoke = window.__failsafeInvoke;
if (invoke) {
  const listeners = new Set<(payload: unknown) => void>();
  const listen: Listen = (event, deliver) => {
    if (event !== LINK_EVENT) return () => undefined;
    listeners.add(deliver);
    return () => listeners.delete(deliver);
  };
  Object.defineProperty(window, '__failsafeEvent', {
    value: (event: string, payload: unknown) => {
      if (event === LINK_EVENT) for (const deliver of listeners) deliver(payload);
    },
    writable: false,
  });
  Object.defineProperty(window, 'failsafe', { value: Object.freeze(createBridge((channel, payload) => invoke(channel, payload).then((reply) => (reply === undefined ? undefined : JSON.parse(reply))), listen)), writable: false });
}
