import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBookingsClient } from '../../../src/client/createBookingsClient.js';
import type { BookingsApiError } from '../../../src/client/errors.js';
import { watchSettling } from '../../helpers/settles.js';
import { BASE, hangingFetch, json, mockFetch, rejectionOf } from './fetchMock.js';
import { VALID_CONFIG } from './fixtures.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('abort', () => {
  it('rejects with aborted, without calling fetch, when the signal is already aborted', async () => {
    const { fetch, spy } = mockFetch(() => json(VALID_CONFIG));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(client.getConfig({ signal: controller.signal }));
    expect(error).toMatchObject({ name: 'BookingsApiError', kind: 'aborted', endpoint: 'config' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('rejects with aborted when the caller aborts an in-flight request, and aborts fetch', async () => {
    const fetch = hangingFetch();
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const controller = new AbortController();
    const pending = rejectionOf(client.getUser({ signal: controller.signal }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    controller.abort(new Error('unmounted'));
    const error = (await pending) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'aborted', endpoint: 'user' });
    expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
  });

  it('rejects with aborted even when the fetch ignores the signal', async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => {}));
    const client = createBookingsClient({ baseUrl: BASE, fetch, requestTimeoutMs: 0 });
    const controller = new AbortController();
    const pending = rejectionOf(client.getConfig({ signal: controller.signal }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });
  });

  it('stops listening to the caller signal once the request settled', async () => {
    const { fetch } = mockFetch(() => json(VALID_CONFIG));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    await client.getConfig({ signal: controller.signal });
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});

describe('time-out', () => {
  it('rejects with timeout after the default 10 s and aborts the fetch', async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const { pending, settled } = watchSettling(rejectionOf(client.refreshToken()));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = (await pending) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'timeout', endpoint: 'token' });
    expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
  });

  it('honours a short requestTimeoutMs with real timers', async () => {
    const client = createBookingsClient({
      baseUrl: BASE,
      fetch: hangingFetch(),
      requestTimeoutMs: 20,
    });
    expect(await rejectionOf(client.getConfig())).toMatchObject({ kind: 'timeout' });
  });

  it('times out a hung async getAuthToken too', async () => {
    vi.useFakeTimers();
    const { fetch, spy } = mockFetch(() => json(VALID_CONFIG));
    const client = createBookingsClient({
      baseUrl: BASE,
      fetch,
      requestTimeoutMs: 50,
      getAuthToken: () => new Promise<string>(() => {}),
    });
    const pending = rejectionOf(client.getConfig());
    await vi.advanceTimersByTimeAsync(50);
    expect(await pending).toMatchObject({ kind: 'timeout' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('sets no timer with requestTimeoutMs 0', async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const client = createBookingsClient({ baseUrl: BASE, fetch, requestTimeoutMs: 0 });
    const controller = new AbortController();
    const pending = rejectionOf(client.getConfig({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(vi.getTimerCount()).toBe(0);
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });
  });

  it('clears its timer on success and on failure', async () => {
    vi.useFakeTimers();
    const responses = [json(VALID_CONFIG), json({}, 500)];
    const { fetch } = mockFetch(() => responses.shift()!);
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    await client.getConfig();
    expect(vi.getTimerCount()).toBe(0);
    expect(await rejectionOf(client.getConfig())).toMatchObject({ kind: 'server' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports the caller abort, not a time-out, when the caller aborts first', async () => {
    vi.useFakeTimers();
    const client = createBookingsClient({
      baseUrl: BASE,
      fetch: hangingFetch(),
      requestTimeoutMs: 100,
    });
    const controller = new AbortController();
    const pending = rejectionOf(client.getConfig({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(50);
    controller.abort();
    await vi.advanceTimersByTimeAsync(100);
    expect(await pending).toMatchObject({ kind: 'aborted' });
  });
});

describe('network failure', () => {
  it('maps a fetch rejection to network and keeps it as cause', async () => {
    const failure = new TypeError('Failed to fetch');
    const fetch = vi.fn(() => Promise.reject(failure));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'network', endpoint: 'config', status: undefined });
    expect(error.cause).toBe(failure);
  });

  it('maps a body stream failure to network', async () => {
    const broken = new Response(
      new ReadableStream({
        pull(controller) {
          controller.error(new TypeError('connection reset'));
        },
      }),
      { status: 200 },
    );
    const { fetch } = mockFetch(() => broken);
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    expect(await rejectionOf(client.getConfig())).toMatchObject({ kind: 'network' });
  });

  it('maps an unserialisable token body to invalid_request without calling fetch', async () => {
    const { fetch, spy } = mockFetch(() => json({}));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const body: Record<string, unknown> = {};
    body.self = body;
    expect(await rejectionOf(client.refreshToken(body))).toMatchObject({
      kind: 'invalid_request',
      endpoint: 'token',
    });
    expect(spy).not.toHaveBeenCalled();
  });
});
