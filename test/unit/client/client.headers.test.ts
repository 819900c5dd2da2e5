import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBookingsClient } from '../../../src/client/createBookingsClient.js';
import type { BookingsApiError } from '../../../src/client/errors.js';
import { BASE, configCall, json, mockFetch, rejectionOf } from './fetchMock.js';
import { VALID_CONFIG, VALID_TOKEN } from './fixtures.js';

const JWT = 'jwt.header.payload';
const API_KEY = 'key-0123456789';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('auth headers', () => {
  it('sends Accept and the JWT from a sync getter', async () => {
    const call = await configCall({ getAuthToken: () => JWT });
    expect(call.headers.get('accept')).toBe('application/json');
    expect(call.headers.get('authorization')).toBe(`Bearer ${JWT}`);
    expect(call.headers.has('content-type')).toBe(false);
  });

  it('awaits an async getter, and reads it on every call', async () => {
    let current = 'first.jwt';
    const { fetch, calls } = mockFetch(() => json(VALID_CONFIG));
    const client = createBookingsClient({
      baseUrl: BASE,
      fetch,
      getAuthToken: async () => current,
    });
    await client.getConfig();
    current = 'second.jwt';
    await client.getConfig();
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual([
      'Bearer first.jwt',
      'Bearer second.jwt',
    ]);
  });

  it.each([
    ['null', () => null],
    ['undefined', () => undefined],
    ['an async null', async () => null],
    ['an empty string', () => ''],
  ])('sends no Authorization when the getter returns %s', async (_name, getAuthToken) => {
    const call = await configCall({ getAuthToken });
    expect(call.headers.has('authorization')).toBe(false);
  });

  it('sends the API key as a Bearer Authorization when there is no JWT (default header)', async () => {
    const call = await configCall({ apiKey: API_KEY });
    expect(call.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
  });

  it('lets the JWT take precedence over an API key in the default header', async () => {
    const call = await configCall({ apiKey: API_KEY, getAuthToken: () => JWT });
    expect(call.headers.get('authorization')).toBe(`Bearer ${JWT}`);
    expect([...call.headers.values()].join(' ')).not.toContain(API_KEY);
  });

  it('sends the raw API key in a custom header beside the JWT', async () => {
    const call = await configCall({
      apiKey: API_KEY,
      apiKeyHeader: 'X-Api-Key',
      getAuthToken: () => JWT,
    });
    expect(call.headers.get('x-api-key')).toBe(API_KEY);
    expect(call.headers.get('authorization')).toBe(`Bearer ${JWT}`);
  });

  it('sends only the custom API key header when signed out', async () => {
    const call = await configCall({ apiKey: API_KEY, apiKeyHeader: 'X-Api-Key' });
    expect(call.headers.get('x-api-key')).toBe(API_KEY);
    expect(call.headers.has('authorization')).toBe(false);
  });

  it('rejects with unauthorized when the getter throws, without calling fetch', async () => {
    const { fetch, spy } = mockFetch(() => json(VALID_CONFIG));
    const boom = new Error('session refresh failed');
    const client = createBookingsClient({
      baseUrl: BASE,
      fetch,
      getAuthToken: () => Promise.reject(boom),
    });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'unauthorized', endpoint: 'config', cause: boom });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('custom headers', () => {
  it('are sent, but never override the auth headers, whatever their case', async () => {
    const { fetch, calls } = mockFetch(() => json(VALID_TOKEN));
    const client = createBookingsClient({
      baseUrl: BASE,
      fetch,
      apiKey: API_KEY,
      apiKeyHeader: 'X-Api-Key',
      getAuthToken: () => JWT,
      headers: {
        authorization: 'Bearer attacker',
        'x-api-key': 'attacker-key',
        'X-Request-Source': 'widget',
      },
    });
    await client.refreshToken();
    expect(calls[0]?.headers.get('authorization')).toBe(`Bearer ${JWT}`);
    expect(calls[0]?.headers.get('x-api-key')).toBe(API_KEY);
    expect(calls[0]?.headers.get('x-request-source')).toBe('widget');
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('do not smuggle an Authorization header in when signed out', async () => {
    const call = await configCall({ headers: { Authorization: 'Bearer static-secret' } });
    expect(call.headers.has('authorization')).toBe(false);
  });

  it('may refine Accept (e.g. DRF versioning)', async () => {
    const accept = 'application/json; version=2';
    const call = await configCall({ headers: { Accept: accept } });
    expect(call.headers.get('accept')).toBe(accept);
  });
});

describe('credentials and fetch resolution', () => {
  it('passes credentials through for cookie sessions', async () => {
    const call = await configCall({ credentials: 'include' });
    expect(call.init.credentials).toBe('include');
    expect(call.headers.has('authorization')).toBe(false);
  });

  it('omits credentials when not set', async () => {
    const call = await configCall({});
    expect('credentials' in (call.init ?? {})).toBe(false);
  });

  it('resolves globalThis.fetch at call time, so a spy installed later is used', async () => {
    const client = createBookingsClient({ baseUrl: BASE });
    const { fetch, spy } = mockFetch(() => json(VALID_CONFIG));
    vi.stubGlobal('fetch', fetch);
    await expect(client.getConfig()).resolves.toEqual(VALID_CONFIG);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('calls fetch unbound-safe (like window.fetch, which throws "Illegal invocation")', async () => {
    const seenThis: unknown[] = [];
    const strictFetch = function (this: unknown) {
      seenThis.push(this);
      if (this !== undefined && this !== globalThis) {
        return Promise.reject(new TypeError('Illegal invocation'));
      }
      return Promise.resolve(json(VALID_CONFIG));
    } as unknown as typeof globalThis.fetch;
    const client = createBookingsClient({ baseUrl: BASE, fetch: strictFetch });
    await expect(client.getConfig()).resolves.toEqual(VALID_CONFIG);
    expect(seenThis).toHaveLength(1);
  });

  it('reports a missing fetch as a network error', async () => {
    vi.stubGlobal('fetch', undefined);
    const client = createBookingsClient({ baseUrl: BASE });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'network', endpoint: 'config' });
    expect(error.message).toMatch(/fetch/);
  });
});

describe('a JWT that cannot be a bearer token', () => {
  // A placeholder left in ('eyJ…'), a pasted "Bearer …", a trailing newline: fetch would throw on the
  // header (or the server answer 401), which used to read as a network fault and be retried.
  it.each([
    ['a placeholder with an ellipsis', 'eyJ…'],
    ['a "Bearer " prefix', `Bearer ${JWT}`],
    ['a trailing newline', `${JWT}\n`],
    ['a space inside', 'abc def'],
    ['quotes around it', `"${JWT}"`],
  ])(
    '%s: rejects at once with kind unauthorized, sends nothing, never quotes it',
    async (_name, bad) => {
      for (const auth of [{ jwt: bad }, { getAuthToken: () => bad }]) {
        const { fetch, spy } = mockFetch(() => json(VALID_CONFIG));
        const client = createBookingsClient({ baseUrl: BASE, fetch, ...auth });
        const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
        expect(error.kind).toBe('unauthorized');
        expect(error.message).toMatch(/JWT is not a bearer token/);
        expect(error.message).not.toContain(bad.trim());
        expect(spy).not.toHaveBeenCalled();
      }
    },
  );

  it('accepts every base64url JWT and the token68 characters', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.AbC-_9~+/x==';
    const call = await configCall({ jwt: token });
    expect(call.headers.get('authorization')).toBe(`Bearer ${token}`);
  });
});
