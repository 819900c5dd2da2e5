import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCalApi } from '../../../src/calapi/createCalApi.js';
import { type CalApiError, isCalApiError } from '../../../src/calapi/errors.js';
import { BookingsApiError } from '../../../src/client/errors.js';
import { watchSettling } from '../../helpers/settles.js';
import {
  BOOKING,
  CAL,
  calError,
  hangingFetch,
  json,
  ME,
  ok,
  rejectionOf,
  setup,
  TOKEN,
} from './fakeCal.js';

afterEach(() => {
  vi.useRealTimers();
});

const BOOK = {
  start: '2030-01-07T09:00:00Z',
  eventTypeId: 11,
  attendee: { name: 'Bob', email: 'bob@example.test', timeZone: 'Europe/London' },
};

describe('HTTP statuses', () => {
  it.each([
    [400, 'invalid_request'],
    [422, 'invalid_request'],
    // 401 costs one forced refresh first: calapi.refresh.test.ts.
    [403, 'unauthorized'],
    [404, 'not_found'],
    [409, 'server'],
    [500, 'server'],
    [503, 'server'],
  ])('%i → %s, once, without a token refresh', async (status, kind) => {
    const { api, spy, getAccessToken } = setup(() => calError(status, 'SomeException'));
    const error = await rejectionOf(api.bookings({ status: 'upcoming' }));
    expect(error).toMatchObject({ name: 'CalApiError', kind, status });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(getAccessToken).toHaveBeenCalledTimes(1);
    expect(getAccessToken).toHaveBeenCalledWith();
  });

  it("carries Cal.com's code, X-Request-Id, message (as detail) and details, not in the message", async () => {
    const secretish = 'Booking with uid bk-1 for bob@example.test could not be found';
    const { api } = setup(() =>
      json(
        {
          status: 'error',
          timestamp: '2030-01-01T00:00:00.000Z',
          path: '/v2/bookings/bk-1/cancel',
          error: { code: 'NotFoundException', message: secretish, details: { uid: 'bk-1' } },
        },
        404,
        { 'x-request-id': 'req-7' },
      ),
    );
    const error = (await rejectionOf(
      api.cancelBooking('bk-1', { cancellationReason: 'x' }),
    )) as CalApiError;
    expect(error).toBeInstanceOf(Error);
    expect(isCalApiError(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'not_found',
      status: 404,
      code: 'NotFoundException',
      requestId: 'req-7',
      detail: secretish,
      details: { uid: 'bk-1' },
      method: 'POST',
      path: '/v2/bookings/bk-1/cancel',
    });
    expect(error.message).toBe(
      'Cal.com API POST /v2/bookings request failed: not_found (HTTP 404)',
    );
    expect(error.message).not.toContain('bob@');
    expect(error.message).not.toContain(TOKEN);
  });

  it('keeps the query (which may hold e-mails) out of path and message', async () => {
    const { api } = setup(() => calError(400, 'BadRequestException'));
    const error = (await rejectionOf(
      api.fetch('/v2/bookings?attendeeEmail=bob@example.test', { query: { x: 'bob@x.test' } }),
    )) as CalApiError;
    expect(error.path).toBe('/v2/bookings');
    expect(error.message).not.toContain('bob');
  });

  it('redacts the token from and cuts a long Cal.com message in detail', async () => {
    const { api } = setup(() =>
      calError(400, 'BadRequestException', `bad ${TOKEN} ${'x'.repeat(900)}`),
    );
    const error = (await rejectionOf(api.me())) as CalApiError;
    expect(error.detail).toMatch(/^bad \[redacted\] x+…$/);
    expect(error.detail?.length).toBeLessThan(510);
  });

  it('an error status with a non-JSON body (a proxy page) keeps its status kind', async () => {
    const { api } = setup(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = (await rejectionOf(api.me())) as CalApiError;
    expect(error).toMatchObject({ kind: 'server', status: 502, code: undefined });
    expect(error.message).not.toContain('html');
  });

  it('a mutation is never retried on a failure', async () => {
    for (const status of [500, 503, 429, 401]) {
      const { api, spy } = setup(() => calError(status, 'X'));
      await rejectionOf(api.createBooking(BOOK));
      expect(spy).toHaveBeenCalledTimes(1);
    }
  });
});

describe('429 rate limit', () => {
  it('rate_limited with retryAfterMs from X-RateLimit-Reset-Default (seconds)', async () => {
    const { api } = setup(() =>
      calError(429, 'ThrottlerException', 'Too Many Requests', {
        'x-ratelimit-limit-default': '120',
        'x-ratelimit-remaining-default': '0',
        'x-ratelimit-reset-default': '42',
      }),
    );
    const error = await rejectionOf(api.slots({ eventTypeId: 1, start: 'a', end: 'b' }));
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      code: 'ThrottlerException',
      retryAfterMs: 42_000,
    });
  });

  it('falls back to Retry-After, in seconds or as an HTTP date', async () => {
    const seconds = setup(() => calError(429, 'X', 'slow down', { 'retry-after': '1.5' }));
    expect(await rejectionOf(seconds.api.me())).toMatchObject({ retryAfterMs: 1500 });

    vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') });
    const date = setup(() =>
      calError(429, 'X', 'slow down', { 'retry-after': 'Tue, 01 Jan 2030 00:00:30 GMT' }),
    );
    expect(await rejectionOf(date.api.me())).toMatchObject({ retryAfterMs: 30_000 });
  });

  it('no usable header: retryAfterMs undefined; a past date: 0', async () => {
    const none = setup(() => calError(429, 'X'));
    expect(await rejectionOf(none.api.me())).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: undefined,
    });
    const junk = setup(() => calError(429, 'X', 'm', { 'retry-after': 'soon' }));
    expect(await rejectionOf(junk.api.me())).toMatchObject({ retryAfterMs: undefined });
    const past = setup(() =>
      calError(429, 'X', 'm', { 'retry-after': 'Mon, 01 Jan 2001 00:00:00 GMT' }),
    );
    expect(await rejectionOf(past.api.me())).toMatchObject({ retryAfterMs: 0 });
  });

  it('other statuses carry no retryAfterMs even with the header', async () => {
    const { api } = setup(() => calError(503, 'X', 'm', { 'retry-after': '5' }));
    expect(await rejectionOf(api.me())).toMatchObject({ kind: 'server', retryAfterMs: undefined });
  });
});

describe('invalid responses', () => {
  it.each([
    ['not JSON', () => new Response('<html>ok</html>', { status: 200 })],
    ['empty', () => new Response('', { status: 200 })],
    ['no envelope', () => json(ME)],
    ['an error status in a 200', () => json({ status: 'error', data: ME })],
    ['an envelope without data', () => json({ status: 'success' })],
  ])('%s → invalid_response with a root issue', async (_name, respond) => {
    const { api } = setup(respond);
    const error = (await rejectionOf(api.me())) as CalApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect(error.issues?.[0]?.path).toBe('');
  });

  it('a raw fetch of a non-JSON 200 is invalid_response too', async () => {
    const { api } = setup(() => new Response('nope'));
    expect(await rejectionOf(api.fetch('/v2/me'))).toMatchObject({ kind: 'invalid_response' });
  });

  it('a schema mismatch names the paths and messages, never the values', async () => {
    const { api } = setup(() => ok({ ...BOOKING, id: 'secret-value', attendees: [{ name: 7 }] }));
    const error = (await rejectionOf(api.booking('bk-1'))) as CalApiError;
    expect(error.kind).toBe('invalid_response');
    expect(error.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['id', 'attendees.0.name', 'attendees.0.email']),
    );
    expect(JSON.stringify(error.issues)).not.toContain('secret-value');
  });

  it('a bookings list without pagination is invalid_response', async () => {
    const { api } = setup(() => ok([BOOKING]));
    const error = (await rejectionOf(api.bookings())) as CalApiError;
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect(error.issues?.[0]?.path).toBe('pagination');
  });

  it('a redirect is refused, never followed (3xx in Node, opaqueredirect in browsers)', async () => {
    const { api, spy } = setup(
      () => new Response(null, { status: 302, headers: { location: 'https://evil.test/' } }),
    );
    const error = (await rejectionOf(api.me())) as CalApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', status: 302 });
    expect(error.issues?.[0]?.message).toMatch(/redirect/);
    expect(spy).toHaveBeenCalledTimes(1);

    const opaque = Object.assign(new Response(null, { status: 200 }), {});
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    const browser = setup(() => opaque);
    expect(await rejectionOf(browser.api.me())).toMatchObject({ kind: 'invalid_response' });
  });
});

describe('response size cap', () => {
  it('a Content-Length above the cap is refused without reading', async () => {
    const { api } = setup(
      () =>
        new Response(JSON.stringify({ status: 'success', data: ME }), {
          headers: { 'content-length': '5000' },
        }),
      { maxResponseBytes: 100 },
    );
    const error = (await rejectionOf(api.me())) as CalApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect(error.issues?.[0]?.message).toMatch(/larger than 100 bytes/);
  });

  it('a streamed body is cut off at the cap and the stream cancelled', async () => {
    let pulled = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64).fill(32));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { api } = setup(() => new Response(stream, { status: 200 }), { maxResponseBytes: 1000 });
    const error = (await rejectionOf(api.me())) as CalApiError;
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(40);
  });

  it('an error body is capped too', async () => {
    const { api } = setup(() => calError(400, 'X', 'y'.repeat(2000)), { maxResponseBytes: 500 });
    expect(await rejectionOf(api.me())).toMatchObject({ kind: 'invalid_response', status: 400 });
  });

  it('the default cap (1 MiB) admits a large page', async () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ ...BOOKING, id: i }));
    const { api } = setup(() => ok(items, { pagination: { ...PAGE, totalItems: 500 } }));
    await expect(api.bookings()).resolves.toMatchObject({ items: { length: 500 } });
  });
});

const PAGE = {
  totalItems: 1,
  remainingItems: 0,
  returnedItems: 1,
  itemsPerPage: 500,
  currentPage: 1,
  totalPages: 1,
  hasNextPage: false,
  hasPreviousPage: false,
};

describe('network, time-out, abort', () => {
  it('fetch rejecting → network, with the cause kept', async () => {
    const cause = new TypeError('Failed to fetch');
    const { api } = setup(() => Promise.reject(cause));
    const error = (await rejectionOf(api.me())) as CalApiError;
    expect(error).toMatchObject({
      kind: 'network',
      status: undefined,
      method: 'GET',
      path: '/v2/me',
    });
    expect(error.cause).toBe(cause);
  });

  it('no fetch anywhere → network', async () => {
    const api = createCalApi({ getAccessToken: async () => TOKEN, baseUrl: CAL });
    vi.stubGlobal('fetch', undefined);
    try {
      expect(await rejectionOf(api.me())).toMatchObject({ kind: 'network' });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('times out after the default 15 s and aborts the fetch', async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const api = createCalApi({ getAccessToken: async () => TOKEN, baseUrl: CAL, fetch });
    const { pending, settled } = watchSettling(rejectionOf(api.me()));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ kind: 'timeout', path: '/v2/me' });
    expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
  });

  it('the time-out covers a hung getAccessToken and a body that stalls mid-stream', async () => {
    const hungToken = createCalApi({
      getAccessToken: () => new Promise<string>(() => {}),
      baseUrl: CAL,
      requestTimeoutMs: 20,
    });
    expect(await rejectionOf(hungToken.me())).toMatchObject({ kind: 'timeout' });

    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"status":"succ'));
      },
    });
    const { api } = setup(() => new Response(stalled), { requestTimeoutMs: 20 });
    expect(await rejectionOf(api.me())).toMatchObject({ kind: 'timeout' });
  });

  it('requestTimeoutMs 0 disables the time-out', async () => {
    vi.useFakeTimers();
    const api = createCalApi({
      getAccessToken: async () => TOKEN,
      baseUrl: CAL,
      fetch: hangingFetch(),
      requestTimeoutMs: 0,
    });
    const { settled } = watchSettling(rejectionOf(api.me()));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(settled()).toBe(false);
  });

  it('an already aborted signal: aborted, no token asked, no request', async () => {
    const { api, spy, getAccessToken } = setup(() => ok(ME));
    const controller = new AbortController();
    controller.abort();
    expect(await rejectionOf(api.me({ signal: controller.signal }))).toMatchObject({
      kind: 'aborted',
    });
    expect(spy).not.toHaveBeenCalled();
    expect(getAccessToken).not.toHaveBeenCalled();
  });

  it('aborting in flight rejects with aborted and aborts the fetch', async () => {
    const fetch = hangingFetch();
    const api = createCalApi({ getAccessToken: async () => TOKEN, baseUrl: CAL, fetch });
    const controller = new AbortController();
    const pending = rejectionOf(api.createBooking(BOOK, { signal: controller.signal }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    controller.abort(new Error('unmounted'));
    expect(await pending).toMatchObject({ kind: 'aborted', method: 'POST' });
    expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
  });

  it('aborts even when fetch ignores the signal, and stops listening afterwards', async () => {
    const api = createCalApi({
      getAccessToken: async () => TOKEN,
      baseUrl: CAL,
      fetch: () => new Promise<Response>(() => {}),
    });
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const pending = rejectionOf(api.me({ signal: controller.signal }));
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});

describe('getAccessToken failures', () => {
  it('a rejection is passed on as is (a BookingsApiError stays one), nothing is sent', async () => {
    const cause = new BookingsApiError({ kind: 'unauthorized', endpoint: 'token', status: 401 });
    const { api, spy } = setup(() => ok(ME), { getAccessToken: () => Promise.reject(cause) });
    expect(await rejectionOf(api.me())).toBe(cause);
    expect(spy).not.toHaveBeenCalled();
  });

  it('a synchronous throw is passed on as is too', async () => {
    const cause = new Error('no session');
    const { api } = setup(() => ok(ME), {
      getAccessToken: () => {
        throw cause;
      },
    });
    expect(await rejectionOf(api.me())).toBe(cause);
  });

  it('an empty token is unauthorized, without a request', async () => {
    const { api, spy } = setup(() => ok(ME), { getAccessToken: async () => '' });
    expect(await rejectionOf(api.me())).toMatchObject({ kind: 'unauthorized', status: undefined });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('isCalApiError', () => {
  it('recognises the class and a copy from another bundle, nothing else', () => {
    expect(isCalApiError({ name: 'CalApiError', kind: 'server', path: '/v2/me' })).toBe(true);
    expect(isCalApiError(new BookingsApiError({ kind: 'server', endpoint: 'user' }))).toBe(false);
    expect(isCalApiError(new Error('x'))).toBe(false);
    expect(isCalApiError(null)).toBe(false);
    expect(isCalApiError(undefined)).toBe(false);
  });
});
