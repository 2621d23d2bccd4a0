import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_RETRY_MS, startSyncScheduler } from '../../../renderer/features/sync/sync-scheduler';

const MINUTE = 60_000;

function harness(results: boolean[], online = true) {
  const state = { online, runs: 0, onOnline: undefined as undefined | (() => void) };
  const scheduler = startSyncScheduler(
    {
      run: async () => {
        state.runs++;
        return results.shift() ?? true;
      },
      isOnline: () => state.online,
      onOnline: (callback) => {
        state.onOnline = callback;
        return () => (state.onOnline = undefined);
      },
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    15 * MINUTE,
  );
  return { state, scheduler };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('sync scheduler', () => {
  it('syncs at start and then on the interval while online', async () => {
    const { state } = harness([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.runs).toBe(1);
    await vi.advanceTimersByTimeAsync(15 * MINUTE - 1);
    expect(state.runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.runs).toBe(2);
  });

  it('does not retry in a loop while offline, and syncs as soon as the machine is back online', async () => {
    const { state } = harness([], false);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(state.runs).toBe(0);
    state.online = true;
    state.onOnline?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.runs).toBe(1);
  });

  it('backs off after failures: 30 s, 1 min, 2 min ... never beyond the interval', async () => {
    const { state } = harness([false, false, false, false, false, false, false]);
    await vi.advanceTimersByTimeAsync(0);
    const runTimes: number[] = [];
    let last = state.runs;
    for (let elapsed = 0; elapsed < 60 * MINUTE; elapsed += 1000) {
      await vi.advanceTimersByTimeAsync(1000);
      if (state.runs !== last) {
        runTimes.push(elapsed + 1000);
        last = state.runs;
      }
    }
    const gaps = runTimes.map((time, index) => time - (runTimes[index - 1] ?? 0));
    expect(gaps.slice(0, 5)).toEqual([FIRST_RETRY_MS, 2 * FIRST_RETRY_MS, 4 * FIRST_RETRY_MS, 8 * FIRST_RETRY_MS, 16 * FIRST_RETRY_MS]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15 * MINUTE);
  });

  it('stops for good', async () => {
    const { state, scheduler } = harness([]);
    await vi.advanceTimersByTimeAsync(0);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(state.runs).toBe(1);
    expect(state.onOnline).toBeUndefined();
  });
});
