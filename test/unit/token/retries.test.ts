import { describe, expect, it, vi } from 'vitest';
import type { BookingsErrorKind } from '../../../src/client/errors.js';
import { backoffDelay } from '../../../src/token/backoff.js';
import { apiError, tokenResponse } from './answers.js';
import { goOnline, setVisibility } from './browserFakes.js';
import { HOUR, MINUTE, SECOND, T0 } from './clock.js';
import { installTokenTestEnvironment } from './environment.js';
import { createFakeClient, createManager, flush, startedManager } from './helpers.js';

installTokenTestEnvironment();

/** `promise` once the 5 s gap between token requests has passed (the manager waits for it). */
async function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  await vi.advanceTimersByTimeAsync(5 * SECOND);
  return promise;
}

describe('retries', () => {
  it('backs off 1 s, 2 s, 4 s, 8 s, ... capped at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffDelay)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });

  it.each<[BookingsErrorKind, number | undefined]>([
    ['network', undefined],
    ['timeout', undefined],
    ['server', 500],
  ])(
    '%s failures retry after 1, 2, 4, 8 s, then error, and go on retrying every 30 s until it works',
    async (kind, status) => {
      // Changed: the manager no longer stops after the fifth try (it used to wait for a trigger).
      const times: number[] = [];
      let failing = true;
      const client = createFakeClient(async () => {
        times.push(Date.now() - T0);
        if (failing) throw apiError(kind, status);
        return tokenResponse();
      });
      const onError = vi.fn();
      const manager = createManager({ client, onError });
      const pending = manager.getAccessToken();
      const rejected = expect(pending).rejects.toMatchObject({ kind });
      await vi.advanceTimersByTimeAsync(15 * SECOND - 1);
      expect(times).toEqual([0, 1_000, 3_000, 7_000]);
      expect(manager.getState()).toMatchObject({
        status: 'loading',
        error: null,
        nextRefreshAt: T0 + 15 * SECOND,
      });
      await vi.advanceTimersByTimeAsync(1);
      expect(times).toEqual([0, 1_000, 3_000, 7_000, 15_000]);
      await rejected;
      expect(manager.getState()).toMatchObject({ status: 'error', error: { kind } });
      expect(onError).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(5 * MINUTE);
      // 16 s, then the 30 s cap (random: () => 0, no jitter); the error stays on screen meanwhile
      expect(times.slice(5, 8)).toEqual([31_000, 61_000, 91_000]);
      expect(times).toHaveLength(15); // ... 271, 301 s
      expect(manager.getState()).toMatchObject({ status: 'error', error: { kind } });
      expect(onError).toHaveBeenCalledTimes(1);

      failing = false;
      await vi.advanceTimersByTimeAsync(30 * SECOND);
      expect(times).toHaveLength(16);
      expect(manager.getState()).toMatchObject({ status: 'ready', error: null });
    },
  );

  it('online after an offline (network) failure does not cut the backoff short', async () => {
    // Changed: `online` used to retry at once; it now waits for the backoff like everything else.
    let offline = true;
    const client = createFakeClient(async () => {
      if (offline) throw apiError('network');
      return tokenResponse();
    });
    const manager = createManager({ client, onError: () => {} });
    manager.start();
    await vi.advanceTimersByTimeAsync(20 * SECOND);
    expect(client.refreshToken).toHaveBeenCalledTimes(5); // 0, 1, 3, 7, 15 s; next at 31 s
    expect(manager.getState().status).toBe('error');
    offline = false;
    goOnline();
    await flush();
    expect(client.refreshToken).toHaveBeenCalledTimes(5);
    await vi.advanceTimersByTimeAsync(11 * SECOND);
    expect(client.refreshToken).toHaveBeenCalledTimes(6);
    expect(manager.getState().status).toBe('ready');
    goOnline();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(client.refreshToken).toHaveBeenCalledTimes(6);
  });

  it('offline: no automatic request until online, then at once if the backoff has run out', async () => {
    let offline = true;
    const client = createFakeClient(async () => {
      if (offline) throw apiError('network');
      return tokenResponse();
    });
    const manager = createManager({ client });
    const token = manager.getAccessToken();
    await vi.advanceTimersByTimeAsync(1_500); // tries at 0 and 1 s; next at 3 s
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
    window.dispatchEvent(new Event('offline'));
    offline = false;
    goOnline();
    await flush();
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
    window.dispatchEvent(new Event('offline'));
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    // a caller waits: it is served even while the browser says offline
    expect(client.refreshToken).toHaveBeenCalledTimes(3);
    await expect(token).resolves.toMatch(/^cal-secret-/);
    expect(vi.getTimerCount()).toBe(2); // the refresh timer and the tick
  });

  it('a failing scheduled refresh keeps the last token while it is unexpired', async () => {
    let fail = false;
    const client = createFakeClient(async () => {
      if (fail) throw apiError('server', 503);
      return tokenResponse();
    });
    const onError = vi.fn();
    const manager = createManager({ client, onError });
    const token = await manager.getToken();
    fail = true;
    await vi.advanceTimersByTimeAsync(HOUR - MINUTE + 15 * SECOND);
    expect(client.refreshToken).toHaveBeenCalledTimes(6);
    expect(manager.getState()).toMatchObject({ status: 'error', token, error: { kind: 'server' } });
    expect(onError).toHaveBeenCalledTimes(1);
    // a manual getToken tries again (the token is no longer fresh), 5 s after the last request
    fail = false;
    const next = manager.getToken();
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    await expect(next).resolves.not.toBe(token);
    expect(client.refreshToken).toHaveBeenCalledTimes(7);
  });

  it('drops the token on error once it has expired', async () => {
    let fail = false;
    const client = createFakeClient(async () => {
      if (fail) throw apiError('network');
      return tokenResponse({ expires_in: 10 });
    });
    const manager = createManager({ client });
    await manager.getToken();
    fail = true;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(manager.getState()).toMatchObject({ status: 'error', token: null });
  });
});

describe('final errors', () => {
  it('400 is final: one request, error state, onError once, no retry on any trigger', async () => {
    const client = createFakeClient(async () => {
      throw apiError('invalid_request', 400);
    });
    const onError = vi.fn();
    const manager = createManager({ client, onError });
    await expect(manager.getToken()).rejects.toMatchObject({ kind: 'invalid_request' });
    setVisibility('visible');
    goOnline();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    expect(manager.getState()).toMatchObject({ status: 'error', error: { status: 400 } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([401, 403])(
    '%i → unauthorized, onAuthError once, no retry even after more triggers',
    async (status) => {
      const client = createFakeClient(async () => {
        throw apiError('unauthorized', status);
      });
      const onAuthError = vi.fn();
      const onError = vi.fn();
      const manager = await startedManager({ client, onAuthError, onError });
      expect(manager.getState()).toMatchObject({
        status: 'unauthorized',
        token: null,
        error: { kind: 'unauthorized', status },
      });
      const stored = manager.getState().error;
      setVisibility('hidden');
      setVisibility('visible');
      goOnline();
      await vi.advanceTimersByTimeAsync(HOUR);
      await expect(manager.getToken()).rejects.toBe(stored);
      expect(client.refreshToken).toHaveBeenCalledTimes(1);
      expect(onAuthError).toHaveBeenCalledTimes(1);
      expect(onAuthError).toHaveBeenCalledWith(stored);
      expect(onError).not.toHaveBeenCalled();
      expect(vi.getTimerCount()).toBe(0);

      // a manual retry is allowed, but a second 401 does not call onAuthError again
      await expect(settled(manager.getToken({ forceRefresh: true }))).rejects.toMatchObject({
        kind: 'unauthorized',
      });
      expect(client.refreshToken).toHaveBeenCalledTimes(2);
      expect(onAuthError).toHaveBeenCalledTimes(1);
    },
  );

  it('onAuthError fires again for a 401 after a token was obtained in between', async () => {
    const answers = [401, 200, 401];
    const client = createFakeClient(async () => {
      if (answers.shift() === 401) throw apiError('unauthorized', 401);
      return tokenResponse();
    });
    const onAuthError = vi.fn();
    const manager = createManager({ client, onAuthError });
    await expect(manager.getToken()).rejects.toMatchObject({ kind: 'unauthorized' });
    await expect(settled(manager.getToken({ forceRefresh: true }))).resolves.toMatchObject({});
    await expect(settled(manager.getToken({ forceRefresh: true }))).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    expect(onAuthError).toHaveBeenCalledTimes(2);
  });

  it('non-BookingsApiError rejections are normalised', async () => {
    const client = createFakeClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    const manager = createManager({ client });
    const failure = manager.getToken();
    const settled = expect(failure).rejects.toMatchObject({
      name: 'BookingsApiError',
      kind: 'network',
      endpoint: 'token',
    });
    await vi.advanceTimersByTimeAsync(MINUTE);
    await settled;
  });
});
