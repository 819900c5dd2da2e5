'use client';

import {
  partialMatchKey,
  QueryClient,
  QueryClientContext,
  QueryClientProvider,
} from '@tanstack/react-query';
import { type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { createBookingsClient } from '../client/createBookingsClient.js';
import { type BookingsApiError, isBookingsApiError } from '../client/errors.js';
import type { CalTokenRefreshRequest } from '../client/schemas.js';
import type {
  AuthTokenGetter,
  BookingsClient,
  BookingsClientOptions,
  BookingsSchemas,
} from '../client/types.js';
import { createCalTokenManager } from '../token/createCalTokenManager.js';
import type { CalToken } from '../token/types.js';
import { BookingsContext, type BookingsContextValue } from './BookingsContext.js';
import { bookingsKeys } from './bookingsKeys.js';
import { resolveSession } from './identity.js';
import { useStable } from './useStable.js';

/** The client's connection options, documented once on `BookingsClientOptions`. */
type ConnectionOptions = Pick<
  BookingsClientOptions,
  | 'baseUrl'
  | 'apiKey'
  | 'apiKeyHeader'
  | 'credentials'
  | 'fetch'
  | 'headers'
  | 'endpoints'
  | 'requestTimeoutMs'
>;

export interface BookingsProviderProps extends ConnectionOptions {
  /**
   * Returns the signed-in user's AISquare JWT (sync or async); `null`/`undefined` means signed out.
   * Write it inline if you like: the latest function is always used and a new one never refetches.
   * Omit it for cookie sessions.
   */
  getAuthToken?: AuthTokenGetter;
  /** The QueryClient to cache in. @default the nearest QueryClientProvider's, else a private one */
  queryClient?: QueryClient;
  /** Body for the token endpoint. @default {} */
  tokenRequest?: CalTokenRefreshRequest;
  /**
   * Get the Cal.com token (integrating a first-time user) on mount. With `false`, nothing is requested
   * until `useRefreshCalToken().mutate()`, `CalConnectButton` or `getAccessToken()` asks.
   * @default true
   */
  autoConnect?: boolean;
  /**
   * Who is signed in, for cache scoping. @default the `sub` of the JWT that `getAuthToken` returns
   * synchronously, else 'anonymous'. Pass it when `getAuthToken` is async and users can switch.
   */
  identity?: string;
  /** Refresh this many seconds before expiry; shortened for short-lived tokens. @default 60 */
  refreshLeewaySeconds?: number;
  /** `false` = do nothing yet (no request, no timer). @default true */
  enabled?: boolean;
  /** Share tokens between tabs so one tab refreshes for all. @default true where BroadcastChannel exists */
  crossTab?: boolean;
  /** Response schemas per endpoint (any Standard Schema). @default the package's zod schemas */
  schemas?: BookingsSchemas<unknown, unknown>;
  /** Called after every successful token request. */
  onTokenRefreshed?: (token: CalToken) => void;
  /** Called once per identity when AISquare answers 401/403: time to sign in again. */
  onAuthError?: (error: BookingsApiError) => void;
  /** Called for token failures that are final or outlived their retries, and for failed queries. */
  onError?: (error: BookingsApiError) => void;
  children?: ReactNode;
}

// What an unmounted provider owned (its token manager, its private QueryClient). Disposal waits a
// microtask so that StrictMode's immediate unmount/remount keeps them, and the single in-flight
// request, alive.
const pendingDisposal = new WeakSet<object>();

/** Keeps `target` alive (cancelling a pending disposal); returns the effect cleanup that disposes it soon. */
function keepAlive(target: object, dispose: () => void): () => void {
  pendingDisposal.delete(target);
  return () => {
    pendingDisposal.add(target);
    queueMicrotask(() => {
      if (pendingDisposal.delete(target)) dispose();
    });
  };
}

/**
 * Makes the AISquare bookings API available to every hook and component below it, and keeps a Cal.com
 * access token fresh for as long as it is mounted.
 */
export function BookingsProvider(props: BookingsProviderProps): ReactNode {
  const {
    getAuthToken,
    queryClient: queryClientProp,
    autoConnect = true,
    refreshLeewaySeconds,
    enabled = true,
    crossTab,
    children,
  } = props;

  // Hosts pass callbacks and the JWT getter inline; the latest props are read through a ref so that a
  // new function on every render never recreates the client or refetches.
  const latest = useRef(props);
  latest.current = props;
  const [getLatestAuthToken] = useState(() => () => latest.current.getAuthToken?.());
  const [latestFetch] = useState(
    () => ((input, init) => (latest.current.fetch ?? fetch)(input, init)) as typeof fetch,
  );

  // The client's options, kept as the same object while their values are equal (inline objects
  // included), so that the client is recreated only when one of them really changes.
  const clientOptions = useStable({
    baseUrl: props.baseUrl,
    getAuthToken: getAuthToken && getLatestAuthToken,
    apiKey: props.apiKey,
    apiKeyHeader: props.apiKeyHeader,
    credentials: props.credentials,
    fetch: props.fetch && latestFetch,
    headers: props.headers,
    endpoints: props.endpoints,
    schemas: props.schemas,
    requestTimeoutMs: props.requestTimeoutMs,
  });
  const client = useMemo(
    () => createBookingsClient(clientOptions) as BookingsClient<unknown, unknown>,
    [clientOptions],
  );
  const tokenRequest = useStable(props.tokenRequest);

  const { identity, signedIn, credential } = resolveSession(getAuthToken, props.identity);
  const active = enabled && signedIn;
  const { baseUrl: scopeUrl } = client;

  const inheritedQueryClient = useContext(QueryClientContext);
  // Created once even when unused: a QueryClient does nothing until it is mounted.
  const [privateQueryClient] = useState(() => new QueryClient());
  const ownsQueryClient = !queryClientProp && !inheritedQueryClient;
  const queryClient = queryClientProp ?? inheritedQueryClient ?? privateQueryClient;

  // One manager per client, identity and token settings: a new identity never sees the old token.
  const tokenManager = useMemo(
    () =>
      createCalTokenManager({
        client,
        identity,
        tokenRequest,
        refreshLeewaySeconds,
        crossTab,
        onTokenRefreshed: (token) => {
          if (token.integrationStatus === 'created') {
            // The initial integration just created the Cal.com user: the user query's 404 is stale,
            // and so is a user request still in flight (reset drops it; invalidate would join it).
            void queryClient.resetQueries({
              queryKey: bookingsKeys.user(client.baseUrl, identity),
            });
          }
          latest.current.onTokenRefreshed?.(token);
        },
        onAuthError: (error) => latest.current.onAuthError?.(error),
        onError: (error) => latest.current.onError?.(error),
      }),
    [client, identity, tokenRequest, refreshLeewaySeconds, crossTab, queryClient],
  );

  useEffect(() => {
    if (active && autoConnect) tokenManager.start();
    return keepAlive(tokenManager, tokenManager.dispose);
  }, [tokenManager, active, autoConnect]);

  // A private QueryClient dies with the provider: its cache timers would otherwise keep every
  // unmounted provider's data alive for gcTime.
  useEffect(() => {
    if (ownsQueryClient) return keepAlive(privateQueryClient, () => privateQueryClient.clear());
  }, [ownsQueryClient, privateQueryClient]);

  const previousScope = useRef<readonly unknown[]>(null);
  const authErrorReported = useRef(false);
  useEffect(() => {
    const scope = bookingsKeys.scope(scopeUrl, identity);
    // Drop what was cached for an identity as soon as another one signs in (keys are scoped, so the
    // old data is never rendered for the new identity; this frees it and any token-bearing state).
    const previous = previousScope.current;
    if (previous && !partialMatchKey(previous, scope)) {
      queryClient.removeQueries({ queryKey: previous });
    }
    previousScope.current = scope;
    authErrorReported.current = false;
    // Query failures reach onError / onAuthError too, whichever QueryClient holds them.
    return queryClient.getQueryCache().subscribe((event) => {
      const error = event.type === 'updated' && event.action.type === 'error' && event.action.error;
      if (!isBookingsApiError(error) || !partialMatchKey(event.query.queryKey, scope)) return;
      if (error.kind === 'unauthorized' && !authErrorReported.current) {
        authErrorReported.current = true;
        latest.current.onAuthError?.(error);
      }
      latest.current.onError?.(error);
    });
  }, [queryClient, scopeUrl, identity]);

  // A new JWT for the same identity (the user signed in again) may cure an `unauthorized`: retry the
  // token and the queries that failed with 401/403, once, instead of waiting for a manual refresh.
  const lastCredential = useRef(credential);
  useEffect(() => {
    if (lastCredential.current === credential) return;
    lastCredential.current = credential;
    authErrorReported.current = false;
    if (!active || credential === undefined) return;
    if (tokenManager.getState().status === 'unauthorized') {
      tokenManager.getToken({ forceRefresh: true }).catch(() => {});
    }
    void queryClient.refetchQueries({
      queryKey: bookingsKeys.scope(scopeUrl, identity),
      predicate: (query) => (query.state.error as BookingsApiError | null)?.kind === 'unauthorized',
    });
  }, [credential, active, tokenManager, queryClient, scopeUrl, identity]);

  const value = useMemo<BookingsContextValue>(
    () => ({ client, tokenManager, queryClient, identity, enabled: active }),
    [client, tokenManager, queryClient, identity, active],
  );

  const tree = <BookingsContext.Provider value={value}>{children}</BookingsContext.Provider>;
  return ownsQueryClient ? (
    <QueryClientProvider client={queryClient}>{tree}</QueryClientProvider>
  ) : (
    tree
  );
}
