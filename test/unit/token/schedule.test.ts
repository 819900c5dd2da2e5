import { describe, expect, it, vi } from 'vitest';
import { computeRefreshAt, MAX_TIMER_DELAY_MS } from '../../../src/token/schedule.js';
import { delayed, tokenResponse } from './answers.js';
import { setVisibility } from './browserFakes.js';
import { DAY, HOUR, MINUTE, SECOND, T0 } from './clock.js';
import { installTokenTestEnvironment } from './environment.js';
import { createFakeClient, createManager, flush, startedManager } from './helpers.js';

installTokenTestEnvironment();

describe('computeRefreshAt', () => {
  const at = (expiresInSeconds: number, random = 0, latencyMs = 0, leewaySeconds = 60) =>
    computeRefreshAt({
      issuedAt: 0,
      expiresAt: expiresInSeconds * 1000,
      receivedAt: latencyMs,
      leewaySeconds,
      random,
    });

  it('refreshes a 1-hour token 60 s before expiry, up to 30 s earlier with jitter', () => {
    expect(at(3600)).toBe(3540 * SECOND);
    expect(at(3600, 0.5)).toBe(3525 * SECOND);
    expect(at(3600, 0.999_999)).toBeGreaterThan(3510 * SECOND);
  });

  it('shrinks the leeway to a quarter of a short lifetime and the jitter to a tenth', () => {
    expect(at(60)).toBe(45 * SECOND);
    expect(at(60, 0.5)).toBe(42 * SECOND);
    expect(at(1)).toBe(750);
    expect(at(1, 0.999_999)).toBeGreaterThan(650);
  });

  it('never refreshes before half the lifetime nor sooner than 0.5-1 s after arrival', () => {
    for (const seconds of [0.01, 0.1, 1, 2, 5, 30, 60, 3600, 30 * 86_400]) {
      for (const random of [0, 0.5, 0.999_999]) {
        const refreshAt = at(seconds, random);
        expect(refreshAt).toBeGreaterThanOrEqual((seconds * 1000) / 2);
        expect(refreshAt).toBeGreaterThanOrEqual(500);
      }
    }
    // a slow server: the token arrives after its lifetime; the refresh still waits 0.5 s
    expect(at(1, 0, 3_000)).toBe(3_500);
  });

  it('ignores a negative or non-finite leeway and an out-of-range random', () => {
    expect(at(3600, 0, 0, -5)).toBe(3600 * SECOND);
    expect(at(3600, 0, 0, Number.NaN)).toBe(3540 * SECOND);
    expect(at(3600, 7)).toBe(3510 * SECOND);
  });
});

/** A manager of `expiresIn`-second tokens (jitter at its largest), started, 10 minutes later. */
async function tenMinutesOf(expiresIn: number) {
  const client = createFakeClient(async () => tokenResponse({ expires_in: expiresIn }));
  const manager = createManager({ client, random: () => 0.999_999 });
  manager.start();
  await vi.advanceTimersByTimeAsync(10 * MINUTE);
  return { client, manager };
}

describe('refresh schedule', () => {
  it('refreshes at expiresAt - leeway: not 1 ms before, exactly then, and once', async () => {
    const client = createFakeClient();
    const manager = await startedManager({ client });
    expect(manager.getState().nextRefreshAt).toBe(T0 + HOUR - MINUTE);
    await vi.advanceTimersByTimeAsync(HOUR - MINUTE - 1);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
  });

  it('honours refreshLeewaySeconds and the injected jitter', async () => {
    const client = createFakeClient();
    const manager = createManager({ client, refreshLeewaySeconds: 120, random: () => 0.5 });
    await manager.getToken();
    // 3600 s - 120 s - 0.5 × min(360 s, 30 s)
    expect(manager.getState().nextRefreshAt).toBe(T0 + 3465 * SECOND);
    await vi.advanceTimersByTimeAsync(3465 * SECOND - 1);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
  });

  it.each([1, 5])(
    'a %i-second token makes at most 12 requests a minute (5 s between requests)',
    async (expiresIn) => {
      // Changed: short tokens used to be refreshed once per lifetime (600 requests for 1-s tokens).
      const { client } = await tenMinutesOf(expiresIn);
      expect(client.refreshToken.mock.calls.length).toBeLessThanOrEqual(10 * 12 + 1);
      expect(client.refreshToken.mock.calls.length).toBeGreaterThanOrEqual(10 * 12 - 1);
    },
  );

  it.each([10, 30, 60])(
    'a %i-second token over 10 minutes stays fresh and never loops',
    async (expiresIn) => {
      const { client, manager } = await tenMinutesOf(expiresIn);
      const lifetimes = (10 * MINUTE) / (expiresIn * SECOND);
      const count = client.refreshToken.mock.calls.length;
      expect(count).toBeGreaterThanOrEqual(lifetimes);
      expect(count).toBeLessThanOrEqual(2 * lifetimes);
      expect(manager.getState().status).toBe('ready');
    },
  );

  it('a 1-second token from a server slower than its lifetime does not loop', async () => {
    const client = createFakeClient((_body, options) =>
      delayed(3 * SECOND, () => tokenResponse({ expires_in: 1 }), options?.signal),
    );
    const manager = createManager({ client });
    manager.start();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    // one request per 3 s of latency + 0.5 s of rest at most
    expect(client.refreshToken.mock.calls.length).toBeLessThanOrEqual(Math.ceil(600 / 3.5) + 1);
  });

  it('a 30-day token does not fire early (no request within 29 days), then refreshes once', {
    timeout: 60_000,
  }, async () => {
    const client = createFakeClient(async () => tokenResponse({ expires_in: 30 * 86_400 }));
    const manager = createManager({ client });
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    manager.start();
    await flush();
    expect(30 * DAY).toBeGreaterThan(MAX_TIMER_DELAY_MS);
    // an overflowing setTimeout would fire at once and be re-armed again and again
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(setTimeoutSpy.mock.calls.length).toBeLessThan(5);
    // big synchronous steps (the 5-s tick runs ~500k times); a request would still be counted
    vi.advanceTimersByTime(29 * DAY - MINUTE);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(DAY - MINUTE);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
  });
});

/** A manager that has its first token (1 hour), on a page just hidden. */
async function hiddenWithAToken() {
  const client = createFakeClient();
  const manager = createManager({ client });
  await manager.getToken();
  setVisibility('hidden');
  return { client, manager };
}

describe('sleep, wake and visibility', () => {
  it('after a simulated sleep (clock jumps 2 h, no timer ran) the next tick refreshes once', async () => {
    const client = createFakeClient();
    const manager = createManager({ client });
    await manager.getToken();
    vi.setSystemTime(T0 + 2 * HOUR);
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
    expect(manager.getState().token?.expiresAt).toBeGreaterThan(Date.now());
    await vi.advanceTimersByTimeAsync(HOUR - 2 * MINUTE);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
  });

  it('visibilitychange to visible refreshes at once when the refresh moment has passed', async () => {
    const { client, manager } = await hiddenWithAToken();
    // some real (monotonic) time passes too: at least 5 s between token requests
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    vi.setSystemTime(T0 + 2 * HOUR);
    setVisibility('visible');
    await flush();
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
    expect(manager.getState().status).toBe('ready');
  });

  it('makes no request while hidden, even when the timer fires; one when visible again', async () => {
    const { client } = await hiddenWithAToken();
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0); // no tick while hidden, the due timer has fired
    setVisibility('visible');
    await flush();
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
  });

  it('start() on a hidden page waits for it to become visible', async () => {
    setVisibility('hidden', false);
    const client = createFakeClient();
    const manager = createManager({ client });
    manager.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(client.refreshToken).not.toHaveBeenCalled();
    setVisibility('visible');
    await flush();
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    expect(manager.getState().status).toBe('ready');
  });

  it('an explicit getToken on a hidden page is served at once', async () => {
    setVisibility('hidden', false);
    const client = createFakeClient();
    const manager = await startedManager({ client });
    expect(client.refreshToken).not.toHaveBeenCalled();
    await expect(manager.getAccessToken()).resolves.toMatch(/^cal-secret-/);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
  });
});
