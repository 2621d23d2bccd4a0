// Links the desktop hands to the window (a failsafe:// link the OS opened, a second launch's link):
// each waits until the library is open, then opens as a link the responder followed.
import { desktopBridge } from '../../app/services/bridge';
import { useLibraryStore } from '../library';
import { openHandedLink } from './open-link';

/** Listens for handed-over links from now on; call once, before the first render, so none is missed. */
export function startLinkHandover(): () => void {
  const bridge = desktopBridge();
  if (!bridge) return () => undefined;
  return bridge.onLink((link) => void whenLibraryReady().then(() => openHandedLink(link)));
}

function whenLibraryReady(): Promise<void> {
  if (useLibraryStore.getState().phase === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useLibraryStore.subscribe((state) => {
      if (state.phase !== 'ready') return;
      stop();
      resolve();
    });
  });
}
