import { describe, expect, it } from 'vitest';
import { calApiOrigin, createCalApi } from '../../../src/calapi/createCalApi.js';
import { CAL, calError, hangingFetch, ME, mockFetch, ok, setup, TOKEN } from './fakeCal.js';

describe('the Cal.com origin the token may go to', () => {
  it.each([
    ['a protocol-relative URL', '//evil.example'],
    ['a bare host name', 'api.cal.com'],
    ['an empty string', ''],
    ['whitespace and a path', ' /v2'],
    ['cleartext http to a public host', 'http://api.cal.com'],
    ['credentials', 'https://user:pass@api.cal.com'],
    ['a backslash', 'https://evil.example\\@api.cal.com'],
    ['a fragment', 'https://api.cal.com#'],
    ['a query', 'https://api.cal.com?x=1'],
    ['another scheme', 'javascript:alert(1)'],
  ])('refuses %s with a TypeError that does not quote it', (_, value) => {
    expect(() => createCalApi({ getAccessToken: async () => TOKEN, baseUrl: value })).toThrow(
      TypeError,
    );
    expect(() => calApiOrigin(value)).toThrow(/absolute https:\/\/ URL/);
    if (value !== '') {
      expect(() => calApiOrigin(value)).not.toThrow(value);
    }
  });

  it.each([
    ['https://api.cal.com', 'https://api.cal.com'],
    ['https://api.cal.com/v2/', 'https://api.cal.com'],
    ['https://gw.example/cal/v2', 'https://gw.example/cal'],
    ['http://127.0.0.1:8787/v2', 'http://127.0.0.1:8787'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://[::1]:4000', 'http://[::1]:4000'],
  ])('accepts %s as %s', (value, origin) => {
    expect(calApiOrigin(value)).toBe(origin);
  });

  it('a baseUrl function resolving to another origin rejects and sends nothing', async () => {
    const { fetch, spy } = mockFetch(() => ok(ME));
    const api = createCalApi({
      getAccessToken: async () => TOKEN,
      baseUrl: async () => '//evil.example',
      fetch,
    });
    await expect(api.me()).rejects.toThrow(TypeError);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('paths stay under /v2 of the configured origin', () => {
  it.each([
    '/v2/../../admin',
    '/v2/%2e%2e/%2e%2e/admin',
    '/v2/..\\..\\admin',
    '/v2/.%2e/x',
    '/v2/..%2Fadmin',
    '/v2/bookings/./x',
    '/v2/%zz/x',
  ])('fetch(%j) is a TypeError and sends nothing', async (path) => {
    const { api, spy } = setup(() => ok(ME));
    await expect(api.fetch(path)).rejects.toThrow(TypeError);
    expect(spy).not.toHaveBeenCalled();
  });

  it('a uid of . or .. cannot retarget a booking call', async () => {
    const { api, spy } = setup(() => ok({}));
    for (const uid of ['.', '..']) {
      await expect(api.booking(uid)).rejects.toThrow(TypeError);
      await expect(api.cancelBooking(uid)).rejects.toThrow(TypeError);
      await expect(api.rescheduleBooking(uid, { start: 'x' })).rejects.toThrow(TypeError);
    }
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('what a 429 and an error body can do', () => {
  const limited = (value: string) =>
    setup(() =>
      calError(429, 'ThrottlerException', 'Too Many Requests', {
        'x-ratelimit-reset-default': value,
      }),
    );

  it('an hour at most, epoch seconds read as a time, junk ignored', async () => {
    const retryAfter = async (value: string) =>
      (
        (await limited(value)
          .api.me()
          .catch((error: unknown) => error)) as { retryAfterMs?: number }
      ).retryAfterMs;
    expect(await retryAfter('30')).toBe(30_000);
    expect(await retryAfter('1e12')).toBeUndefined();
    expect(await retryAfter('1000000000000')).toBe(3_600_000);
    const inThirty = String(Math.floor(Date.now() / 1000) + 30);
    const epoch = (await retryAfter(inThirty)) ?? 0;
    expect(epoch).toBeGreaterThan(25_000);
    expect(epoch).toBeLessThanOrEqual(31_000);
    expect(await retryAfter('0x10')).toBeUndefined();
  });

  it('Cal.com’s details are kept small and never carry the token', async () => {
    const errorBody = (details: unknown) => () =>
      new Response(
        JSON.stringify({
          status: 'error',
          error: { code: 'BadRequestException', message: 'bad', details },
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      );
    const quoting = setup(errorBody({ authorization: `Bearer ${TOKEN}` }));
    const error = (await quoting.api.me().catch((thrown: unknown) => thrown)) as {
      details?: unknown;
    };
    expect(JSON.stringify(error.details)).not.toContain(TOKEN);
    expect(error.details).toEqual({ authorization: 'Bearer [redacted]' });

    const huge = setup(errorBody({ list: 'x'.repeat(5_000) }));
    const big = (await huge.api.me().catch((thrown: unknown) => thrown)) as { details?: unknown };
    expect(big.details).toBeUndefined();
  });
});

describe('the client-wide signal', () => {
  it('aborts calls in flight and later ones', async () => {
    const controller = new AbortController();
    const api = createCalApi({
      getAccessToken: async () => TOKEN,
      baseUrl: CAL,
      fetch: hangingFetch() as unknown as typeof fetch,
      signal: controller.signal,
    });
    const pending = api.me().catch((error: unknown) => error);
    controller.abort();
    expect(await pending).toMatchObject({ name: 'CalApiError', kind: 'aborted' });
    expect(await api.me().catch((error: unknown) => error)).toMatchObject({ kind: 'aborted' });
  });
});
