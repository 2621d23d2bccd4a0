// Links handed to the app by the operating system: in the first launch's arguments, a second
// launch's (the single-instance lock sends them to this one), or macOS's 'open-url'. Main keeps
// them until the window has loaded, then sends each on the link event. Electron-free: main injects
// how to send.
import { checkHandedLink } from '../shared/ipc-contract';

/** The link among a launch's arguments: the first that is a failsafe: or http(s): link; switches and paths are not. */
export function linkFromArgv(argv: readonly string[]): string | undefined {
  for (const argument of argv) {
    if (argument.startsWith('-')) continue;
    const checked = checkHandedLink(argument);
    if (checked.ok) return checked.value;
  }
  return undefined;
}

export interface LinkHandover {
  /** A link arrived: sent at once when the window is ready, else kept until it is. Not a link: ignored. */
  offer(link: unknown): void;
  /** The window has loaded (again): sends what was kept, in order. */
  ready(): void;
  /** The window's page is gone (crashed): keep links until it has loaded again. */
  notReady(): void;
}

/** Kept links are few: a burst of launches beyond this keeps the latest. */
const MAX_KEPT = 10;

export function createLinkHandover(send: (link: string) => void): LinkHandover {
  const kept: string[] = [];
  let isReady = false;
  return {
    offer(link) {
      const checked = checkHandedLink(link);
      if (!checked.ok) return;
      if (isReady) return send(checked.value);
      kept.push(checked.value);
      if (kept.length > MAX_KEPT) kept.shift();
    },
    ready() {
      isReady = true;
      for (const link of kept.splice(0)) send(link);
    },
    notReady() {
      isReady = false;
    },
  };
}
