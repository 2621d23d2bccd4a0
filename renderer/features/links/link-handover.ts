// Links handed to the window: by the desktop (a failsafe:// link the OS opened, a second launch's
// link) over the bridge, or, in a plain browser (`npm start` where Electron cannot run), in the
// page's address as `?open=<link>`. Each waits until the library is open, then opens as a link the
// responder followed.
import { checkHandedLink } from '../../../shared/ipc-contract';
import { desktopBridge } from '../../app/services/bridge';
import { useLibraryStore } from '../library';
import { openHandedLink } from './open-link';

/** The query parameter a browser preview's address hands a link in. */
const OPEN_PARAMETER = 'open';

/** Listens for handed-over links from now on; call once, before the first render, so none is missed. */
export function startLinkHandover(): () => void {
  const open = (link: string) => void whenLibraryReady().then(() => openHandedLink(link));
  const bridge = desktopBridge();
  if (bridge) return bridge.onLink(open);
  const handed = linkInAddress();
  if (handed) open(handed);
  return () => undefined;
}

/** A browser preview's `?open=` link, taken out of the address so a reload does not open it again. */
function linkInAddress(): string | undefined {
  const address = new URL(window.location.href);
  const link = address.searchParams.get(OPEN_PARAMETER);
  if (link === null) return undefined;
  address.searchParams.delete(OPEN_PARAMETER);
  window.history.replaceState(window.history.state, '', address.href);
  const checked = checkHandedLink(link);
  return checked.ok ? checked.value : undefined;
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
