import { afterEach, describe, expect, it, vi } from 'vitest';
import { crossTabName } from '../../../src/token/crossTab.js';
import { apiError, delayed, tokenResponse } from './answers.js';
import { createChannelBus, createFakeLocks } from './browserFakes.js';
import { HOUR, MINUTE, SECOND } from './clock.js';
import { installTokenTestEnvironment } from './environment.js';
import { BASE_URL, createFakeClient, createManager, createTab, flush } from './helpers.js';

installTokenTestEnvironment();

function installNavigatorLocks(locks: unknown): void {
  Object.defineProperty(navigator, 'locks', { configurable: true, value: locks });
}

afterEach(() => {
  delete (navigator as { locks?: unknown }).locks;
});

/** A server with 100 ms latency, shared by every tab. */
function slowServer() {
  return createFakeClient((_body, options) => delayed(100, () => tokenResponse(), options?.signal));
}

describe('cross-tab', () => {
  it('names the channel after the base URL and the identity', async () => {
    const bus = createChannelBus();
    const manager = createTab(bus, 'user-42');
    manager.start();
    expect(bus.factory).toHaveBeenCalledWith(`aisquare-bookings:${BASE_URL}:user-42`);
    expect(crossTabName(BASE_URL, 'user-42')).toBe(`aisquare-bookings:${BASE_URL}:user-42`);
  });

  it('two managers sharing a BroadcastChannel make one request per expiry over 5 expiries', async () => {
    expect(typeof BroadcastChannel).toBe('function'); // the default channel, not an injected one
    const client = slowServer();
    const first = createManager({ client, identity: 'u1', random: () => 0.8 });
    const second = createManager({ client, identity: 'u1', random: () => 0.2 });
    await Promise.all([first.getToken(), second.getToken(), vi.advanceTimersByTimeAsync(100)]);
    expect(client.refreshToken).toHaveBeenCalledTimes(2); // each tab's first token
    for (let expiry = 1; expiry <= 5; expiry += 1) {
      await vi.advanceTimersByTimeAsync(HOUR);
      expect(client.refreshToken).toHaveBeenCalledTimes(2 + expiry);
      expect(second.getState().token).toEqual(first.getState().token);
    }
  });

  it('with Web Locks (navigator.locks), tabs refreshing at the same moment make one request', async () => {
    const locks = createFakeLocks();
    installNavigatorLocks(locks);
    const bus = createChannelBus();
    const client = slowServer();
    const onFirst = vi.fn();
    const onSecond = vi.fn();
    // same jitter: both tabs schedule the very same moment, the worst case for a storm
    const first = createManager({
      client,
      identity: 'u1',
      createChannel: bus.factory,
      onTokenRefreshed: onFirst,
    });
    const second = createManager({
      client,
      identity: 'u1',
      createChannel: bus.factory,
      onTokenRefreshed: onSecond,
    });
    first.start();
    second.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    expect(second.getState()).toMatchObject({ status: 'ready', token: first.getState().token });
    for (let expiry = 1; expiry <= 5; expiry += 1) {
      await vi.advanceTimersByTimeAsync(HOUR);
      expect(client.refreshToken).toHaveBeenCalledTimes(1 + expiry);
    }
    expect(locks.granted()).toBeGreaterThanOrEqual(12);
    // the tab that received the token did not report it as its own refresh
    expect(onFirst.mock.calls.length + onSecond.mock.calls.length).toBe(6);
  });

  it('without locks, a token received before our own timer cancels our refresh', async () => {
    const bus = createChannelBus();
    const firstClient = createFakeClient();
    const secondClient = createFakeClient();
    const onSecond = vi.fn();
    const first = createManager({
      client: firstClient,
      identity: 'u1',
      createChannel: bus.factory,
      locks: null,
      random: () => 0.9,
    });
    const second = createManager({
      client: secondClient,
      identity: 'u1',
      createChannel: bus.factory,
      locks: null,
      onTokenRefreshed: onSecond,
    });
    await first.getToken();
    await second.getToken();
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(firstClient.refreshToken).toHaveBeenCalledTimes(4);
    expect(secondClient.refreshToken).toHaveBeenCalledTimes(1);
    expect(onSecond).toHaveBeenCalledTimes(1);
    expect(second.getState()).toMatchObject({ status: 'ready', token: first.getState().token });
    // one token message per request, none for adopted tokens: no echo, no loop (the queries the
    // refreshing tab sends first find no newer token, so nobody answers them)
    const posted = bus.created.flatMap((channel) => channel.posted);
    expect(posted.filter((message) => (message as { type: string }).type === 'token')).toHaveLength(
      5,
    );
  });

  it('ignores tokens that expire no later than ours, and malformed messages', async () => {
    const bus = createChannelBus();
    const manager = createTab(bus, 'u1');
    const token = await manager.getToken();
    const state = manager.getState();
    const peer = bus.factory(`aisquare-bookings:${BASE_URL}:u1`);
    peer.postMessage({ type: 'token', token: { ...token, accessToken: 'older', expiresAt: 1 } });
    peer.postMessage({ type: 'token', token: { ...token, expiresAt: token.expiresAt } });
    peer.postMessage({
      type: 'token',
      token: { accessToken: 'x', expiresAt: Date.now() + 2 * HOUR },
    });
    peer.postMessage('token');
    peer.postMessage(null);
    await flush();
    expect(manager.getState()).toBe(state);
  });

  it('a token from another tab resolves callers waiting out a backoff', async () => {
    const bus = createChannelBus();
    const failing = createFakeClient(async () => {
      throw apiError('network');
    });
    const waiting = createManager({ client: failing, identity: 'u1', createChannel: bus.factory });
    const pending = waiting.getAccessToken();
    await vi.advanceTimersByTimeAsync(500);
    const other = createTab(bus, 'u1');
    const token = await other.getAccessToken();
    await expect(pending).resolves.toBe(token);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(failing.refreshToken).toHaveBeenCalledTimes(1);
    expect(waiting.getState()).toMatchObject({ status: 'ready', error: null });
  });

  it('a token from another tab ends the unauthorized state', async () => {
    const bus = createChannelBus();
    const client = createFakeClient(async () => {
      throw apiError('unauthorized', 401);
    });
    const rejected = createManager({ client, identity: 'u1', createChannel: bus.factory });
    await expect(rejected.getToken()).rejects.toMatchObject({ kind: 'unauthorized' });
    const other = createTab(bus, 'u1');
    const token = await other.getToken();
    await flush();
    expect(rejected.getState()).toMatchObject({ status: 'ready', token, error: null });
    await expect(rejected.getToken()).resolves.toEqual(token);
  });

  it('crossTab: false opens no channel and takes no lock', async () => {
    const locks = createFakeLocks();
    installNavigatorLocks(locks);
    const bus = createChannelBus();
    const manager = createManager({
      client: createFakeClient(),
      crossTab: false,
      createChannel: bus.factory,
    });
    await manager.getToken();
    expect(bus.factory).not.toHaveBeenCalled();
    expect(locks.granted()).toBe(0);
  });

  it('a lock granted slowly that no other tab holds: no question to the tabs, no wait', async () => {
    // Chromium's lock manager can take 20-90 ms to answer a booting page: a slow grant is no peer.
    const locks = createFakeLocks({ grantDelayMs: 60 });
    const bus = createChannelBus();
    const client = createFakeClient();
    const manager = createManager({ client, identity: 'u1', locks, createChannel: bus.factory });
    manager.start();
    await vi.advanceTimersByTimeAsync(60);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    expect(manager.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(3 * HOUR);
    expect(client.refreshToken).toHaveBeenCalledTimes(4);
    const posted = bus.created.flatMap((channel) => channel.posted) as { type: string }[];
    expect(posted.filter((message) => message.type === 'query')).toEqual([]);
  });

  it('a lock another tab holds: asks the tabs once granted, and a token that arrives after the grant costs no request', async () => {
    const name = crossTabName(BASE_URL, 'u1');
    const locks = createFakeLocks();
    const bus = createChannelBus();
    const peer = bus.factory(name);
    const questions: unknown[] = [];
    peer.addEventListener('message', (event) => questions.push(event.data));
    let release: () => void = () => {};
    void locks.request(name, {}, () => new Promise<void>((resolve) => (release = resolve)));
    const client = createFakeClient();
    const manager = createManager({ client, identity: 'u1', locks, createChannel: bus.factory });
    const pending = manager.getToken();
    await vi.advanceTimersByTimeAsync(1_000);
    // The other tab ends its request and lets go of the lock; its token is still on its way.
    release();
    await vi.advanceTimersByTimeAsync(50);
    expect(questions).toEqual([{ type: 'query', have: 0 }]);
    const token = {
      accessToken: 'from-the-other-tab',
      tokenType: 'Bearer',
      expiresAt: Date.now() + HOUR,
      calClientId: 'cal-client-1',
      integrationStatus: 'existing',
      refreshed: true,
    };
    peer.postMessage({ type: 'token', token, issuedAt: Date.now() - 100 });
    await expect(pending).resolves.toEqual(token);
    await vi.advanceTimersByTimeAsync(SECOND);
    expect(client.refreshToken).not.toHaveBeenCalled();
    // and the lock was let go: the other tab can take it again
    let again = false;
    await locks.request(name, { ifAvailable: true }, async (lock) => {
      again = lock !== null;
    });
    expect(again).toBe(true);
  });

  it('dispose while waiting for the lock rejects with aborted and makes no request', async () => {
    const locks = createFakeLocks();
    let release: () => void = () => {};
    void locks.request(crossTabName(BASE_URL, 'u1'), {}, () => {
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const client = createFakeClient();
    const manager = createManager({ client, identity: 'u1', locks, createChannel: () => null });
    const pending = manager.getToken();
    await vi.advanceTimersByTimeAsync(SECOND);
    manager.dispose();
    release();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    await flush();
    expect(client.refreshToken).not.toHaveBeenCalled();
  });
});
