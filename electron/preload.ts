// The whole surface the renderer gets: the typed bridge of shared/ipc-contract, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, isChannel, LINK_EVENT, type Listen } from '../shared/ipc-contract';

// Main's events reach the page as their payload only (the Electron event object stays here); the
// bridge checks each link before the page's listener sees it.
const listen: Listen = (event, deliver) => {
  if (event !== LINK_EVENT) return () => undefined;
  const handler = (_event: unknown, payload: unknown) => deliver(payload);
  ipcRenderer.on(LINK_EVENT, handler);
  return () => ipcRenderer.removeListener(LINK_EVENT, handler);
};

contextBridge.exposeInMainWorld(
  'failsafe',
  createBridge((channel, payload) => {
    if (!isChannel(channel)) return Promise.reject(new Error('unknown channel'));
    return ipcRenderer.invoke(channel, payload);
  }, listen),
);
