// The whole surface the renderer gets: the typed bridge of shared/ipc-contract, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, isChannel } from '../shared/ipc-contract';

contextBridge.exposeInMainWorld(
  'failsafe',
  createBridge((channel, payload) => {
    if (!isChannel(channel)) return Promise.reject(new Error('unknown channel'));
    return ipcRenderer.invoke(channel, payload);
  }),
);
