import { describe, expect, it, vi } from 'vitest';
import { apiError, delayed, tokenResponse } from './answers.js';
import { createChannelBus, goOnline, setVisibility } from './browserFakes.js';
import { HOUR, MINUTE, SECOND } from './clock.js';
import { installTokenTestEnvironment } from './environment.js';
import { createFakeClient, createManager, createTab, flush } from './helpers.js';

installTokenTestEnvironment();

type Listener = Parameters<typeof window.addEventListener>[1];

/** Records add/remove calls on `target`, for checking that every listener added is removed. */
function trackListeners(target: Window | Document) {
  const added: [string, Listener][] = [];
  const removed: [string, Listener][] = [];
  vi.spyOn(target, 'addEventListener').mockImplementation(function (this: unknown, type, listener) {
    added.push([type, listener]);
  });
  vi.spyOn(target, 'removeEventListener').mockImplementation(function (this: unknown, type, l) {
    removed.push([type, l]);
  });
  return { added, removed };
}

describe('dispose', () => {
  it('aborts a hung request and rejects pending getToken calls with kind aborted', async () => {
    let seen: AbortSignal | undefined;
    const client = createFakeClient((_body, options) => {
      seen = options?.signal;
      return new Promise(() => {}); // the server never answers and the client ignores the signal
    });
    const manager = createManager({ client });
    const first = manager.getAccessToken();
    const second = manager.getToken({ forceRefresh: true });
    await flush();
    manager.dispose();
    await expect(first).rejects.toMatchObject({ name: 'BookingsApiError', kind: 'aborted' });
    await expect(second).rejects.toMatchObject({ kind: 'aborted' });
    expect(seen?.aborted).toBe(true);
  });

  it('leaves no timer, no interval and no listener on window or document', async () => {
    const onWindow = trackListeners(window);
    const onDocument = trackListeners(document);
    const bus = createChannelBus();
    const manager = createTab(bus, 'u1');
    await manager.getToken();
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    expect(onWindow.added.map(([type]) => type)).toEqual(['online', 'offline']);
    expect(onDocument.added.map(([type]) => type)).toEqual(['visibilitychange']);
    manager.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(onWindow.removed).toEqual(onWindow.added);
    expect(onDocument.removed).toEqual(onDocument.added);
    expect(bus.created[0]?.closed).toBe(true);
    expect(bus.created[0]?.listeners.size).toBe(0);
  });

  it('clears a pending backoff retry', async () => {
    const client = createFakeClient(async () => {
      throw apiError('server', 502);
    });
    const manager = createManager({ client });
    manager.start();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
    manager.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
  });

  it('after dispose nothing runs and no listener or callback is called', async () => {
    let answer: (() => void) | undefined;
    const client = createFakeClient(
      () =>
        new Promise((resolve) => {
          answer = () => resolve(tokenResponse());
        }),
    );
    const onTokenRefreshed = vi.fn();
    const manager = createManager({ client, onTokenRefreshed });
    const listener = vi.fn();
    manager.subscribe(listener);
    manager.getToken().catch(() => {});
    await flush();
    const before = manager.getState();
    listener.mockClear();
    manager.dispose();
    answer?.(); // a client that ignores the signal answers anyway
    setVisibility('hidden');
    setVisibility('visible');
    goOnline();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(listener).not.toHaveBeenCalled();
    expect(onTokenRefreshed).not.toHaveBeenCalled();
    expect(manager.getState()).toBe(before);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('start() after dispose is a no-op and getToken rejects with aborted', async () => {
    const client = createFakeClient();
    const manager = createManager({ client });
    manager.dispose();
    manager.start();
    await expect(manager.getAccessToken()).rejects.toMatchObject({ kind: 'aborted' });
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(client.refreshToken).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    manager.dispose(); // idempotent
  });

  it('a request that hangs until the client times out ends in error, not in a hang', async () => {
    // the client aborts its own fetch after requestTimeoutMs and reports kind `timeout`
    const client = createFakeClient((_body, options) =>
      delayed(
        10 * SECOND,
        () => {
          throw apiError('timeout');
        },
        options?.signal,
      ),
    );
    const manager = createManager({ client });
    const token = manager.getToken();
    const settled = expect(token).rejects.toMatchObject({ kind: 'timeout' });
    await vi.advanceTimersByTimeAsync(5 * 10 * SECOND + 15 * SECOND);
    await settled;
    expect(client.refreshToken).toHaveBeenCalledTimes(5);
  });
});
