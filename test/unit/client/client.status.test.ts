import { describe, expect, it } from 'vitest';
import { createBookingsClient } from '../../../src/client/createBookingsClient.js';
import { BookingsApiError, isBookingsApiError } from '../../../src/client/errors.js';
import { BASE, json, mockFetch, rejectionOf } from './fetchMock.js';
import { VALID_CONFIG, VALID_TOKEN, VALID_USER } from './fixtures.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.secret-payload.signature';
const API_KEY = 'ak_live_supersecretkey';

describe('successful calls', () => {
  it('GETs config, validates it and keeps unknown keys', async () => {
    const { fetch, calls } = mockFetch(() => json({ ...VALID_CONFIG, extra: 1 }));
    const client = createBookingsClient({ baseUrl: `${BASE}/`, fetch });
    await expect(client.getConfig()).resolves.toEqual({ ...VALID_CONFIG, extra: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${BASE}/api/v1/bookings/config/`);
    expect(calls[0]?.init.method).toBe('GET');
    expect(calls[0]?.init.body).toBeUndefined();
    expect(client.baseUrl).toBe(BASE);
  });

  it('GETs user', async () => {
    const { fetch, calls } = mockFetch(() => json(VALID_USER));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    await expect(client.getUser()).resolves.toEqual(VALID_USER);
    expect(calls[0]?.url).toBe(`${BASE}/api/v1/bookings/user/`);
  });

  it('POSTs `{}` to the token endpoint by default, and the given body otherwise', async () => {
    const { fetch, calls } = mockFetch(() => json(VALID_TOKEN));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    await expect(client.refreshToken()).resolves.toEqual(VALID_TOKEN);
    await client.refreshToken({ force_refresh: true });
    expect(calls[0]?.url).toBe(`${BASE}/api/v1/bookings/token/refresh/`);
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{}');
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
    expect(calls[1]?.init.body).toBe('{"force_refresh":true}');
  });

  it('uses custom endpoint paths, including absolute URLs', async () => {
    const { fetch, calls } = mockFetch(() => json(VALID_CONFIG));
    const client = createBookingsClient({
      baseUrl: `${BASE}/prefix/`,
      fetch,
      endpoints: { config: 'cfg/', user: 'https://users.example.test/me' },
    });
    await client.getConfig();
    await rejectionOf(client.getUser());
    expect(calls.map((c) => c.url)).toEqual([
      `${BASE}/prefix/cfg/`,
      'https://users.example.test/me',
    ]);
  });
});

describe('error statuses', () => {
  it.each([
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not_found'],
    [409, 'server'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('HTTP %i rejects with kind %s on every endpoint', async (status, kind) => {
    const { fetch } = mockFetch(() => json({ detail: `failed with ${status}` }, status));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    for (const [endpoint, call] of [
      ['config', () => client.getConfig()],
      ['token', () => client.refreshToken()],
      ['user', () => client.getUser()],
    ] as const) {
      const error = await rejectionOf(call());
      expect(error).toBeInstanceOf(BookingsApiError);
      expect(isBookingsApiError(error)).toBe(true);
      expect(error).toMatchObject({ kind, status, endpoint, detail: `failed with ${status}` });
      expect((error as Error).message).toContain(endpoint);
      expect((error as Error).message).toContain(`HTTP ${status}`);
    }
  });

  it('keeps a `message` field when there is no `detail`, and ignores non-string ones', async () => {
    const bodies = [
      { message: 'quota exceeded' },
      { detail: { nested: true }, message: 'fallback' },
      { detail: ['a'] },
      'plain string',
    ];
    const { fetch } = mockFetch(() => json(bodies.shift(), 500));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    expect(await rejectionOf(client.getConfig())).toMatchObject({ detail: 'quota exceeded' });
    expect(await rejectionOf(client.getConfig())).toMatchObject({ detail: 'fallback' });
    expect(await rejectionOf(client.getConfig())).toMatchObject({ detail: undefined });
    expect(await rejectionOf(client.getConfig())).toMatchObject({ detail: undefined });
  });

  it('keeps no detail for a non-JSON error body and never puts the body in the message', async () => {
    const html = '<html>Bad gateway: upstream secret-internal-host</html>';
    const { fetch } = mockFetch(() => new Response(html, { status: 502 }));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'server', status: 502, detail: undefined });
    expect(error.message).not.toContain('secret-internal-host');
  });

  it('truncates a long detail to 500 characters', async () => {
    const { fetch } = mockFetch(() => json({ detail: 'x'.repeat(2000) }, 400));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error.detail?.startsWith('x'.repeat(500))).toBe(true);
    expect(error.detail?.length).toBeLessThanOrEqual(501);
  });

  it('redacts the JWT, the API key and a known access token from the detail', async () => {
    let answer = json(VALID_TOKEN);
    const { fetch } = mockFetch(() => answer);
    const client = createBookingsClient({
      baseUrl: BASE,
      fetch,
      getAuthToken: () => JWT,
      apiKey: API_KEY,
      apiKeyHeader: 'X-Api-Key',
    });
    await client.refreshToken();
    answer = json(
      { detail: `bad token ${JWT}; key=${API_KEY}; cal=${VALID_TOKEN.access_token}; again ${JWT}` },
      401,
    );
    const error = (await rejectionOf(client.getUser())) as BookingsApiError;
    expect(error.kind).toBe('unauthorized');
    expect(error.detail).toBe(
      'bad token [redacted]; key=[redacted]; cal=[redacted]; again [redacted]',
    );
    for (const text of [error.message, String(error), error.detail ?? '']) {
      expect(text).not.toContain(JWT);
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(VALID_TOKEN.access_token);
    }
  });

  it('drops a detail that would still contain a secret after redaction', async () => {
    // The secret is a substring of the redaction marker, so no redacted text could be safe.
    const { fetch } = mockFetch(() => json({ detail: 'access denied for dact' }, 403));
    const client = createBookingsClient({ baseUrl: BASE, fetch, getAuthToken: () => 'dact' });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error.kind).toBe('unauthorized');
    expect(error.detail).toBeUndefined();
  });
});

describe('invalid responses', () => {
  it('rejects a 2xx non-JSON body as invalid_response without echoing it', async () => {
    const { fetch } = mockFetch(
      () => new Response('<html>login page with secret-body</html>', { status: 200 }),
    );
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200, endpoint: 'config' });
    expect(error.issues).toEqual([{ path: '', message: 'the response body is not JSON' }]);
    expect(error.message).not.toContain('secret-body');
    expect(JSON.stringify(error.issues)).not.toContain('secret-body');
  });

  it.each([
    ['204 No Content', () => new Response(null, { status: 204 })],
    ['an empty 200', () => new Response('', { status: 200 })],
  ])('rejects %s as invalid_response', async (_name, respond) => {
    const { fetch } = mockFetch(respond);
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const error = (await rejectionOf(client.refreshToken())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', endpoint: 'token' });
    expect(error.issues).toEqual([{ path: '', message: 'the response body is empty' }]);
  });

  it('reports schema mismatches as issues with paths, never values', async () => {
    const { fetch } = mockFetch(() =>
      json({ ...VALID_TOKEN, expires_in: -5, integration_status: 'hacked-value-xyz' }),
    );
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const error = (await rejectionOf(client.refreshToken())) as BookingsApiError;
    expect(error.kind).toBe('invalid_response');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['expires_in', 'integration_status']);
    expect(JSON.stringify(error.issues)).not.toContain('hacked-value-xyz');
    expect(error.message).not.toContain(VALID_TOKEN.access_token);
  });

  it.each([
    ['a null expires_in', { ...VALID_TOKEN, expires_in: null }],
    ['a zero expires_in', { ...VALID_TOKEN, expires_in: 0 }],
    ['a missing access_token', { ...VALID_TOKEN, access_token: undefined }],
    ['a non-boolean refreshed', { ...VALID_TOKEN, refreshed: 'yes' }],
    ['an array', [VALID_TOKEN]],
  ])('rejects a token response with %s', async (_name, body) => {
    const { fetch } = mockFetch(() => json(body));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    expect(await rejectionOf(client.refreshToken())).toMatchObject({ kind: 'invalid_response' });
  });

  it('rejects an infinite expires_in (JSON `1e999` parses to Infinity)', async () => {
    const text = JSON.stringify({ ...VALID_TOKEN, expires_in: 12345 }).replace('12345', '1e999');
    const { fetch } = mockFetch(() => new Response(text, { status: 200 }));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const error = (await rejectionOf(client.refreshToken())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect(error.issues?.map((i) => i.path)).toEqual(['expires_in']);
  });

  it('rejects a user without the required id and email', async () => {
    const { fetch } = mockFetch(() => json({ username: 'ada' }));
    const client = createBookingsClient({ baseUrl: BASE, fetch });
    const error = (await rejectionOf(client.getUser())) as BookingsApiError;
    expect(error.kind).toBe('invalid_response');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['email', 'id']);
  });
});
