import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TICK_INTERVAL_MS } from '../../../src/token/schedule.js';
import { tokenTimers } from '../../../src/token/timers.js';

describe('tokenTimers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls due when the armed moment comes, and re-arms only when the moment changes', () => {
    const due = vi.fn();
    const [, arm] = tokenTimers(() => 0, due);
    arm({ type: 'arm', at: { w: 1000, m: 1000 }, ms: 1000, tick: false });
    vi.advanceTimersByTime(500);
    // The same moment again: the running timer is kept.
    arm({ type: 'arm', at: { w: 1000, m: 1000 }, ms: 1000, tick: false });
    vi.advanceTimersByTime(500);
    expect(due).toHaveBeenCalledTimes(1);
    arm({ type: 'arm', at: null, ms: 0, tick: false });
    vi.advanceTimersByTime(10_000);
    expect(due).toHaveBeenCalledTimes(1);
  });

  it('ticks while asked to', () => {
    const due = vi.fn();
    const [, arm] = tokenTimers(() => 0, due);
    arm({ type: 'arm', at: null, ms: 0, tick: true });
    vi.advanceTimersByTime(TICK_INTERVAL_MS * 2);
    expect(due).toHaveBeenCalledTimes(2);
    arm({ type: 'arm', at: null, ms: 0, tick: false });
    vi.advanceTimersByTime(TICK_INTERVAL_MS * 2);
    expect(due).toHaveBeenCalledTimes(2);
  });

  it('sets the timer anew after a restart, so the delay counts from then', () => {
    const due = vi.fn();
    const [, arm, restart] = tokenTimers(() => 0, due);
    arm({ type: 'arm', at: { w: 1000, m: 1000 }, ms: 1000, tick: false });
    vi.advanceTimersByTime(600);
    restart();
    arm({ type: 'arm', at: { w: 1000, m: 1000 }, ms: 1000, tick: false });
    vi.advanceTimersByTime(600);
    expect(due).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(due).toHaveBeenCalledTimes(1);
  });

  it('moves its clock on when a timer fires before the monotonic clock saw the delay pass', () => {
    const [monotonicNow, arm] = tokenTimers(
      () => 0,
      () => {},
    );
    arm({ type: 'arm', at: { w: 1000, m: 1000 }, ms: 1000, tick: false });
    expect(monotonicNow()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(monotonicNow()).toBe(1000);
  });
});
