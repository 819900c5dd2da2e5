import type { BookingsApiError } from '../client/errors.js';
import type { CalTokenRefreshRequest, CalTokenRefreshResponse } from '../client/schemas.js';
import type { BookingsClient } from '../client/types.js';

/** Where the token lifecycle stands. */
export type CalTokenStatusValue =
  | 'idle'
  | 'loading'
  | 'ready'
  | 'refreshing'
  | 'error'
  | 'unauthorized';

/** A Cal.com access token, held in memory only. */
export interface CalToken {
  readonly accessToken: string;
  readonly tokenType: string;
  /** Epoch milliseconds: local time when the request started + `expires_in`. */
  readonly expiresAt: number;
  readonly calClientId: string;
  /** `created` on the call that performed the initial integration, else `existing`. */
  readonly integrationStatus: 'created' | 'existing';
  readonly refreshed: boolean;
}

export interface CalTokenState {
  readonly status: CalTokenStatusValue;
  readonly token: CalToken | null;
  readonly error: BookingsApiError | null;
  /** Epoch milliseconds of the next scheduled refresh, or `null` when none is scheduled. */
  readonly nextRefreshAt: number | null;
}

export interface CalTokenManagerOptions {
  /** The client whose `refreshToken` obtains tokens. Only `refreshToken` and `baseUrl` are used. */
  client: Pick<
    BookingsClient<unknown, unknown, CalTokenRefreshResponse>,
    'refreshToken' | 'baseUrl'
  >;
  /** Body sent to the token endpoint. @default {} */
  tokenRequest?: CalTokenRefreshRequest;
  /** Refresh this long before expiry; shortened for short-lived tokens. @default 60 */
  refreshLeewaySeconds?: number;
  /** Who is signed in; scopes the cross-tab channel. @default 'anonymous' */
  identity?: string;
  /** Share tokens between tabs of the same origin. @default true where BroadcastChannel exists */
  crossTab?: boolean;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
  /** Random source in [0, 1) for jitter, for tests. @default Math.random */
  random?: () => number;
  /** Called after every successful token request (not for tokens received from another tab). */
  onTokenRefreshed?: (token: CalToken) => void;
  /**
   * Called once when the token endpoint answers 401/403; not again for later failures until a token
   * has been obtained (by a request or from another tab).
   */
  onAuthError?: (error: BookingsApiError) => void;
  /**
   * Called when a refresh fails for good: after the retries of a `network`/`timeout`/`server` failure,
   * or at once for any other failure except 401/403 (those go to `onAuthError` only).
   */
  onError?: (error: BookingsApiError) => void;
  /**
   * Opens the cross-tab channel (tests, custom transports); return `null` for none.
   * @default `new BroadcastChannel(name)` where it exists
   */
  createChannel?: (name: string) => CalTokenChannel | null;
  /**
   * Web Locks used to let one tab refresh while the others wait; `null` disables them.
   * @default navigator.locks where it exists (only with `crossTab`)
   */
  locks?: CalTokenLocks | null;
}

/** The part of `BroadcastChannel` the manager uses. */
export interface CalTokenChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  close(): void;
}

/** The part of the Web Locks API (`navigator.locks`) the manager uses. */
export interface CalTokenLocks {
  request<T>(
    name: string,
    options: { signal?: AbortSignal },
    callback: () => Promise<T>,
  ): Promise<T>;
}

/** What one tab tells the others on the cross-tab channel after a successful request. */
export interface CalTokenMessage {
  readonly type: 'token';
  readonly token: CalToken;
  /** Epoch milliseconds when the request that produced `token` started. */
  readonly issuedAt: number;
}

export interface GetAccessTokenOptions {
  /** Request a new token even if the current one is fresh. Joins a refresh already in flight. */
  forceRefresh?: boolean;
}

export interface CalTokenManager {
  getState(): CalTokenState;
  /** Registers a listener for state changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** A fresh access token, single-flight. Rejects with a `BookingsApiError`. */
  getAccessToken(options?: GetAccessTokenOptions): Promise<string>;
  /** The full token, fresh, single-flight (as `getAccessToken`). */
  getToken(options?: GetAccessTokenOptions): Promise<CalToken>;
  /** Starts the lifecycle: fetches a token and keeps it fresh. Idempotent. */
  start(): void;
  /** Aborts in-flight requests and removes every timer and listener; nothing runs afterwards. */
  dispose(): void;
}
