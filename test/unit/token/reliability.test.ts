import { describe, expect, it, vi } from 'vitest';
import { crossTabName } from '../../../src/token/crossTab.js';
import { MAX_TIMER_DELAY_MS } from '../../../src/token/schedule.js';
import { apiError, delayed, tokenResponse } from './answers.js';
import { createChannelBus, createFakeLocks } from './browserFakes.js';
import { DAY, HOUR, MINUTE, SECOND, T0 } from './clock.js';
import { installTokenTestEnvironment } from './environment.js';
import { BASE_URL, createFakeClient, createManager, createTab, flush } from './helpers.js';

installTokenTestEnvironment();

/** A focus or online source like TanStack's managers, driven by the test. */
function createSource(initial = true) {
  let value = initial;
  const listeners = new Set<(value: boolean) => void>();
  const subscribe = (listener: (value: boolean) => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    listeners,
    set(next: boolean) {
      value = next;
      for (const listener of [...listeners]) listener(next);
    },
    focus: { isFocused: () => value, subscribe },
    online: { isOnline: () => value, subscribe },
  };
}

/** A channel bus whose messages take `latencyMs` of (fake) time to arrive, like a busy browser. */
function slowBus(latencyMs: number) {
  const bus = createChannelBus();
  const factory = (name: string) => {
    const channel = bus.factory(name);
    const post = channel.postMessage.bind(channel);
    return Object.assign(channel, {
      postMessage: (message: unknown) => {
        setTimeout(() => {
          try {
            post(message);
          } catch {
            // closed meanwhile
          }
        }, latencyMs);
      },
    });
  };
  return { ...bus, factory };
}

/** Token requests of `tabs` managers sharing a slow channel and exclusive, at once granted, locks. */
async function requestsWithTabs(tabs: number, expiresIn: number, duration: number) {
  const bus = slowBus(30);
  const locks = createFakeLocks();
  const client = createFakeClient((_body, options) =>
    delayed(100, () => tokenResponse({ expires_in: expiresIn }), options?.signal),
  );
  const managers = Array.from({ length: tabs }, () =>
    createManager({ client, identity: 'user-1', createChannel: bus.factory, locks }),
  );
  for (const manager of managers) manager.start();
  await vi.advanceTimersByTimeAsync(duration);
  for (const manager of managers) {
    expect(manager.getState().token?.expiresAt ?? 0).toBeGreaterThan(Date.now());
  }
  return client.refreshToken.mock.calls.length;
}

describe('cross-tab', () => {
  it('tabs with an immediately granted lock make as many requests as one tab', async () => {
    // Same jitter: every tab is due at the same moment; the lock goes to the next tab before the
    // message of the tab that refreshed arrives (30 ms channel latency).
    const single = await requestsWithTabs(1, 60, 10 * MINUTE);
    expect(single).toBeGreaterThanOrEqual(10);
    vi.clearAllMocks();
    for (const tabs of [2, 4]) {
      expect(await requestsWithTabs(tabs, 60, 10 * MINUTE)).toBe(single);
    }
  });

  it('without an identity, managers share nothing (no anonymous channel)', async () => {
    const bus = createChannelBus();
    const locks = createFakeLocks();
    const first = createManager({ client: createFakeClient(), createChannel: bus.factory, locks });
    const second = createManager({ client: createFakeClient(), createChannel: bus.factory, locks });
    const [a, b] = await Promise.all([first.getToken(), second.getToken()]);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(bus.factory).not.toHaveBeenCalled();
    expect(locks.granted()).toBe(0);
    expect(a.accessToken).not.toBe(b.accessToken);
    expect(first.getState().token?.accessToken).not.toBe(second.getState().token?.accessToken);
  });

  it('ignores forged and implausible messages (expiry 1e13 ms ahead, issued in the future)', async () => {
    const bus = createChannelBus();
    const manager = createTab(bus, 'u');
    const token = await manager.getToken();
    const state = manager.getState();
    const peer = bus.factory(crossTabName(BASE_URL, 'u'));
    const now = Date.now();
    const forged = (patch: object, issuedAt = now) =>
      peer.postMessage({
        type: 'token',
        token: { ...token, accessToken: 'forged', ...patch },
        issuedAt,
      });
    forged({ expiresAt: now + 1e13 });
    forged({ expiresAt: now + 2 * HOUR }); // longer than the 1-hour tokens we received + margin
    forged({ expiresAt: now + 30 * MINUTE + HOUR }, now + HOUR); // issued in the future
    forged({ expiresAt: now + 50 * MINUTE }, now + 55 * MINUTE); // issued after it expires
    forged({ expiresAt: now + HOUR + 1, integrationStatus: 'stolen' });
    forged({ expiresAt: now + HOUR + 1, accessToken: 42 });
    peer.postMessage({ type: 'token', token: { ...token, expiresAt: now + HOUR + 1 } }); // no issuedAt
    await flush();
    expect(manager.getState()).toBe(state);
    // a plausible newer token is adopted, rebuilt from the checked fields only
    forged({ expiresAt: now + HOUR + SECOND, extra: 'x' });
    await flush();
    expect(manager.getState().token).toEqual({
      ...token,
      accessToken: 'forged',
      expiresAt: now + HOUR + SECOND,
    });
  });

  it('before receiving any token, accepts at most 31 days ahead', async () => {
    const bus = createChannelBus();
    const client = createFakeClient(() => new Promise(() => {}));
    const manager = createManager({ client, identity: 'u', createChannel: bus.factory });
    manager.start();
    const peer = bus.factory(crossTabName(BASE_URL, 'u'));
    const base = {
      tokenType: 'Bearer',
      calClientId: 'c',
      integrationStatus: 'existing',
      refreshed: true,
    };
    const now = Date.now();
    peer.postMessage({
      type: 'token',
      token: { ...base, accessToken: 'a', expiresAt: now + 40 * DAY },
      issuedAt: now,
    });
    await flush();
    expect(manager.getState().token).toBeNull();
    peer.postMessage({
      type: 'token',
      token: { ...base, accessToken: 'b', expiresAt: now + 30 * DAY },
      issuedAt: now,
    });
    await flush();
    expect(manager.getState().token?.accessToken).toBe('b');
  });
});

describe('retries, backoff and request rate', () => {
  it('retries a 503 outage for as long as it lasts, about once every 30-60 s', async () => {
    const times: number[] = [];
    let down = true;
    const client = createFakeClient(async () => {
      times.push(Date.now() - T0);
      if (down) throw apiError('server', 503);
      return tokenResponse();
    });
    const manager = createManager({ client, onError: () => {}, random: () => 0.5 });
    manager.start();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    // quick retries, then one per 45 s (30 s × 1.5 jitter)
    expect(times.slice(0, 5)).toEqual([0, 1_500, 4_500, 10_500, 22_500]);
    const gaps = times.slice(6).map((t, i) => t - times[i + 5]!);
    for (const gap of gaps) expect(gap).toBe(45_000);
    expect(times.length).toBeGreaterThanOrEqual(15);
    expect(manager.getState()).toMatchObject({ status: 'error', token: null });
    down = false;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(manager.getState()).toMatchObject({ status: 'ready', error: null });
  });

  it('holds no token once its real lifetime has passed, and never hands out an expired one', async () => {
    let down = false;
    const client = createFakeClient(async () => {
      if (down) throw apiError('network');
      return tokenResponse({ expires_in: 120 });
    });
    const manager = createManager({ client, onError: () => {} });
    const token = await manager.getToken();
    down = true;
    await vi.advanceTimersByTimeAsync(2 * MINUTE - 1);
    expect(manager.getState().token).toBe(token);
    await vi.advanceTimersByTimeAsync(1);
    expect(manager.getState().token).toBeNull();
    // a caller in the error state gets one more try, and is never served the expired token
    const pending = manager.getAccessToken();
    const rejected = expect(pending).rejects.toMatchObject({ kind: 'network' });
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    await rejected;
    down = false;
    const next = manager.getAccessToken();
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    await expect(next).resolves.not.toBe(token.accessToken);
  });

  it('a wall clock set back 2 h does not keep serving a token that expired in real time', async () => {
    const client = createFakeClient();
    const focus = createSource(false); // hidden: no automatic refresh
    const manager = createManager({ client, focus: focus.focus });
    const token = await manager.getToken();
    vi.setSystemTime(T0 - 2 * HOUR);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(manager.getState().token).toBeNull();
    const next = manager.getAccessToken();
    await flush();
    await expect(next).resolves.not.toBe(token.accessToken);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
  });

  it('a wall clock set back while the token request runs does not put off the next refresh', async () => {
    const client = createFakeClient((_body, options) =>
      delayed(100, () => tokenResponse({ expires_in: 600 }), options?.signal),
    );
    const manager = createManager({ client });
    manager.start();
    await vi.advanceTimersByTimeAsync(50);
    vi.setSystemTime(Date.now() - 2 * HOUR);
    await vi.advanceTimersByTimeAsync(50);
    expect(manager.getState().status).toBe('ready');
    // 60 s before the expiry, counted from the request's start in real time
    await vi.advanceTimersByTimeAsync(540 * SECOND - 101);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
  });

  it('online events respect the backoff while the network flaps', async () => {
    const client = createFakeClient(async () => {
      throw apiError('network');
    });
    const manager = createManager({ client, onError: () => {} });
    manager.start();
    for (let i = 0; i < 240; i += 1) {
      await vi.advanceTimersByTimeAsync(250);
      window.dispatchEvent(new Event(i % 2 ? 'offline' : 'online'));
    }
    // 1 minute: tries at 0, 1, 3, 7, 15 and 31 s, whatever the events say (at most one more for an
    // `online` that comes just after a due retry found the network down)
    expect(client.refreshToken.mock.calls.length).toBeLessThanOrEqual(7);
  });

  it('expires_in 0.001 gives at most 12 token requests a minute', async () => {
    const client = createFakeClient(async () => tokenResponse({ expires_in: 0.001 }));
    const manager = createManager({ client });
    manager.start();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(client.refreshToken.mock.calls.length).toBeLessThanOrEqual(10 * 12 + 1);
    expect(client.refreshToken.mock.calls.length).toBeGreaterThanOrEqual(10 * 12 - 1);
  });

  it('an explicit forceRefresh waits for the 5 s gap instead of bypassing it', async () => {
    const client = createFakeClient();
    const manager = createManager({ client });
    await manager.getToken();
    const forced = manager.getToken({ forceRefresh: true });
    const joined = manager.getToken({ forceRefresh: true });
    await vi.advanceTimersByTimeAsync(5 * SECOND - 1);
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.refreshToken).toHaveBeenCalledTimes(2);
    expect(await forced).toBe(await joined);
  });
});

describe('options, timers and listeners', () => {
  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '60' as unknown as number])(
    'refreshLeewaySeconds %s throws a TypeError naming the option',
    (value) => {
      expect(() =>
        createManager({ client: createFakeClient(), refreshLeewaySeconds: value }),
      ).toThrow(
        new TypeError('createCalTokenManager: refreshLeewaySeconds must be a finite number >= 0'),
      );
    },
  );

  it('clamps timers below 2^31-1 ms and runs the tick only while focused', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const focus = createSource(true);
    const client = createFakeClient(async () => tokenResponse({ expires_in: 60 * 86_400 }));
    const manager = createManager({ client, focus: focus.focus });
    await manager.getToken();
    const delays = setTimeoutSpy.mock.calls.map(([, ms]) => ms ?? 0);
    expect(Math.max(...delays)).toBeLessThan(MAX_TIMER_DELAY_MS);
    expect(vi.getTimerCount()).toBe(2); // the timeout and the tick
    focus.set(false);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('leaves no timer, listener, subscription or open channel after dispose', async () => {
    const focus = createSource(true);
    const online = createSource(true);
    const bus = createChannelBus();
    const manager = createManager({
      client: createFakeClient(),
      identity: 'u',
      focus: focus.focus,
      online: online.online,
      createChannel: bus.factory,
    });
    await manager.getToken();
    expect(focus.listeners.size).toBe(1);
    expect(online.listeners.size).toBe(1);
    manager.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(focus.listeners.size + online.listeners.size).toBe(0);
    expect(bus.created[0]).toMatchObject({ closed: true });
    expect(bus.created[0]?.listeners.size).toBe(0);
  });

  it('a hidden page (injected focus source) makes no automatic request', async () => {
    const focus = createSource(false);
    const client = createFakeClient();
    const manager = createManager({ client, focus: focus.focus });
    manager.start();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(client.refreshToken).not.toHaveBeenCalled();
    focus.set(true);
    await flush();
    expect(client.refreshToken).toHaveBeenCalledTimes(1);
  });
});
