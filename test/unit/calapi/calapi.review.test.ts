// Holes a review found after the first fixes of issue 18, each pinned here.
import { describe, expect, it, vi } from 'vitest';
import { createCalApi } from '../../../src/calapi/createCalApi.js';
import { CAL, calError, mockFetch, ok, setup } from './fakeCal.js';

describe('path segments a server may still read as ..', () => {
  it('refuses ..; and full-width dots, behind a path-prefixed base too', async () => {
    const { api, calls } = setup(() => ok({}), { baseUrl: 'https://example.test/cal-proxy' });
    for (const path of [
      '/v2/..;/..;/admin/export',
      '/v2/.;x/me',
      '/v2/%2e%2e;jsessionid=1/admin',
      '/v2/\uff0e\uff0e/admin',
      '/v2/%EF%BC%8E%EF%BC%8E/admin',
    ]) {
      await expect(api.fetch(path), path).rejects.toThrow(TypeError);
    }
    expect(calls).toHaveLength(0);
    await api.fetch('/v2/bookings/a;b');
    expect(calls[0]?.url).toBe('https://example.test/cal-proxy/v2/bookings/a;b');
  });
});

describe('429 reset headers, repeated or odd', () => {
  const wait = async (value: string) => {
    const { api } = setup(() =>
      calError(429, 'ThrottlerException', 'slow down', { 'x-ratelimit-reset-default': value }),
    );
    const error = await api.me().catch((thrown: unknown) => thrown);
    return (error as { retryAfterMs?: number }).retryAfterMs;
  };

  it('a repeated header (joined with commas) is read value by value, not as a date in 2001', async () => {
    expect(await wait('5, 10')).toBe(5_000);
    expect(await wait('1.5.3')).toBeUndefined();
    expect(await wait('12, Tue, 01 Jan 2999 00:00:00 GMT')).toBe(12_000);
  });
});

describe('a public read sent without a token and refused', () => {
  it('goes once more with the token (a proxy that wants one)', async () => {
    const mock = mockFetch((call) =>
      call.headers.has('authorization') ? ok({}) : calError(401, 'UnauthorizedException'),
    );
    const getAccessToken = vi.fn(async () => 'cal-token');
    const api = createCalApi({
      getAccessToken,
      peekAccessToken: () => undefined,
      baseUrl: CAL,
      fetch: mock.fetch,
    });
    expect(
      await api.slots({ eventTypeId: 1, start: '2050-01-01', end: '2050-01-02', timeZone: 'UTC' }),
    ).toEqual({});
    expect(mock.calls.map((call) => call.headers.get('authorization'))).toEqual([
      null,
      'Bearer cal-token',
    ]);
    expect(getAccessToken).toHaveBeenCalledTimes(1);
  });
});
