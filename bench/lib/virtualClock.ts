/**
 * A virtual clock that replaces the global setTimeout/setInterval/clear* so that code which reads
 * `now()` and arms real timers can be driven through hours of simulated time in milliseconds of real
 * time. Everything else (promises, BroadcastChannel, setImmediate) stays real: after each timer fires,
 * `settle` lets real async work finish before the clock moves on.
 */
interface VirtualTimer {
  id: number;
  at: number;
  interval: number | null;
  callback: () => void;
}

export interface VirtualClock {
  now(): number;
  /** Fires every timer due up to `target` (in order), settling after each, then sets the clock there. */
  advanceTo(target: number): Promise<void>;
  /** Advances until `condition()` holds; rejects after `limitMs` of virtual time. */
  advanceUntil(condition: () => boolean, limitMs: number): Promise<void>;
  /** Timers armed and not yet fired or cleared. */
  pending(): number;
  /** Puts the real timers back. */
  uninstall(): void;
}

export function installVirtualClock(settle: () => Promise<void>, start = 0): VirtualClock {
  const real = {
    setTimeout: globalThis.setTimeout,
    setInterval: globalThis.setInterval,
    clearTimeout: globalThis.clearTimeout,
    clearInterval: globalThis.clearInterval,
  };
  let current = start;
  let nextId = 1;
  const timers = new Map<number, VirtualTimer>();

  function arm(callback: () => void, delay: number | undefined, interval: boolean): number {
    const ms = Math.max(0, Number(delay) || 0);
    const id = nextId++;
    timers.set(id, { id, at: current + ms, interval: interval ? Math.max(1, ms) : null, callback });
    return id;
  }
  function clear(handle: unknown): void {
    if (typeof handle === 'number') timers.delete(handle);
  }
  const g = globalThis as unknown as Record<string, unknown>;
  g.setTimeout = (callback: () => void, delay?: number) => arm(callback, delay, false);
  g.setInterval = (callback: () => void, delay?: number) => arm(callback, delay, true);
  g.clearTimeout = clear;
  g.clearInterval = clear;

  function nextDue(limit: number): VirtualTimer | undefined {
    let next: VirtualTimer | undefined;
    for (const timer of timers.values()) {
      if (
        timer.at <= limit &&
        (next === undefined || timer.at < next.at || (timer.at === next.at && timer.id < next.id))
      ) {
        next = timer;
      }
    }
    return next;
  }

  async function fire(timer: VirtualTimer): Promise<void> {
    current = Math.max(current, timer.at);
    if (timer.interval === null) timers.delete(timer.id);
    else timer.at += timer.interval;
    timer.callback();
    await settle();
  }

  return {
    now: () => current,
    async advanceTo(target) {
      for (let timer = nextDue(target); timer; timer = nextDue(target)) await fire(timer);
      current = Math.max(current, target);
    },
    async advanceUntil(condition, limitMs) {
      const limit = current + limitMs;
      await settle();
      while (!condition()) {
        const timer = nextDue(limit);
        if (!timer) throw new Error('virtual clock: condition not met before the time limit');
        await fire(timer);
      }
    },
    pending: () => timers.size,
    uninstall() {
      Object.assign(g, real);
      timers.clear();
    },
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
