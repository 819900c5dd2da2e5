import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBookingsClient } from '../../../src/client/createBookingsClient.js';
import { isBookingsApiError } from '../../../src/client/errors.js';
import {
  CalConfigSchema,
  CalTokenRefreshResponseSchema,
  CalUserSchema,
} from '../../../src/client/schemas.js';
import { BASE } from './fetchMock.js';

const endpoints = fc.constantFrom('config', 'token', 'user');

const schemaFor = {
  config: CalConfigSchema,
  token: CalTokenRefreshResponseSchema,
  user: CalUserSchema,
} as const;

/** Bodies likely to match each schema, so both branches of the property are exercised. */
const nearlyValidBody = fc.oneof(
  fc.record(
    {
      access_token: fc.string(),
      expires_in: fc.oneof(fc.double(), fc.integer()),
      token_type: fc.string(),
      refreshed: fc.boolean(),
      integration_status: fc.constantFrom('created', 'existing', 'other'),
      cal_client_id: fc.string(),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    { id: fc.oneof(fc.integer(), fc.string()), email: fc.string(), name: fc.option(fc.string()) },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string(), fc.jsonValue()),
);

function call(
  client: ReturnType<typeof createBookingsClient>,
  endpoint: 'config' | 'token' | 'user',
) {
  if (endpoint === 'config') return client.getConfig();
  if (endpoint === 'token') return client.refreshToken();
  return client.getUser();
}

describe('property: any 2xx JSON body', () => {
  it('yields data the schema accepts, or a BookingsApiError of kind invalid_response', async () => {
    let valid = 0;
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(
        endpoints,
        fc.oneof(fc.jsonValue(), nearlyValidBody),
        async (endpoint, body) => {
          const text = JSON.stringify(body) ?? 'null';
          const client = createBookingsClient({
            baseUrl: BASE,
            fetch: async () => new Response(text, { status: 200 }),
          });
          try {
            const data = await call(client, endpoint);
            valid++;
            expect(schemaFor[endpoint].safeParse(data).success).toBe(true);
            expect(schemaFor[endpoint].safeParse(JSON.parse(text)).success).toBe(true);
          } catch (error) {
            invalid++;
            expect(isBookingsApiError(error)).toBe(true);
            expect(error).toMatchObject({ kind: 'invalid_response', endpoint, status: 200 });
            expect(schemaFor[endpoint].safeParse(JSON.parse(text)).success).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
    // Guards against a vacuous run where one branch never happens.
    expect(valid).toBeGreaterThan(0);
    expect(invalid).toBeGreaterThan(0);
  });
});

describe('property: secrets never leak into error text', () => {
  const secret = fc.string({ minLength: 8 });
  /** Half bearer tokens (letters, digits, -._~+/ and = padding), half anything. */
  const jwtLike = fc.oneof(
    fc
      .tuple(fc.stringMatching(/^[\w.~+/-]{8,40}$/), fc.constantFrom('', '=', '=='))
      .map(([body, pad]) => body + pad),
    secret,
  );
  const anyText = fc.oneof(
    fc.string(),
    fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
  );

  it('for any 400–599 status and any body, no message, detail or String(error) has the token or key', async () => {
    await fc.assert(
      fc.asyncProperty(
        endpoints,
        fc.integer({ min: 400, max: 599 }),
        jwtLike,
        secret,
        fc.boolean(),
        fc.constantFrom('Authorization', 'X-Api-Key'),
        anyText,
        anyText,
        fc.constantFrom('detail', 'message', 'raw'),
        async (endpoint, status, jwt, apiKey, signedIn, apiKeyHeader, prefix, suffix, shape) => {
          // Hostile server: it echoes the bearer token and the key in every form it can.
          const echoed = `${prefix}${jwt}${suffix} ${apiKey} Bearer ${jwt}`;
          const text =
            shape === 'raw' ? echoed : JSON.stringify({ [shape]: echoed, token: jwt, key: apiKey });
          const client = createBookingsClient({
            baseUrl: BASE,
            apiKey,
            apiKeyHeader,
            getAuthToken: () => (signedIn ? jwt : null),
            fetch: async () => new Response(text, { status }),
          });
          let error: unknown;
          try {
            await call(client, endpoint);
          } catch (e) {
            error = e;
          }
          expect(isBookingsApiError(error)).toBe(true);
          if (!isBookingsApiError(error)) return;
          if (signedIn && !/^[\w.~+/-]+=*$/.test(jwt)) {
            // Not a bearer token (RFC 6750 b64token): refused before any request, named nowhere.
            expect(error).toMatchObject({ kind: 'unauthorized', status: undefined });
          } else {
            expect(error.status).toBe(status);
          }
          const texts = [error.message, String(error), error.detail ?? '', JSON.stringify(error)];
          for (const t of texts) {
            expect(t.includes(apiKey)).toBe(false);
            if (signedIn) expect(t.includes(jwt)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
