import { afterEach, beforeEach, vi } from 'vitest';
import { resetVisibility } from './browserFakes.js';
import { FAKED, T0 } from './clock.js';
import { disposeManagers } from './helpers.js';

/** Fake timers at `T0`, a visible page, and every manager disposed after each test. */
export function installTokenTestEnvironment(): void {
  beforeEach(() => {
    // `performance` too: the manager's monotonic clock moves with the timers, while
    // `vi.setSystemTime` moves only the wall clock (sleep, a clock set back).
    vi.useFakeTimers({ toFake: FAKED });
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    disposeManagers();
    resetVisibility();
    vi.useRealTimers();
  });
}
