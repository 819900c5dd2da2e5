import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createBookingsClient } from '../../../src/client/createBookingsClient.js';
import { isBookingsApiError } from '../../../src/client/errors.js';
import { scrub } from '../../../src/client/validate.js';
import { expectNoSecretShown, quotingSchema, reachableStrings } from '../../helpers/secrets.js';
import { BASE, json, rejectionOf } from './fetchMock.js';
import { VALID_TOKEN } from './fixtures.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
const API_KEY = 'ak_live_0123456789';

/** The error is a BookingsApiError, and shows none of `secrets` however it is logged. */
function expectNoSecret(error: unknown, ...secrets: string[]) {
  expect(isBookingsApiError(error)).toBe(true);
  expectNoSecretShown(error, ...secrets);
}

describe('BookingsApiError never carries the JWT, the API key or the access token', () => {
  it('a fetch that rejects quoting the request headers, in a cause chain', async () => {
    const client = createBookingsClient({
      baseUrl: BASE,
      jwt: JWT,
      apiKey: API_KEY,
      apiKeyHeader: 'X-Api-Key',
      fetch: async (_url, init) => {
        const headers = new Headers(init?.headers);
        throw new TypeError('proxy failed', {
          cause: new Error(`refused ${headers.get('authorization')}`, {
            cause: { sent: [...headers] },
          }),
        });
      },
    });
    const error = await rejectionOf(client.getConfig());
    expect(error).toMatchObject({ kind: 'network', endpoint: 'config' });
    expect(inspect(error, { depth: 10 })).toContain('refused Bearer [redacted]');
    expectNoSecret(error, JWT, API_KEY);
  });

  it('a token answer whose schema throws quoting the body keeps the access token out of the cause', async () => {
    const client = createBookingsClient({
      baseUrl: BASE,
      jwt: JWT,
      fetch: async () => json(VALID_TOKEN),
      schemas: {
        token: quotingSchema(SyntaxError),
      },
    });
    const error = await rejectionOf(client.refreshToken());
    expect(error).toMatchObject({ kind: 'invalid_response', endpoint: 'token' });
    expect((error as Error).cause).toMatchObject({ name: 'SyntaxError' });
    expectNoSecret(error, VALID_TOKEN.access_token, JWT);
  });

  it('an abort reason that quotes a secret', async () => {
    const controller = new AbortController();
    const client = createBookingsClient({
      baseUrl: BASE,
      jwt: JWT,
      fetch: () => new Promise<Response>(() => {}),
    });
    const pending = rejectionOf(client.getUser({ signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort(new Error(`signed out of ${JWT}`));
    const error = await pending;
    expect(error).toMatchObject({ kind: 'aborted' });
    expectNoSecret(error, JWT);
  });

  it('an earlier access token echoed by a later failure', async () => {
    let answer = () => json(VALID_TOKEN);
    const client = createBookingsClient({ baseUrl: BASE, jwt: JWT, fetch: async () => answer() });
    await client.refreshToken();
    answer = () => {
      throw new Error(`connection reset after ${VALID_TOKEN.access_token}`);
    };
    expectNoSecret(await rejectionOf(client.refreshToken()), VALID_TOKEN.access_token, JWT);
  });
});

describe('scrub', () => {
  it('returns the same value when there is nothing to hide, a copy otherwise', () => {
    const clean = { a: ['x', { b: 1 }], cause: new Error('fine') };
    expect(scrub(clean, ['secret'])).toBe(clean);
    const dirty = { a: ['x', { b: 'a secret here' }] };
    expect(scrub(dirty, ['secret'])).toEqual({ a: ['x', { b: 'a [redacted] here' }] });
    expect(dirty.a[1]).toEqual({ b: 'a secret here' });
    const body = scrub({ message: 'a secret' }, ['secret']);
    expect(body).toEqual({ message: 'a [redacted]' });
    expect(body).not.toBeInstanceOf(Error);
  });

  it('drops a string whole when a cut could splice a secret back together, ignores empty secrets', () => {
    expect(scrub('aabb', ['ab'])).toBe('a[redacted]b');
    expect(scrub('xyz', [''])).toBe('xyz');
    expect(scrub({ text: '[redactedyz' }, ['[redacted]z', 'y'])).toEqual({ text: '[redacted]' });
  });

  it('reads a DOMException’s inherited message and a cyclic cause without looping', () => {
    const error = new DOMException('stopped by secret', 'AbortError');
    const cleaned = scrub(error, ['secret']) as unknown as Error;
    expect(cleaned).toMatchObject({ name: 'AbortError', message: 'stopped by [redacted]' });
    const cyclic: Error & { cause?: unknown } = new Error('secret loop');
    cyclic.cause = cyclic;
    expect(reachableStrings(scrub(cyclic, ['secret'])).join(' ')).not.toContain('secret');
  });
});
