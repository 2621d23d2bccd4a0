// When incidents are exchanged with the shared place, while sharing is on: at start; then every few
// seconds while the current incident is open here or the Incidents list is on screen, else every
// 30 s (so an incident someone else declares still appears); and soon after this machine records
// an event (it reaches the others within a poll), makes another incident current or opens the
// Incidents list (its pace applies at once). Offline it keeps the same pace: the shared place may
// be a folder or a loopback server the browser's online flag knows nothing about, and an exchange
// that finds no path is cheap.

export interface ShareSchedulerDeps {
  /** One exchange (the store never runs two at once). */
  exchange(): Promise<unknown>;
  /** The pause before the next exchange, asked after each one. */
  intervalMs(): number;
  /** Calls back when this machine records an event or makes another incident current; returns an unsubscribe function. */
  onLocalChange(callback: () => void): () => void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Between exchanges when no incident is open here and the Incidents list is not on screen. */
export const IDLE_MS = 30_000;
/** From an event recorded here to the exchange that sends it: a burst of key presses goes in one. */
export const SOON_MS = 300;

export function startShareScheduler(deps: ShareSchedulerDeps): { stop(): void } {
  let timer: unknown;
  let stopped = false;
  let running = false;
  let soon = false;
  // An event recorded during an exchange was read too late for it: one more follows at once.
  let again = false;
  const schedule = (ms: number) => {
    deps.clearTimer(timer);
    timer = deps.setTimer(() => void attempt(), ms);
  };
  const attempt = async () => {
    deps.clearTimer(timer);
    soon = false;
    if (stopped) return;
    running = true;
    try {
      await deps.exchange();
    } catch {
      // The store reports its own failures; the next exchange is still due.
    } finally {
      running = false;
    }
    if (stopped) return;
    schedule(again ? 0 : deps.intervalMs());
    again = false;
  };
  const unsubscribe = deps.onLocalChange(() => {
    if (running) again = true;
    else if (!soon) {
      soon = true;
      schedule(SOON_MS);
    }
  });
  void attempt();
  return {
    stop() {
      stopped = true;
      deps.clearTimer(timer);
      unsubscribe();
    },
  };
}
