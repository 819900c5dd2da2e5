import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createCalApi } from '../../../src/calapi/createCalApi.js';
import { expectNoSecretShown, quotingSchema } from '../../helpers/secrets.js';
import { CAL, calError, json, ME, mockFetch, ok, rejectionOf, setup, TOKEN } from './fakeCal.js';

describe('CalApiError never carries the access token', () => {
  it('a proxy echoing Authorization into error.code and X-Request-Id', async () => {
    const { api } = setup(() =>
      json({ status: 'error', error: { code: `Bearer ${TOKEN}`, message: 'nope' } }, 400, {
        'x-request-id': `req-1 Bearer ${TOKEN}`,
      }),
    );
    const error = await rejectionOf(api.me());
    expect(error).toMatchObject({
      name: 'CalApiError',
      kind: 'invalid_request',
      code: 'Bearer [redacted]',
      requestId: 'req-1 Bearer [redacted]',
    });
    expectNoSecretShown(error, TOKEN);
  });

  it('both tokens of a call that met a 498, in every field', async () => {
    let issued = 0;
    const getAccessToken = vi.fn(async () => `cal-secret-${++issued}`);
    const { fetch } = mockFetch(({ headers }) => {
      const auth = headers.get('authorization') ?? '';
      return auth.endsWith('-1')
        ? calError(498, 'TokenExpiredException')
        : json(
            {
              status: 'error',
              error: { code: `saw cal-secret-1 and ${auth}`, message: auth, details: { auth } },
            },
            500,
            { 'x-request-id': auth },
          );
    });
    const api = createCalApi({ getAccessToken, baseUrl: CAL, fetch });
    const error = await rejectionOf(api.me());
    expect(error).toMatchObject({ kind: 'server', code: 'saw [redacted] and Bearer [redacted]' });
    expectNoSecretShown(error, 'cal-secret-1', 'cal-secret-2');
  });

  it('a fetch that rejects quoting the token, in a cause chain', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization');
      throw new TypeError('wrapper failed', {
        cause: new Error(`upstream refused ${auth}`, { cause: { header: auth } }),
      });
    });
    const { api } = setup(() => ok(ME), { fetch: fetch as unknown as typeof globalThis.fetch });
    const error = (await rejectionOf(api.me())) as Error;
    expect(error).toMatchObject({ name: 'CalApiError', kind: 'network' });
    expect(error.cause).toBeInstanceOf(Error);
    expect(inspect(error, { depth: 10 })).toContain('upstream refused Bearer [redacted]');
    expectNoSecretShown(error, TOKEN);
  });

  it('a host schema whose issues quote the value and that throws quoting it', async () => {
    const echo = () => ok({ ...ME, note: TOKEN });
    const quoting = setup(echo, {
      schemas: {
        me: {
          '~standard': {
            version: 1,
            vendor: 'host',
            validate: (value: unknown) => ({
              issues: [{ message: `unexpected ${JSON.stringify(value)}`, path: [TOKEN] }],
            }),
          },
        },
      },
    });
    const invalid = await rejectionOf(quoting.api.me());
    expect(invalid).toMatchObject({ kind: 'invalid_response' });
    expectNoSecretShown(invalid, TOKEN);

    const throwing = setup(echo, {
      schemas: {
        me: quotingSchema(Error),
      },
    });
    const thrown = await rejectionOf(throwing.api.me());
    expect(thrown).toMatchObject({ kind: 'invalid_response' });
    expectNoSecretShown(thrown, TOKEN);
  });

  it('a path the host built with the token in it', async () => {
    const { api } = setup(() => calError(404, 'NotFoundException'));
    const error = await rejectionOf(api.fetch(`/v2/things/${TOKEN}`));
    expect(error).toMatchObject({ kind: 'not_found', path: '/v2/things/[redacted]' });
    expectNoSecretShown(error, TOKEN);
  });

  it('a clean cause is kept as the same object', async () => {
    const cause = new TypeError('Failed to fetch');
    const { api } = setup(() => Promise.reject(cause));
    expect((await rejectionOf(api.me())) as Error).toMatchObject({ kind: 'network', cause });
    expect(((await rejectionOf(api.me())) as Error).cause).toBe(cause);
  });
});
