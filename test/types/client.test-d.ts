import { expectTypeOf } from 'vitest';
import * as z from 'zod/mini';
import {
  createBookingsClient,
  DEFAULT_MAX_RESPONSE_BYTES,
} from '../../src/client/createBookingsClient.js';
import { type ANONYMOUS_IDENTITY, readJwtSubject } from '../../src/client/jwtSubject.js';
import type {
  BookingsClient,
  BookingsClientOptions,
  CalConfig,
  CalTokenRefreshResponse,
  CalUser,
  StandardSchemaV1,
} from '../../src/core.js';
import { CalTokenRefreshResponseSchema } from '../../src/core.js';

// Defaults: the built-in schemas' types.
const plain = createBookingsClient({ baseUrl: 'https://api.example.test' });
expectTypeOf(plain).toEqualTypeOf<BookingsClient<CalConfig, CalUser, CalTokenRefreshResponse>>();
expectTypeOf(plain.getConfig()).resolves.toEqualTypeOf<CalConfig>();
expectTypeOf(plain.getUser()).resolves.toEqualTypeOf<CalUser>();
expectTypeOf(plain.refreshToken()).resolves.toEqualTypeOf<CalTokenRefreshResponse>();
expectTypeOf(plain.refreshToken).parameter(1).toEqualTypeOf<{ signal?: AbortSignal } | undefined>();

// A custom zod schema for one endpoint: its output type, the others keep the defaults.
const configSchema = z.object({ theme: z.enum(['light', 'dark']) });
const zodClient = createBookingsClient({
  baseUrl: 'https://api.example.test',
  schemas: { config: configSchema },
});
expectTypeOf(zodClient.getConfig()).resolves.toEqualTypeOf<{ theme: 'light' | 'dark' }>();
expectTypeOf(zodClient.getUser()).resolves.toEqualTypeOf<CalUser>();

// A hand-written Standard Schema (async validate) for the user.
interface Profile {
  id: string;
  displayName: string;
}
const profileSchema: StandardSchemaV1<unknown, Profile> = {
  '~standard': {
    version: 1,
    vendor: 'hand-written',
    validate: async (value) => ({ value: value as Profile }),
  },
};
const handClient = createBookingsClient({
  baseUrl: 'https://api.example.test',
  schemas: { user: profileSchema },
});
expectTypeOf(handClient.getUser()).resolves.toEqualTypeOf<Profile>();
expectTypeOf(handClient.getConfig()).resolves.toEqualTypeOf<CalConfig>();

// A token schema must still produce what the token lifecycle reads; extra fields follow.
const tokenClient = createBookingsClient({
  baseUrl: 'https://api.example.test',
  schemas: { token: z.extend(CalTokenRefreshResponseSchema, { scope: z.string() }) },
});
expectTypeOf(tokenClient.refreshToken()).resolves.toHaveProperty('scope').toEqualTypeOf<string>();
expectTypeOf(tokenClient.refreshToken()).resolves.toExtend<CalTokenRefreshResponse>();

createBookingsClient({
  baseUrl: 'https://api.example.test',
  // @ts-expect-error a token schema without the token fields is rejected
  schemas: { token: z.object({ foo: z.string() }) },
});

// @ts-expect-error baseUrl is required
createBookingsClient({});

// Identity on the client: a string, from the `identity` option or the `jwt` option's subject.
expectTypeOf(plain.identity).toEqualTypeOf<string>();
expectTypeOf<BookingsClient['identity']>().toEqualTypeOf<string>();
createBookingsClient({ baseUrl: 'https://api.example.test', jwt: 'a.b.c', identity: 'user-1' });
createBookingsClient({ baseUrl: 'https://api.example.test', jwt: null });
createBookingsClient({ baseUrl: 'https://api.example.test', maxResponseBytes: 65_536 });
expectTypeOf<BookingsClientOptions['jwt']>().toEqualTypeOf<string | null | undefined>();
expectTypeOf<BookingsClientOptions['identity']>().toEqualTypeOf<string | undefined>();
expectTypeOf<BookingsClientOptions['maxResponseBytes']>().toEqualTypeOf<number | undefined>();
expectTypeOf(readJwtSubject).toEqualTypeOf<(jwt: string) => string | undefined>();
expectTypeOf<typeof ANONYMOUS_IDENTITY>().toEqualTypeOf<'anonymous'>();
expectTypeOf(DEFAULT_MAX_RESPONSE_BYTES).toEqualTypeOf<number>();

// @ts-expect-error the JWT is a string (or null), not a number
createBookingsClient({ baseUrl: 'https://api.example.test', jwt: 42 });
// @ts-expect-error identity is a string
createBookingsClient({ baseUrl: 'https://api.example.test', identity: null });
// @ts-expect-error identity is read-only
plain.identity = 'someone else';
