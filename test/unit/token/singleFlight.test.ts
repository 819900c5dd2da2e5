import { describe, expect, it, vi } from 'vitest';
import { createCalTokenManager } from '../../../src/token/createCalTokenManager.js';
import { delayed, tokenResponse } from './answers.js';
import { HOUR, MINUTE, T0 } from './clock.js';
import { installTokenTestEnvironment } from './environment.js';
import { createFakeClient, createManager, flush } from './helpers.js';

installTokenTestEnvironment();

describe('single-flight', () => {
  it('10 concurrent getAccessToken calls make one request and get the same token', async () => {
    const client = createFakeClient((_body, options) =>
      delayed(200, () => tokenResponse(), options?.signal),
    );
    const manager = createManager({ client });
    const calls = Array.from({ length: 10 }, () => manager.getAccessToken());
    await vi.advanceTimersByTimeAsync(200);
    const tokens = await Promise.all(calls);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toBe(manager.getState().token?.accessToken);
  });

  it('forceRefresh during an in-flight request joins it instead of starting a second', async () => {
    const client = createFakeClient((_body, options) =>
      delayed(500, () => tokenResponse(), options?.signal),
    );
    const manager = createManager({ client });
    const first = manager.getAccessToken();
    await vi.advanceTimersByTimeAsync(100);
    const forced = manager.getAccessToken({ forceRefresh: true });
    await vi.advanceTimersByTimeAsync(400);
    expect(await forced).toBe(await first);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
  });

  it('a fresh token resolves without a request; forceRefresh makes exactly one', async () => {
    const client = createFakeClient();
    const manager = createManager({ client });
    const first = await manager.getAccessToken();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(await manager.getAccessToken()).toBe(first);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    const forced = await manager.getAccessToken({ forceRefresh: true });
    expect(forced).not.toBe(first);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
  });

  it('getToken before start() fetches, then keeps the token fresh as if started', async () => {
    const client = createFakeClient();
    const manager = createManager({ client });
    const token = await manager.getToken();
    expect(token.expiresAt).toBe(T0 + HOUR);
    expect(manager.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
    manager.start();
    await flush();
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
  });

  it('start() is idempotent: three calls make one request', async () => {
    const client = createFakeClient();
    const manager = createManager({ client });
    manager.start();
    manager.start();
    manager.start();
    await flush();
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    expect(client.refreshToken).toHaveBeenCalledWith({}, { signal: expect.any(AbortSignal) });
  });

  it('sends the configured tokenRequest body', async () => {
    const client = createFakeClient();
    const manager = createManager({ client, tokenRequest: { time_zone: 'Europe/Paris' } });
    await manager.getToken();
    expect(client.refreshToken).toHaveBeenCalledWith(
      { time_zone: 'Europe/Paris' },
      expect.anything(),
    );
  });
});

describe('state', () => {
  it('getState returns the same object until something changes', async () => {
    const client = createFakeClient();
    const manager = createManager({ client });
    const idle = manager.getState();
    expect(manager.getState()).toBe(idle);
    expect(idle).toEqual({ status: 'idle', token: null, error: null, nextRefreshAt: null });
    await manager.getToken();
    const ready = manager.getState();
    expect(ready).not.toBe(idle);
    await manager.getToken();
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(manager.getState()).toBe(ready);
    expect(Object.isFrozen(ready)).toBe(true);
  });

  it('moves idle → loading → ready → refreshing → ready and notifies once per change', async () => {
    const client = createFakeClient((_body, options) =>
      delayed(100, () => tokenResponse(), options?.signal),
    );
    const manager = createManager({ client });
    const seen: string[] = [];
    const listener = vi.fn(() => {
      seen.push(manager.getState().status);
    });
    manager.subscribe(listener);
    manager.start();
    await vi.advanceTimersByTimeAsync(100);
    // expiresAt counts from the request's start, not its arrival
    expect(manager.getState().token?.expiresAt).toBe(T0 + HOUR);
    expect(manager.getState().nextRefreshAt).toBe(T0 + HOUR - MINUTE);
    await vi.advanceTimersByTimeAsync(HOUR - MINUTE);
    expect(seen).toEqual(['loading', 'ready', 'refreshing', 'ready']);
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('unsubscribe stops notifications', async () => {
    const manager = createManager({ client: createFakeClient() });
    const listener = vi.fn();
    const unsubscribe = manager.subscribe(listener);
    unsubscribe();
    await manager.getToken();
    expect(listener).not.toHaveBeenCalled();
  });

  it('creating a manager touches no browser API, starts no timer and makes no request', () => {
    const windowAdd = vi.spyOn(window, 'addEventListener');
    const documentAdd = vi.spyOn(document, 'addEventListener');
    const createChannel = vi.fn(() => null);
    const client = createFakeClient();
    const manager = createCalTokenManager({ client, createChannel });
    expect(manager.getState().status).toBe('idle');
    expect(windowAdd).not.toHaveBeenCalled();
    expect(documentAdd).not.toHaveBeenCalled();
    expect(createChannel).not.toHaveBeenCalled();
    expect(client.refreshToken).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    manager.dispose();
  });
});
