import type { QueryClient } from '@tanstack/react-query';
import type { CalApiSchemas } from '../calapi/types.js';
import type { BookingsApiError } from '../client/errors.js';
import type { CalTokenRefreshRequest } from '../client/schemas.js';
import type { BookingsClient, BookingsClientOptions, BookingsSchemas } from '../client/types.js';
import type {
  CalToken,
  CalTokenManager,
  CalTokenManagerOptions,
  GetAccessTokenOptions,
} from '../token/types.js';

/** The client's connection options, documented once on `BookingsClientOptions`. */
type ConnectionOptions = Pick<
  BookingsClientOptions,
  | 'baseUrl'
  | 'jwt'
  | 'getAuthToken'
  | 'identity'
  | 'apiKey'
  | 'apiKeyHeader'
  | 'credentials'
  | 'fetch'
  | 'headers'
  | 'endpoints'
  | 'requestTimeoutMs'
  | 'maxResponseBytes'
>;

export interface BookingsSessionOptions extends ConnectionOptions {
  /** Where queries are cached; the session purges the previous identity's queries and mutations. */
  queryClient: QueryClient;
  /** Body for the token endpoint. @default {} */
  tokenRequest?: CalTokenRefreshRequest;
  /**
   * Get the Cal.com token (integrating a first-time user) on mount. With `false`, nothing is requested
   * until `refreshToken()` or `getAccessToken()` asks. @default true
   */
  autoConnect?: boolean;
  /**
   * Cal.com API v2 origin for `getCalApi(session)` and the Cal.com hooks (paths under `/v2` are appended; a
   * trailing `/v2` is accepted). @default the AISquare config's `cal_api_url`, else `https://api.cal.com`
   */
  calApiUrl?: string;
  /**
   * Response schemas of the Cal.com hooks and `getCalApi(session)`, per method (any Standard Schema).
   * @default the package's lenient zod schemas
   */
  calSchemas?: Partial<CalApiSchemas>;
  /** Refresh this many seconds before expiry; shortened for short-lived tokens. @default 60 */
  refreshLeewaySeconds?: number;
  /** `false` = do nothing yet (no request, no timer). @default true */
  enabled?: boolean;
  /**
   * Share tokens between tabs so one tab refreshes for all. Only ever with a known identity.
   * @default true where BroadcastChannel exists
   */
  crossTab?: boolean;
  /** Response schemas per endpoint (any Standard Schema). @default the package's zod schemas */
  schemas?: BookingsSchemas<unknown, unknown>;
  /** Page visibility for the token schedule. @default `visibilitychange` (the provider passes TanStack's `focusManager`) */
  focus?: CalTokenManagerOptions['focus'];
  /** Network state for the token schedule. @default window `online`/`offline` (the provider passes TanStack's `onlineManager`) */
  online?: CalTokenManagerOptions['online'];
  /** Clear `queryClient` when the session is torn down: for a QueryClient made for this session only. @default false */
  clearQueryClientOnUnmount?: boolean;
  /** Called after every successful token request. */
  onTokenRefreshed?: (token: CalToken) => void;
  /** Called once per identity when AISquare answers 401/403 (token or query): time to sign in again. */
  onAuthError?: (error: BookingsApiError) => void;
  /**
   * Called for token failures that are final or outlived their quick retries, and for failed
   * queries; not for 401/403 (`onAuthError`), aborts, or the user query's 404 before the user is
   * connected (an expected answer).
   */
  onError?: (error: BookingsApiError) => void;
}

/** What the session is working with now; a new object whenever one of its fields changes. */
export interface BookingsSessionSnapshot {
  readonly client: BookingsClient<unknown, unknown>;
  readonly tokenManager: CalTokenManager;
  /** Who is signed in; scopes every query key and the cross-tab channel. */
  readonly identity: string;
  /** False when the session is disabled or nobody is signed in: hooks then fetch nothing. */
  readonly enabled: boolean;
}

/** What a forced token refresh reports: when the new token expires, and whether it integrated the user. Never the token. */
export interface CalTokenSummary {
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly integrationStatus: 'created' | 'existing';
}

/**
 * A framework-free bookings session: the client, the token manager, the identity scope and error
 * routing. `BookingsProvider` creates one and mounts it; other bindings can do the same.
 */
export interface BookingsSession {
  readonly queryClient: QueryClient;
  /** The options last given, at creation or by `setOptions`. */
  getOptions(): BookingsSessionOptions;
  getSnapshot(): BookingsSessionSnapshot;
  /** Called when the snapshot changes (new identity, client, token manager or `enabled`). */
  subscribe(listener: () => void): () => void;
  /**
   * Takes new options. Safe to call during a React render: it only derives the new snapshot; what
   * follows from it (purging, starting, re-authenticating) runs in a microtask while mounted.
   */
  setOptions(options: BookingsSessionOptions): void;
  /**
   * Starts the session (token lifecycle, error routing); returns the matching unmount. Mounts are
   * counted and the last unmount tears down after a microtask, so StrictMode's remount keeps it.
   */
  mount(): () => void;
  /** A fresh Cal.com access token for the current identity, single-flight. */
  getAccessToken(options?: GetAccessTokenOptions): Promise<string>;
  /** Forces a token refresh (or the initial integration); resolves to a summary, never the token. */
  refreshToken(): Promise<CalTokenSummary>;
}
