import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, tokenResponse } from './answers.js';
import { FAKED, HOUR, MINUTE, SECOND, T0 } from './clock.js';
import { createFakeClient, createManager, disposeManagers } from './helpers.js';

// Hosts fake timers in many ways. Vitest 2's default list and many Jest setups leave
// `performance.now()` real (it hardly moves while a test advances hours), and legacy timers leave
// `Date` real too. The manager must refresh and back off by the timers it set whichever clocks are
// faked, and no clock that stands still or jumps may make it loop.
type ToFake = NonNullable<NonNullable<Parameters<typeof vi.useFakeTimers>[0]>['toFake']>;
const TIMERS: ToFake = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'];
const SETUPS: [string, ToFake][] = [
  ['timers, Date and performance', FAKED ?? []],
  ['timers and Date (Vitest 2 default)', [...TIMERS, 'Date']],
  ['timers only (legacy)', TIMERS],
];

afterEach(() => {
  disposeManagers();
  vi.useRealTimers();
});

/** Fake timers as `toFake` says, the wall clock at T0 when `Date` is faked. */
function install(toFake: ToFake): void {
  vi.useFakeTimers({ toFake });
  if (toFake.includes('Date')) vi.setSystemTime(T0);
}

/** Timer time, to the next 100 ms: what the test has advanced, whatever the clocks say. */
function timerClock() {
  let elapsed = 0;
  return {
    now: () => elapsed,
    async advance(ms: number) {
      for (let left = ms; left > 0; left -= 100) {
        elapsed += Math.min(100, left);
        await vi.advanceTimersByTimeAsync(Math.min(100, left));
      }
    },
  };
}

/**
 * A fake client that notes the timer time of each request in `times` and answers `answer(count)`,
 * `count` being how many requests it has had, this one included.
 */
function timedClient(
  clock: ReturnType<typeof timerClock>,
  answer: (count: number) => ReturnType<typeof tokenResponse>,
) {
  const times: number[] = [];
  const client = createFakeClient(async () => {
    times.push(clock.now());
    return answer(times.length);
  });
  return { times, client };
}

/**
 * Fake timers and `Date` (not `performance`), a manager whose monotonic clock stands still, and the
 * timer time of each of its token requests (each answered with a 1-hour token).
 */
function frozenMonotonicManager() {
  install([...TIMERS, 'Date']);
  const clock = timerClock();
  const { times, client } = timedClient(clock, () => tokenResponse());
  const manager = createManager({ client, monotonicNow: () => 0 });
  return { clock, times, manager };
}

describe.each(SETUPS)('with fake %s', (_name, toFake) => {
  it('refreshes the token before each expiry, for hours', async () => {
    install(toFake);
    const client = createFakeClient();
    const manager = createManager({ client });
    manager.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    const first = manager.getState().token;
    for (let hour = 1; hour <= 5; hour += 1) {
      await vi.advanceTimersByTimeAsync(HOUR);
      expect(client.refreshToken).toHaveBeenCalledTimes(1 + hour);
      expect(manager.getState().status).toBe('ready');
    }
    expect(manager.getState().token).not.toEqual(first);
  });

  it('retries a failing request after 1, 2, 4 and 8 s of timer time', async () => {
    install(toFake);
    const clock = timerClock();
    const { times, client } = timedClient(clock, (count) => {
      if (count < 5) throw apiError('network');
      return tokenResponse();
    });
    const manager = createManager({ client });
    const pending = manager.getAccessToken();
    await clock.advance(20 * SECOND);
    expect(times).toEqual([0, 1_000, 3_000, 7_000, 15_000]);
    await expect(pending).resolves.toEqual(expect.any(String));
  });

  it('a token that lives 1 s is requested at most once per 5 s of timer time', async () => {
    install(toFake);
    const clock = timerClock();
    const { times, client } = timedClient(clock, () => tokenResponse({ expires_in: 1 }));
    const manager = createManager({ client, onError: () => {} });
    manager.start();
    for (let step = 0; step < 600; step += 1) await clock.advance(100);
    expect(times.length).toBeGreaterThanOrEqual(11);
    expect(times.length).toBeLessThanOrEqual(1 + MINUTE / (5 * SECOND));
    for (let i = 1; i < times.length; i += 1) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(5 * SECOND);
    }
  });
});

describe('no clock makes the manager loop', () => {
  it.each<[string, number]>([
    ['jumps forward by 2 h', 2 * HOUR],
    ['is set back by 2 h', -2 * HOUR],
  ])(
    'a wall clock that %s every 100 ms, with performance.now() standing still',
    async (_name, jump) => {
      install([...TIMERS, 'Date']);
      const clock = timerClock();
      const { times, client } = timedClient(clock, () => tokenResponse({ expires_in: 60 }));
      // Frozen, not merely slow: the real clock moves a little while the test runs.
      const manager = createManager({ client, monotonicNow: () => 0, onError: () => {} });
      manager.start();
      // Each answer arrives before the next jump (one that arrives after is expired: a quick retry).
      await vi.advanceTimersByTimeAsync(0);
      for (let step = 0; step < 1_200; step += 1) {
        vi.setSystemTime(Date.now() + jump);
        await clock.advance(100);
      }
      // 2 minutes of timer time: a request at most every 5 s, and never more than 12 a minute.
      expect(times.length).toBeGreaterThanOrEqual(2);
      expect(times.length).toBeLessThanOrEqual(1 + (2 * MINUTE) / (5 * SECOND));
      for (let i = 1; i < times.length; i += 1) {
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(5 * SECOND);
      }
      for (let i = 12; i < times.length; i += 1) {
        expect(times[i]! - times[i - 12]!).toBeGreaterThanOrEqual(MINUTE);
      }
    },
  );

  it('a request made between two of its timers still waits 5 s of timer time for the next', async () => {
    const { clock, times, manager } = frozenMonotonicManager();
    await manager.getToken();
    // The 5 s tick has fired once when a caller forces a refresh at 7 s, 2 s after the tick.
    await clock.advance(7 * SECOND);
    await manager.getToken({ forceRefresh: true });
    void manager.getToken({ forceRefresh: true });
    await clock.advance(10 * SECOND);
    expect(times).toEqual([0, 7_000, 12_000]);
  });

  it('callers asking again and again while performance.now() stands still', async () => {
    const { clock, times, manager } = frozenMonotonicManager();
    for (let step = 0; step < 300; step += 1) {
      void manager.getAccessToken({ forceRefresh: true });
      await clock.advance(100);
    }
    expect(times.length).toBeLessThanOrEqual(7);
    for (let i = 1; i < times.length; i += 1) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(5 * SECOND);
    }
  });
});
