import type {
  CalConfig,
  CalTokenRefreshRequest,
  CalTokenRefreshResponse,
  CalUser,
} from './schemas.js';
import type { StandardSchemaV1 } from './standardSchema.js';

/** Returns the signed-in user's AISquare JWT; `null`/`undefined` means signed out. May be async. */
export type AuthTokenGetter = () => string | null | undefined | Promise<string | null | undefined>;

/** Paths of the three endpoints, relative to `baseUrl`. */
export interface BookingsEndpoints {
  /** @default '/api/v1/bookings/config/' */
  config?: string;
  /** @default '/api/v1/bookings/token/refresh/' */
  token?: string;
  /** @default '/api/v1/bookings/user/' */
  user?: string;
}

/**
 * Per-endpoint response schemas. Any Standard Schema works (zod, valibot, arktype); the data types of
 * the client and the hooks follow the schema's output. A token schema must still produce the fields
 * the token lifecycle reads.
 */
export interface BookingsSchemas<
  TConfig = CalConfig,
  TUser = CalUser,
  TToken extends CalTokenRefreshResponse = CalTokenRefreshResponse,
> {
  /** @default CalConfigSchema */
  config?: StandardSchemaV1<unknown, TConfig>;
  /** @default CalUserSchema */
  user?: StandardSchemaV1<unknown, TUser>;
  /** @default CalTokenRefreshResponseSchema */
  token?: StandardSchemaV1<unknown, TToken>;
}

export interface BookingsClientOptions<
  TConfig = CalConfig,
  TUser = CalUser,
  TToken extends CalTokenRefreshResponse = CalTokenRefreshResponse,
> {
  /** Origin (and optional path prefix) of the AISquare API, e.g. `https://api.example.com`. */
  baseUrl: string;
  /**
   * The AISquare JWT as a value, for hosts that hold it in state: sent as `Authorization: Bearer
   * <jwt>`, and its `sub` names the `identity` when that is not given. When it is not `undefined`,
   * `getAuthToken` is never called; `null` or `''` means signed out (no bearer). Only the token, no
   * `Bearer ` prefix: a value that is not an RFC 6750 bearer token rejects every call with kind
   * `unauthorized` before anything is sent. @default undefined (ask `getAuthToken`)
   */
  jwt?: string | null;
  /**
   * Returns the AISquare JWT, sent as `Authorization: Bearer <jwt>`; called on every request unless
   * `jwt` is given. `null`, `undefined` or `''` send no JWT; a getter that throws rejects the call
   * with kind `unauthorized`. Omit both for cookie sessions. @default undefined (no JWT)
   */
  getAuthToken?: AuthTokenGetter;
  /**
   * Who is signed in (e.g. the user id): scopes caches and the cross-tab channel, so that nothing
   * cached for one user is shown to another. @default the `sub` of `jwt` (in a session or the
   * provider, also of the JWT `getAuthToken` returns), else `'anonymous'`
   */
  identity?: string;
  /** An AISquare API key, for deployments that require one. @default undefined (no key) */
  apiKey?: string;
  /**
   * Header the API key goes in. With the default, the key is sent as `Authorization: Bearer <key>`
   * when there is no JWT (a JWT takes precedence); any other header carries the raw key beside the JWT.
   * @default 'Authorization'
   */
  apiKeyHeader?: string;
  /**
   * `fetch`'s credentials mode; `'include'` for cookie sessions across origins. Not passed when
   * unset, so fetch's own default applies. A session or the provider given none of `jwt`,
   * `getAuthToken` and `credentials` warns in development (a forgotten `jwt` looks like a cookie
   * session), so a cookie session says `credentials` outright. @default 'same-origin'
   */
  credentials?: RequestCredentials;
  /**
   * The `fetch` to use (tests, SSR, instrumentation). Without it, `globalThis.fetch` is looked up on
   * every request, so MSW or a spy installed later is honoured. @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Extra headers for every request. They may refine `Accept`/`Content-Type`, but `Authorization`
   * and `apiKeyHeader` entries are ignored: auth comes only from `jwt`/`getAuthToken` and `apiKey`.
   * @default {}
   */
  headers?: Record<string, string>;
  /**
   * Endpoint paths, joined to `baseUrl` with exactly one slash; an absolute URL is used as is.
   * @default DEFAULT_ENDPOINTS (`/api/v1/bookings/{config,token/refresh,user}/`)
   */
  endpoints?: BookingsEndpoints;
  /** Response schemas; see `BookingsSchemas`. @default the built-in zod schemas */
  schemas?: BookingsSchemas<TConfig, TUser, TToken>;
  /**
   * Time-out per request, in milliseconds: a finite number >= 0, where `0` disables it; anything
   * else throws a `TypeError` at creation. In a session or the provider it also times the Cal.com
   * calls. @default 10000 (for a session's Cal.com calls, 15000)
   */
  requestTimeoutMs?: number;
  /**
   * Largest response body read, in bytes (error responses too): a longer one, or a `Content-Length`
   * above it, rejects with kind `invalid_response` and is not downloaded further. A positive integer;
   * anything else throws a `TypeError` at creation. @default 1048576 (1 MiB)
   */
  maxResponseBytes?: number;
}

/** Options every client call takes. */
export interface BookingsRequestOptions {
  /** Aborts the request; the call then rejects with a `BookingsApiError` of kind `aborted`. */
  signal?: AbortSignal;
}

/** A framework-free client for the three AISquare bookings endpoints. */
export interface BookingsClient<
  TConfig = CalConfig,
  TUser = CalUser,
  TToken extends CalTokenRefreshResponse = CalTokenRefreshResponse,
> {
  /** The normalised base URL (no trailing slash); part of every query key. */
  readonly baseUrl: string;
  /** Who is signed in: the `identity` option, else the `jwt` option's `sub`, else `'anonymous'`. */
  readonly identity: string;
  /** `GET config`: the Cal.com configuration for the frontend. */
  getConfig(options?: BookingsRequestOptions): Promise<TConfig>;
  /** `POST token/refresh`: a Cal.com access token; the first call for a user integrates them. */
  refreshToken(body?: CalTokenRefreshRequest, options?: BookingsRequestOptions): Promise<TToken>;
  /** `GET user`: the user's Cal.com details; rejects with kind `not_found` before the integration. */
  getUser(options?: BookingsRequestOptions): Promise<TUser>;
}
