import type { Deadline, Effect } from './machine.js';
import { MAX_TIMER_DELAY_MS, TICK_INTERVAL_MS } from './schedule.js';

/**
 * The token manager's timers and its monotonic clock: `arm` performs the machine's `arm` effect
 * (one timer for the next moment, and the tick while asked), each calling `due` when it fires;
 * `restart` marks that a request started or a reply came, so the next `arm` sets every timer anew
 * (the gap and the backoff count from that moment, and an older timer firing could end them early).
 *
 * The clock is `monotonic` reconciled with these timers: a timer that fired proves its delay has
 * passed. A host's fake timers often leave performance.now() real (Vitest 2's default list, many
 * Jest setups): without this, the gap between token requests and the backoff never end there.
 */
export function tokenTimers(
  monotonic: () => number,
  due: () => void,
): [
  monotonicNow: () => number,
  arm: (effect: Extract<Effect, { type: 'arm' }>) => void,
  restart: () => void,
] {
  let ahead = 0;
  let reset = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let tick: ReturnType<typeof setInterval> | undefined;
  let armed: Deadline | null = null;

  /**
   * `schedule(callback, ms)` (setTimeout or setInterval) whose firing also moves our clock up to
   * `ms` after it was set, when the clock given saw less than half of that: real timers fire late
   * or a rounding error early, so in a browser nothing changes and no drift builds up.
   */
  function timed(
    schedule: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>,
    ms: number,
    callback: () => void,
  ) {
    let raw = monotonic();
    let ours = raw + ahead;
    return schedule(() => {
      const now = monotonic();
      if (now - raw < ms / 2) ahead = Math.max(ahead, ours + ms - now);
      raw = now;
      ours = now + ahead;
      callback();
    }, ms);
  }

  function arm(effect: Extract<Effect, { type: 'arm' }>): void {
    if (reset) {
      clearTimeout(timer);
      clearInterval(tick);
      timer = tick = undefined;
      reset = false;
    }
    const { at } = effect;
    // Re-armed only when the moment changes, so the tick does not churn timers.
    if (!at || !timer || at.w !== armed?.w || at.m !== armed.m) {
      clearTimeout(timer);
      timer = undefined;
      armed = at;
      // Clamped: a longer delay overflows and fires at once; an early wake-up just re-arms.
      if (at) {
        timer = timed(setTimeout, Math.min(effect.ms, MAX_TIMER_DELAY_MS - 1), () => {
          timer = undefined;
          due();
        });
      }
    }
    if (!effect.tick) {
      clearInterval(tick);
      tick = undefined;
    } else tick ??= timed(setInterval, TICK_INTERVAL_MS, due);
  }

  return [
    () => monotonic() + ahead,
    arm,
    () => {
      reset = true;
    },
  ];
}
