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
  /**
   * Refresh this long before expiry; shortened for short-lived tokens. Anything but a finite number
   * >= 0 throws a `TypeError` at creation.
   * @default 60
   */
  refreshLeewaySeconds?: number;
  /**
   * Who is signed in. Tokens are shared between tabs (BroadcastChannel + Web Locks, one channel per
   * API and identity) only when it is given: without it, every manager keeps to itself.
   * @default undefined (no cross-tab sharing)
   */
  identity?: string;
  /**
   * Share tokens between tabs of the same origin (only with an `identity`).
   * @default true where BroadcastChannel exists
   */
  crossTab?: boolean;
  /** Wall clock (epoch ms), for tests. @default Date.now */
  now?: () => number;
  /**
   * Monotonic clock (ms). Deadlines are due when either clock says so, and a token counts as expired
   * when either does: sleep moves the wall clock ahead, a clock set back does not stop real time.
   * The manager moves it on by its own timers too: when one fires before this clock has seen half
   * its delay (fake timers that leave `performance.now()` real), the delay counts as passed.
   * @default () => performance.now()
   */
  monotonicNow?: () => number;
  /**
   * Whether the page is in use; no automatic request while it is not (a `getToken` caller is still
   * served). The same shape as TanStack Query's `focusManager`, which can be passed as is.
   * @default document `visibilitychange` (visible = focused); always focused without a document
   */
  focus?: CalTokenFocusSource;
  /**
   * Whether the network is up; no automatic request while it is not. Coming back online retries
   * only once the backoff has run out. The same shape as TanStack Query's `onlineManager`.
   * @default window `online`/`offline` and `navigator.onLine`; always online without a window
   */
  online?: CalTokenOnlineSource;
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
   * Called when a refresh fails: after the quick retries of a `network`/`timeout`/`server` failure
   * (the manager goes on retrying about once every 30-60 s while focused and online), or at once for
   * any other failure except 401/403 (those go to `onAuthError` only).
   */
  onError?: (error: BookingsApiError) => void;
  /**
   * Opens the cross-tab channel (tests, custom transports); return `null` for none.
   * @default `new BroadcastChannel(name)` where it exists
   */
  createChannel?: (name: string) => CalTokenChannel | null;
  /**
   * Web Locks used to let one tab refresh while the others wait; `null` disables them. The manager
   * first asks with `ifAvailable: true`, which must answer `null` while another tab holds or awaits
   * the lock (as `navigator.locks` does): only then does it ask the other tabs before requesting.
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
  /**
   * Calls `callback` once the lock is held (with the lock, or nothing); with `ifAvailable`, at once,
   * with `null` when another request holds or awaits it.
   */
  request<T>(
    name: string,
    options: { signal?: AbortSignal; ifAvailable?: boolean },
    callback: (lock?: unknown) => Promise<T>,
  ): Promise<T>;
}

/** A focus source: TanStack Query's `focusManager` fits. */
export interface CalTokenFocusSource {
  isFocused(): boolean;
  subscribe(listener: (focused: boolean) => void): () => void;
}

/** An online source: TanStack Query's `onlineManager` fits. */
export interface CalTokenOnlineSource {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

/**
 * What tabs tell each other: a token (after a request, or answering a query), or a query asking for
 * a token that expires after `have` (epoch ms; 0 for none). Every message received is validated.
 */
export type CalTokenMessage =
  | {
      readonly type: 'token';
      readonly token: CalToken;
      /** Epoch milliseconds when the request that produced `token` started. */
      readonly issuedAt: number;
    }
  | { readonly type: 'query'; readonly have: number };

export interface GetAccessTokenOptions {
  /**
   * Request a new token even if the current one is fresh. Joins a refresh already in flight.
   * @default false
   */
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
