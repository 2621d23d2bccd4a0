import { create } from 'zustand';
import type { AppInfo } from '../../../shared/ipc-contract';
import { desktopBridge } from './bridge';

interface AppState {
  online: boolean;
  appInfo?: AppInfo;
  loadAppInfo(): Promise<void>;
}

export const useAppStore = create<AppState>((set) => ({
  online: navigator.onLine,
  async loadAppInfo() {
    const bridge = desktopBridge();
    if (!bridge) return;
    try {
      set({ appInfo: await bridge.appInfo() });
    } catch {
      // The status line simply shows "browser" when the host does not answer.
    }
  },
}));

window.addEventListener('online', () => useAppStore.setState({ online: true }));
window.addEventListener('offline', () => useAppStore.setState({ online: false }));
