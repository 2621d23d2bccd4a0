export interface SchedulerDeps {
  /** Runs one sync; resolves true when it succeeded. */
  run(): Promise<boolean>;
  isOnline(): boolean;
  /** Calls back when the machine comes back online; returns an unsubscribe function. */
  onOnline(callback: () => void): () => void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const FIRST_RETRY_MS = 30_000;

/**
 * When auto-sync runs: at start, when the machine comes back online, and on the interval while
 * online. Offline it waits for the network instead of retrying in a loop; after a failure it
 * retries sooner than the interval but backs off (30 s, 1 min, 2 min, ... up to the interval).
 */
export function startSyncScheduler(deps: SchedulerDeps, intervalMs: number): { stop(): void } {
  let timer: unknown;
  let failures = 0;
  let stopped = false;
  const schedule = (ms: number) => {
    deps.clearTimer(timer);
    timer = deps.setTimer(() => void attempt(), ms);
  };
  const attempt = async () => {
    deps.clearTimer(timer);
    if (stopped || !deps.isOnline()) return;
    const ok = await deps.run();
    if (stopped) return;
    failures = ok ? 0 : failures + 1;
    schedule(ok ? intervalMs : Math.min(intervalMs, FIRST_RETRY_MS * 2 ** (failures - 1)));
  };
  const unsubscribe = deps.onOnline(() => void attempt());
  void attempt();
  return {
    stop() {
      stopped = true;
      deps.clearTimer(timer);
      unsubscribe();
    },
  };
}
