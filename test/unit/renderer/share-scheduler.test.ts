import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_MS, SOON_MS, startShareScheduler } from '../../../renderer/features/sharing/share-scheduler';

// When incidents are exchanged: the pace of the settings while an incident is open here, 30 s
// otherwise, soon after an event is recorded here, and never two at once.

function harness(options: { open: boolean; exchangeMs?: number }) {
  const state = { open: options.open, exchanges: 0, running: 0, overlapped: false, local: undefined as undefined | (() => void) };
  const scheduler = startShareScheduler({
    exchange: async () => {
      state.exchanges++;
      state.running++;
      if (state.running > 1) state.overlapped = true;
      if (options.exchangeMs) await new Promise((resolve) => setTimeout(resolve, options.exchangeMs));
      state.running--;
    },
    intervalMs: () => (state.open ? 2_000 : IDLE_MS),
    onLocalChange: (callback) => {
      state.local = callback;
      return () => (state.local = undefined);
    },
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  return { state, scheduler };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the share scheduler', () => {
  it('exchanges at start, then at the settings’ pace while the current incident is open here', async () => {
    const { state, scheduler } = harness({ open: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(state.exchanges).toBe(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(state.exchanges).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.exchanges).toBe(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.exchanges).toBe(7);
    scheduler.stop();
  });

  it('every 30 s when no incident is open here, so one declared elsewhere still appears', async () => {
    const { state, scheduler } = harness({ open: false });
    await vi.advanceTimersByTimeAsync(IDLE_MS - 1);
    expect(state.exchanges).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.exchanges).toBe(2);
    // An incident opened here: after the next exchange the pace is the settings'.
    state.open = true;
    await vi.advanceTimersByTimeAsync(IDLE_MS + 2_000);
    expect(state.exchanges).toBe(4);
    scheduler.stop();
  });

  it('sends an event recorded here within 300 ms, a burst of them in one exchange', async () => {
    const { state, scheduler } = harness({ open: false });
    await vi.advanceTimersByTimeAsync(0);
    state.local!();
    await vi.advanceTimersByTimeAsync(100);
    state.local!();
    state.local!();
    await vi.advanceTimersByTimeAsync(SOON_MS - 101);
    expect(state.exchanges).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.exchanges).toBe(2);
    await vi.advanceTimersByTimeAsync(SOON_MS * 3);
    expect(state.exchanges).toBe(2);
    scheduler.stop();
  });

  it('never overlaps: an event recorded during a slow exchange goes in the one right after it', async () => {
    const { state, scheduler } = harness({ open: true, exchangeMs: 5_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    state.local!();
    await vi.advanceTimersByTimeAsync(3_990);
    expect(state.exchanges).toBe(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(state.exchanges).toBe(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.overlapped).toBe(false);
    scheduler.stop();
  });

  it('stops: no exchange after, and no longer listens', async () => {
    const { state, scheduler } = harness({ open: true });
    await vi.advanceTimersByTimeAsync(0);
    scheduler.stop();
    expect(state.local).toBeUndefined();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state.exchanges).toBe(1);
  });
});
