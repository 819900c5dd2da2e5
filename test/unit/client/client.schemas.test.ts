import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createBookingsClient } from '../../../src/client/createBookingsClient.js';
import type { BookingsApiError } from '../../../src/client/errors.js';
import { CalTokenRefreshResponseSchema } from '../../../src/client/schemas.js';
import type { StandardSchemaV1 } from '../../../src/client/standardSchema.js';
import { formatIssuePath, validateStandard } from '../../../src/client/validate.js';
import { BASE, json, mockFetch, rejectionOf } from './fetchMock.js';
import { VALID_TOKEN } from './fixtures.js';

interface Profile {
  id: string;
  displayName: string;
}

/** A hand-written Standard Schema with an async validate, as valibot's async pipes produce. */
const profileSchema: StandardSchemaV1<unknown, Profile> = {
  '~standard': {
    version: 1,
    vendor: 'hand-written',
    validate: async (value) => {
      await Promise.resolve();
      const record = value as { id?: unknown; display_name?: unknown } | null;
      if (typeof record?.id === 'number' && typeof record.display_name === 'string') {
        return { value: { id: String(record.id), displayName: record.display_name } };
      }
      return {
        issues: [
          { message: 'expected a display name', path: [{ key: 'profile' }, 'display_name', 0] },
        ],
      };
    },
  },
};

describe('custom schemas', () => {
  it('validates and transforms with a custom zod schema', async () => {
    const configSchema = z.pipe(
      z.object({ cal_client_id: z.string(), theme: z.enum(['light', 'dark']) }),
      z.transform((config) => ({ clientId: config.cal_client_id, dark: config.theme === 'dark' })),
    );
    const { fetch } = mockFetch(() => json({ cal_client_id: 'c1', theme: 'dark' }));
    const client = createBookingsClient({
      baseUrl: BASE,
      fetch,
      schemas: { config: configSchema },
    });
    await expect(client.getConfig()).resolves.toEqual({ clientId: 'c1', dark: true });
  });

  it('reports a custom zod schema mismatch as invalid_response', async () => {
    const configSchema = z.object({ theme: z.enum(['light', 'dark']) });
    const { fetch } = mockFetch(() => json({ theme: 'neon' }));
    const client = createBookingsClient({
      baseUrl: BASE,
      fetch,
      schemas: { config: configSchema },
    });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error.kind).toBe('invalid_response');
    expect(error.issues).toEqual([{ path: 'theme', message: expect.any(String) }]);
  });

  it('runs a hand-written async Standard Schema', async () => {
    const { fetch } = mockFetch(() => json({ id: 42, display_name: 'Ada' }));
    const client = createBookingsClient({ baseUrl: BASE, fetch, schemas: { user: profileSchema } });
    await expect(client.getUser()).resolves.toEqual({ id: '42', displayName: 'Ada' });
  });

  it('maps an async Standard Schema failure to dotted paths', async () => {
    const { fetch } = mockFetch(() => json({ id: 42 }));
    const client = createBookingsClient({ baseUrl: BASE, fetch, schemas: { user: profileSchema } });
    const error = (await rejectionOf(client.getUser())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', endpoint: 'user', status: 200 });
    expect(error.issues).toEqual([
      { path: 'profile.display_name.0', message: 'expected a display name' },
    ]);
  });

  it('accepts an extended token schema and keeps its extra fields', async () => {
    const tokenSchema = z.extend(CalTokenRefreshResponseSchema, { scope: z.string() });
    const { fetch } = mockFetch(() => json({ ...VALID_TOKEN, scope: 'bookings' }));
    const client = createBookingsClient({ baseUrl: BASE, fetch, schemas: { token: tokenSchema } });
    const token = await client.refreshToken();
    expect(token.scope).toBe('bookings');
  });

  it('reports a schema that throws as invalid_response, keeping the throw as cause', async () => {
    const boom = new Error('schema bug');
    const throwing: StandardSchemaV1<unknown, unknown> = {
      '~standard': {
        version: 1,
        vendor: 'broken',
        validate: () => {
          throw boom;
        },
      },
    };
    const { fetch } = mockFetch(() => json({}));
    const client = createBookingsClient({ baseUrl: BASE, fetch, schemas: { config: throwing } });
    const error = (await rejectionOf(client.getConfig())) as BookingsApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', cause: boom });
    expect(error.issues).toEqual([{ path: '', message: 'the response schema threw' }]);
  });

  it('redacts the response access token from schema messages that quote values', async () => {
    const quoting: StandardSchemaV1<unknown, never> = {
      '~standard': {
        version: 1,
        vendor: 'quoting',
        validate: (value) => ({
          issues: [
            {
              message: `Invalid: received ${(value as { access_token: string }).access_token}`,
              path: ['access_token'],
            },
          ],
        }),
      },
    };
    const { fetch } = mockFetch(() => json(VALID_TOKEN));
    const client = createBookingsClient({
      baseUrl: BASE,
      fetch,
      schemas: { token: quoting },
    });
    const error = (await rejectionOf(client.refreshToken())) as BookingsApiError;
    expect(error.issues).toEqual([
      { path: 'access_token', message: 'Invalid: received [redacted]' },
    ]);
  });
});

describe('validateStandard', () => {
  it('passes a sync success through', async () => {
    const schema = z.object({ a: z.number() });
    await expect(validateStandard(schema, { a: 1 })).resolves.toEqual({
      ok: true,
      value: { a: 1 },
    });
  });

  it('caps the number of issues and fills in empty messages', async () => {
    const many: StandardSchemaV1<unknown, unknown> = {
      '~standard': {
        version: 1,
        vendor: 'many',
        validate: () => ({
          issues: Array.from({ length: 500 }, (_, i) => ({ message: '', path: [i] })),
        }),
      },
    };
    const result = await validateStandard(many, null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(50);
    expect(result.issues[0]).toEqual({ path: '0', message: 'invalid value' });
  });

  it('treats an empty issues array as a failure', async () => {
    const empty: StandardSchemaV1<unknown, unknown> = {
      '~standard': { version: 1, vendor: 'empty', validate: () => ({ issues: [] }) },
    };
    await expect(validateStandard(empty, 1)).resolves.toEqual({
      ok: false,
      issues: [{ path: '', message: 'invalid value' }],
    });
  });

  it.each([
    [undefined, ''],
    [[], ''],
    [['a', 'b', 0], 'a.b.0'],
    [[{ key: 'items' }, { key: 3 }, 'id'], 'items.3.id'],
    [[Symbol('sym')], 'sym'],
  ] as const)('formats path %j as %j', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected);
  });
});
