import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCalApi } from '../../../src/calapi/createCalApi.js';
import { BookingsApiError } from '../../../src/client/errors.js';
import type { CalTokenRefreshResponse } from '../../../src/client/schemas.js';
import { createCalTokenManager } from '../../../src/token/createCalTokenManager.js';
import { BOOKING, CAL, calError, ME, mockFetch, ok, rejectionOf } from './fakeCal.js';

/**
 * A token source like the session's: `getAccessToken()` returns the current token, a forced call
 * issues the next one (`t1`, `t2`, ...) after a tick. Cal.com accepts only the tokens in `valid`.
 */
function tokens(first = 't1') {
  let current = first;
  let issued = 1;
  const valid = new Set([first]);
  const getAccessToken = vi.fn(async (options?: { forceRefresh?: boolean }) => {
    if (options?.forceRefresh) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      issued += 1;
      current = `t${issued}`;
      valid.add(current);
    }
    return current;
  });
  const forced = () => getAccessToken.mock.calls.filter(([o]) => o?.forceRefresh).length;
  return { getAccessToken, valid, forced, expire: (token: string) => valid.delete(token) };
}

/** Cal.com: 498 with the envelope for an expired token, else the booking. */
function cal(valid: Set<string>, answer = () => ok(BOOKING)) {
  return mockFetch(({ headers }) => {
    const token = headers.get('authorization')?.replace('Bearer ', '') ?? '';
    return valid.has(token) ? answer() : calError(498, 'TokenExpiredException', 'expired');
  });
}

/** `tokens()` with t1 expired, Cal.com as `server` (`cal` or `calRevoking`) over them, and the API. */
function withExpiredT1(
  server: (valid: Set<string>, answer?: () => Response) => ReturnType<typeof mockFetch>,
  answer?: () => Response,
) {
  const t = tokens();
  t.expire('t1');
  const { fetch, calls } = server(t.valid, answer);
  const api = createCalApi({ getAccessToken: t.getAccessToken, baseUrl: CAL, fetch });
  return { t, calls, api };
}

/** 20 concurrent calls whose t1 `server` refuses: one forced refresh, 40 requests, the rest on t2. */
async function twentyAtOnce(
  server: Parameters<typeof withExpiredT1>[0],
  answer?: () => Response,
): Promise<void> {
  const { t, calls, api } = withExpiredT1(server, answer);
  const results = await Promise.all(Array.from({ length: 20 }, () => api.me()));
  expect(results).toHaveLength(20);
  expect(t.forced()).toBe(1);
  expect(calls.length).toBe(40);
  expect(calls.slice(20).every((c) => c.headers.get('authorization') === 'Bearer t2')).toBe(true);
}

/** `tokens()`, and Cal.com answering `first` to t1 and `then` to any other token. */
function refusedTwice(first: () => Response, then: () => Response) {
  const t = tokens();
  const { fetch, spy } = mockFetch(({ headers }) =>
    headers.get('authorization') === 'Bearer t1' ? first() : then(),
  );
  const api = createCalApi({ getAccessToken: t.getAccessToken, baseUrl: CAL, fetch });
  return { t, spy, api };
}

describe('498: expired access token', () => {
  it('forces one refresh and retries once with the new token', async () => {
    const { t, calls, api } = withExpiredT1(cal);
    await expect(api.booking('bk-1')).resolves.toEqual(BOOKING);
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
    expect(t.getAccessToken.mock.calls).toEqual([[], [{ forceRefresh: true }]]);
  });

  it('retries a POST too (Cal.com answers 498 before any handler), with the same body', async () => {
    const { calls, api } = withExpiredT1(cal, () => ok(BOOKING, {}, 201));
    const input = {
      start: '2030-01-07T09:00:00Z',
      eventTypeId: 11,
      attendee: { name: 'Bob', email: 'bob@example.test', timeZone: 'UTC' },
    };
    await expect(api.createBooking(input)).resolves.toEqual(BOOKING);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.init.method).toBe('POST');
    expect(calls[1]?.init.body).toBe(calls[0]?.init.body);
    expect(calls[1]?.headers.get('cal-api-version')).toBe('2024-08-13');
  });

  it('a second 498 is final: token_expired, two requests, one forced refresh', async () => {
    const getAccessToken = vi.fn(async () => 'always-expired');
    const { fetch, spy } = mockFetch(() => calError(498, 'TokenExpiredException'));
    const api = createCalApi({ getAccessToken, baseUrl: CAL, fetch });
    const error = await rejectionOf(api.me());
    expect(error).toMatchObject({
      name: 'CalApiError',
      kind: 'token_expired',
      status: 498,
      code: 'TokenExpiredException',
      requestId: 'req-42',
    });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(getAccessToken).toHaveBeenCalledTimes(2);
  });

  it('20 concurrent 498s cost exactly one forced refresh and at most 40 requests', () =>
    twentyAtOnce(cal, () => ok(ME)));

  it('a 498 arriving after the shared refresh reuses its token, without forcing again', async () => {
    const t = tokens();
    t.expire('t1');
    let releaseSlow: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    const { fetch, calls } = mockFetch(async ({ headers, url }) => {
      const token = headers.get('authorization')?.replace('Bearer ', '') ?? '';
      // The slow request's 498 comes back only after the fast one has refreshed and retried.
      if (url.endsWith('/v2/me') && token === 't1') await slow;
      return t.valid.has(token) ? ok(url.endsWith('/v2/me') ? ME : BOOKING) : calError(498, 'T');
    });
    const api = createCalApi({ getAccessToken: t.getAccessToken, baseUrl: CAL, fetch });
    const slowCall = api.me();
    await expect(api.booking('bk-1')).resolves.toEqual(BOOKING);
    releaseSlow();
    await expect(slowCall).resolves.toEqual(ME);
    expect(t.forced()).toBe(1);
    expect(
      calls.filter((c) => c.url.endsWith('/v2/me')).map((c) => c.headers.get('authorization')),
    ).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('a newer token obtained by a concurrent call is reused without forcing', async () => {
    // The token manager refreshed on its own between two calls: the older call's 498 takes the newer token.
    let current = 't1';
    const getAccessToken = vi.fn(async (_o?: { forceRefresh?: boolean }) => current);
    const valid = new Set(['t2']);
    let releaseFirst: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const { fetch } = mockFetch(async ({ headers }) => {
      const token = headers.get('authorization')?.replace('Bearer ', '') ?? '';
      if (token === 't1') await gate;
      return valid.has(token) ? ok(ME) : calError(498, 'T');
    });
    const api = createCalApi({ getAccessToken, baseUrl: CAL, fetch });
    const first = api.me();
    await vi.waitFor(() => expect(getAccessToken).toHaveBeenCalledTimes(1));
    current = 't2';
    await expect(api.me()).resolves.toEqual(ME);
    releaseFirst();
    await expect(first).resolves.toEqual(ME);
    expect(getAccessToken.mock.calls.some(([o]) => o?.forceRefresh)).toBe(false);
  });

  it('a later 498 (the new token expired in turn) forces a new refresh', async () => {
    const t = tokens();
    t.expire('t1');
    const { fetch } = cal(t.valid, () => ok(ME));
    const api = createCalApi({ getAccessToken: t.getAccessToken, baseUrl: CAL, fetch });
    await api.me();
    t.expire('t2');
    await api.me();
    expect(t.forced()).toBe(2);
  });

  it('a failing forced refresh is passed on as is to every waiting call, and not cached', async () => {
    const failure = new BookingsApiError({ kind: 'server', endpoint: 'token', status: 503 });
    let fail = true;
    const getAccessToken = vi.fn(async (o?: { forceRefresh?: boolean }) => {
      if (!o?.forceRefresh) return 'old';
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw failure;
      return 'new';
    });
    const { fetch } = mockFetch(({ headers }) =>
      headers.get('authorization') === 'Bearer new' ? ok(ME) : calError(498, 'T'),
    );
    const api = createCalApi({ getAccessToken, baseUrl: CAL, fetch });
    const errors = await Promise.all([rejectionOf(api.me()), rejectionOf(api.me())]);
    expect(errors).toEqual([failure, failure]);
    expect(errors[0]).toBe(failure);
    expect(getAccessToken.mock.calls.filter(([o]) => o?.forceRefresh)).toHaveLength(1);
    fail = false;
    await expect(api.me()).resolves.toEqual(ME);
  });

  it('401 after a refresh is final: unauthorized, no further refresh', async () => {
    const { t, spy, api } = refusedTwice(
      () => calError(498, 'TokenExpiredException'),
      () => calError(401, 'UnauthorizedException'),
    );
    t.expire('t1');
    expect(await rejectionOf(api.me())).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(t.forced()).toBe(1);
  });

  it('aborting while the refresh runs rejects that call as aborted; the others still get the token', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const getAccessToken = vi.fn(async (o?: { forceRefresh?: boolean }) => {
      if (!o?.forceRefresh) return 't1';
      await gate;
      return 't2';
    });
    const { fetch } = mockFetch(({ headers }) =>
      headers.get('authorization') === 'Bearer t2' ? ok(ME) : calError(498, 'T'),
    );
    const api = createCalApi({ getAccessToken, baseUrl: CAL, fetch });
    const controller = new AbortController();
    const aborted = rejectionOf(api.me({ signal: controller.signal }));
    const other = api.me();
    await vi.waitFor(() => expect(getAccessToken).toHaveBeenCalledWith({ forceRefresh: true }));
    controller.abort();
    expect(await aborted).toMatchObject({ kind: 'aborted' });
    release();
    await expect(other).resolves.toEqual(ME);
    expect(getAccessToken.mock.calls.filter(([o]) => o?.forceRefresh)).toHaveLength(1);
  });
});

/**
 * Cal.com as its force refresh leaves it (tokens.repository.ts `forceRefreshOAuthTokens` deletes every
 * access token of the user): a token in `revoked` is answered 401 "Invalid Access Token.", any other
 * valid one is served.
 */
function calRevoking(valid: Set<string>, answer = () => ok(ME)) {
  return mockFetch(({ headers }) => {
    const token = headers.get('authorization')?.replace('Bearer ', '') ?? '';
    return valid.has(token)
      ? answer()
      : calError(401, 'UnauthorizedException', 'Invalid Access Token.');
  });
}

describe('401 on a token held as fresh (revoked by a force refresh elsewhere)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('forces one refresh and retries once with the new token', async () => {
    const { t, calls, api } = withExpiredT1(calRevoking, () => ok(BOOKING));
    await expect(api.booking('bk-1')).resolves.toEqual(BOOKING);
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
    expect(t.getAccessToken.mock.calls).toEqual([[], [{ forceRefresh: true }]]);
  });

  it('retries a POST once, with the same body (the auth guard answers before any handler)', async () => {
    const { calls, api } = withExpiredT1(calRevoking, () => ok(BOOKING, {}, 201));
    await api.cancelBooking('bk-1', { cancellationReason: 'Clash' });
    expect(calls).toHaveLength(2);
    expect(calls[1]?.init.method).toBe('POST');
    expect(calls[1]?.init.body).toBe(calls[0]?.init.body);
  });

  it('20 concurrent 401s cost exactly one forced refresh and at most 40 requests', () =>
    twentyAtOnce(calRevoking));

  it('a 401 on the token a forced refresh gave is final, now and for every later call', async () => {
    // As when Cal.com refuses the page's origin: every token is answered 401.
    const t = tokens();
    const { fetch, calls } = calRevoking(new Set());
    const api = createCalApi({ getAccessToken: t.getAccessToken, baseUrl: CAL, fetch });
    expect(await rejectionOf(api.me())).toMatchObject({
      name: 'CalApiError',
      kind: 'unauthorized',
      status: 401,
      code: 'UnauthorizedException',
      detail: 'Invalid Access Token.',
    });
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
    const later = await Promise.all([rejectionOf(api.me()), rejectionOf(api.slots({} as never))]);
    expect(later).toMatchObject([{ kind: 'unauthorized' }, { kind: 'unauthorized' }]);
    expect(calls).toHaveLength(4);
    expect(t.forced()).toBe(1);
  });

  it('a second 401 with a token whose forced refresh failed is final, without another refresh', async () => {
    const failure = new BookingsApiError({ kind: 'server', endpoint: 'token', status: 503 });
    const getAccessToken = vi.fn(async (o?: { forceRefresh?: boolean }) => {
      if (o?.forceRefresh) throw failure;
      return 't1';
    });
    const { fetch, spy } = calRevoking(new Set());
    const api = createCalApi({ getAccessToken, baseUrl: CAL, fetch });
    expect(await rejectionOf(api.me())).toBe(failure);
    expect(await rejectionOf(api.me())).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(getAccessToken.mock.calls.filter(([o]) => o?.forceRefresh)).toHaveLength(1);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('the same token back from the forced refresh (refreshed: false) stops there, saying so', async () => {
    const getAccessToken = vi.fn(async (_o?: { forceRefresh?: boolean }) => 'cal-secret-same');
    const { fetch, spy } = calRevoking(new Set());
    const api = createCalApi({ getAccessToken, baseUrl: CAL, fetch });
    const errors = await Promise.all([rejectionOf(api.me()), rejectionOf(api.me())]);
    for (const error of errors) {
      expect(error).toMatchObject({
        name: 'CalApiError',
        kind: 'unauthorized',
        status: 401,
        requestId: 'req-42',
        detail: expect.stringMatching(/revoked.*AISquare returned the same/),
      });
      expect(JSON.stringify(error)).not.toContain('cal-secret-same');
      expect(String(error)).not.toContain('cal-secret-same');
    }
    // One request each, never repeated with a token known to be refused; one forced refresh.
    expect(spy).toHaveBeenCalledTimes(2);
    expect(getAccessToken.mock.calls.filter(([o]) => o?.forceRefresh)).toHaveLength(1);
    expect(await rejectionOf(api.me())).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(getAccessToken.mock.calls.filter(([o]) => o?.forceRefresh)).toHaveLength(1);
  });

  it('a 401 after a 498 refresh is final, and a 498 after a 401 refresh too: one retry per call', async () => {
    const { t, spy, api } = refusedTwice(
      () => calError(401, 'UnauthorizedException'),
      () => calError(498, 'TokenExpiredException'),
    );
    expect(await rejectionOf(api.me())).toMatchObject({ kind: 'token_expired', status: 498 });
    expect(spy).toHaveBeenCalledTimes(2);
    expect(t.forced()).toBe(1);
  });

  it("goes through the token manager's gap: the forced refresh waits until 5 s after the last token request", async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
    });
    let serial = 0;
    const refreshToken = vi.fn(
      async (): Promise<CalTokenRefreshResponse> => ({
        access_token: `t${++serial}`,
        expires_in: 3600,
        token_type: 'Bearer',
        refreshed: true,
        integration_status: 'existing',
        cal_client_id: 'cid',
      }),
    );
    const manager = createCalTokenManager({
      client: { baseUrl: 'https://api.example.test', refreshToken },
      locks: null,
      createChannel: () => null,
      random: () => 0,
    });
    try {
      const valid = new Set(['t2']);
      const { fetch, calls } = calRevoking(valid);
      const api = createCalApi({
        getAccessToken: manager.getAccessToken,
        baseUrl: CAL,
        fetch,
        requestTimeoutMs: 0,
      });
      await manager.getAccessToken();
      await vi.advanceTimersByTimeAsync(1_000);
      let settled = false;
      const call = api.me().finally(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(3_900);
      expect(settled).toBe(false);
      expect(refreshToken).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(200);
      await expect(call).resolves.toEqual(ME);
      expect(refreshToken).toHaveBeenCalledTimes(2);
      expect(calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
    } finally {
      manager.dispose();
    }
  });
});
