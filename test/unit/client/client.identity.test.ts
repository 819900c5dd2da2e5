import { describe, expect, it, vi } from 'vitest';
import { createBookingsClient } from '../../../src/client/createBookingsClient.js';
import { BookingsApiError } from '../../../src/client/errors.js';
import { ANONYMOUS_IDENTITY, readJwtSubject } from '../../../src/client/jwtSubject.js';
import { BASE, json, mockFetch, rejectionOf } from './fetchMock.js';
import { VALID_CONFIG } from './fixtures.js';

const b64url = (text: string) => Buffer.from(text).toString('base64url');
/** An unsigned JWT-shaped string: only the payload matters to readJwtSubject. */
const jwtWith = (payload: unknown) =>
  `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(payload))}.c2lnbmF0dXJl`;

describe('readJwtSubject', () => {
  it('reads a string or number sub', () => {
    expect(readJwtSubject(jwtWith({ sub: 'user-42', exp: 1 }))).toBe('user-42');
    expect(readJwtSubject(jwtWith({ sub: 42 }))).toBe('42');
  });

  it('decodes base64url without padding, including - and _ and UTF-8', () => {
    // '?>' and '~~' encode to '_' and '-' in base64url; 'é' is two UTF-8 bytes.
    const sub = 'zoé?>~~';
    const token = jwtWith({ sub });
    expect(token.split('.')[1]).toMatch(/[-_]/);
    expect(token.split('.')[1]).not.toMatch(/=/);
    expect(readJwtSubject(token)).toBe(sub);
  });

  it.each([
    ['an empty string', ''],
    ['no dots', 'abc'],
    ['a payload that is not base64', 'a.%%%.c'],
    ['a payload that is not JSON', `a.${b64url('not json')}.c`],
    ['a JSON null payload', `a.${b64url('null')}.c`],
    ['no sub', jwtWith({ name: 'x' })],
    ['an empty sub', jwtWith({ sub: '' })],
    ['an object sub', jwtWith({ sub: { id: 1 } })],
    ['a null sub', jwtWith({ sub: null })],
    ['a boolean sub', jwtWith({ sub: true })],
  ])('is undefined for %s', (_name, token) => {
    expect(readJwtSubject(token)).toBeUndefined();
  });

  it("names the anonymous identity 'anonymous'", () => {
    expect(ANONYMOUS_IDENTITY).toBe('anonymous');
  });
});

describe('client.identity', () => {
  it('is the identity option, which wins over the JWT', () => {
    const client = createBookingsClient({
      baseUrl: BASE,
      identity: 'u-1',
      jwt: jwtWith({ sub: 'u-2' }),
    });
    expect(client.identity).toBe('u-1');
  });

  it("is the jwt option's sub when no identity is given", () => {
    expect(createBookingsClient({ baseUrl: BASE, jwt: jwtWith({ sub: 7 }) }).identity).toBe('7');
  });

  it.each([
    ['nothing', {}],
    ['a null jwt', { jwt: null }],
    ['an empty jwt', { jwt: '' }],
    ['a jwt without sub', { jwt: jwtWith({}) }],
  ])("is 'anonymous' with %s", (_name, extra) => {
    expect(createBookingsClient({ baseUrl: BASE, ...extra }).identity).toBe('anonymous');
  });

  it('never calls getAuthToken to work it out', () => {
    const getAuthToken = vi.fn(() => jwtWith({ sub: 'from-getter' }));
    const client = createBookingsClient({ baseUrl: BASE, getAuthToken });
    expect(client.identity).toBe('anonymous');
    expect(getAuthToken).not.toHaveBeenCalled();
  });
});

describe('the jwt option', () => {
  it('is sent as the bearer, and getAuthToken is never called', async () => {
    const jwt = jwtWith({ sub: 'u-1' });
    const getAuthToken = vi.fn(() => 'from-getter');
    const { fetch, calls } = mockFetch(() => json(VALID_CONFIG));
    const client = createBookingsClient({ baseUrl: BASE, fetch, jwt, getAuthToken });
    await client.getConfig();
    expect(calls[0]?.headers.get('authorization')).toBe(`Bearer ${jwt}`);
    expect(getAuthToken).not.toHaveBeenCalled();
  });

  it.each([null, ''])('signs out with %j: no bearer, getAuthToken not called', async (jwt) => {
    const getAuthToken = vi.fn(() => 'from-getter');
    const { fetch, calls } = mockFetch(() => json(VALID_CONFIG));
    const client = createBookingsClient({ baseUrl: BASE, fetch, jwt, getAuthToken });
    await client.getConfig();
    expect(calls[0]?.headers.has('authorization')).toBe(false);
    expect(getAuthToken).not.toHaveBeenCalled();
  });

  it('lets the API key be the bearer when jwt is null (default header)', async () => {
    const { fetch, calls } = mockFetch(() => json(VALID_CONFIG));
    const client = createBookingsClient({ baseUrl: BASE, fetch, jwt: null, apiKey: 'ak_1' });
    await client.getConfig();
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer ak_1');
  });

  it('is redacted from error details like a JWT from the getter', async () => {
    const jwt = jwtWith({ sub: 'u-1' });
    const { fetch } = mockFetch(() => json({ detail: `bad token ${jwt}` }, 401));
    const client = createBookingsClient({ baseUrl: BASE, fetch, jwt });
    const error = (await rejectionOf(client.getUser())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(error.detail).toBe('bad token [redacted]');
  });
});

describe('a getter that aborts on purpose', () => {
  it('rejects with kind aborted (not unauthorized) and sends nothing', async () => {
    const { fetch, calls } = mockFetch(() => json(VALID_CONFIG));
    const getAuthToken = async (): Promise<string> => {
      throw new BookingsApiError({ kind: 'aborted', endpoint: 'token' });
    };
    const client = createBookingsClient({ baseUrl: BASE, fetch, getAuthToken });
    const error = await rejectionOf(client.getUser());
    expect(error).toMatchObject({ kind: 'aborted', endpoint: 'user' });
    expect(calls).toHaveLength(0);
  });

  it('any other getter failure is unauthorized', async () => {
    const { fetch } = mockFetch(() => json(VALID_CONFIG));
    const getAuthToken = async (): Promise<string> => {
      throw new Error('no session');
    };
    const client = createBookingsClient({ baseUrl: BASE, fetch, getAuthToken });
    expect(await rejectionOf(client.getUser())).toMatchObject({ kind: 'unauthorized' });
  });
});
