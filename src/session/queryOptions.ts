import type { DataTag } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import type { BookingsClient } from '../client/types.js';
import { bookingsKeys } from './keys.js';
import type { RegisteredCalConfig, RegisteredCalUser } from './register.js';
import { retryBookingsQuery, retryDelay } from './retryPolicy.js';

/**
 * What a `…QueryOptions` factory returns: the object `useQuery`, `prefetchQuery`, `ensureQueryData`
 * and `getQueryData` take. The key is tagged with the data type, as TanStack's `queryOptions` does.
 */
export interface BookingsQueryOptions<TData, TError = BookingsApiError> {
  queryKey: DataTag<readonly unknown[], TData, TError>;
  queryFn: () => Promise<TData>;
  staleTime: number;
  retry: (failureCount: number, error: unknown) => boolean;
  retryDelay: (failureCount: number, error: unknown) => number;
}

/**
 * Overrides the scope a factory builds its key from.
 * @deprecated The client carries its identity (`createBookingsClient({ jwt })` or `{ identity }`).
 */
export interface BookingsQueryScope {
  /** @default `client.identity` */
  identity?: string;
}

type ScopedClient = Pick<BookingsClient<unknown, unknown>, 'baseUrl' | 'identity'>;

// The query's AbortSignal is left unread on purpose: TanStack cancels a fetch whose signal was read
// when its last observer unmounts, so StrictMode's remount would send every request twice. The
// Cal.com factories build theirs here too, with their own retry policy.
export function bookingsQuery<T, TError = BookingsApiError>(
  key: readonly unknown[],
  queryFn: () => Promise<T>,
  staleTime: number,
  retry: BookingsQueryOptions<T>['retry'] = retryBookingsQuery,
  delay: BookingsQueryOptions<T>['retryDelay'] = retryDelay,
): BookingsQueryOptions<T, TError> {
  return {
    queryKey: key as DataTag<readonly unknown[], T, TError>,
    queryFn,
    staleTime,
    retry,
    retryDelay: delay,
  };
}

/**
 * The query behind `useCalConfig`, with exactly the provider's key: prefetch it on the server with a
 * client made for the same user, or read it with `queryClient.getQueryData(options.queryKey)`.
 * Configuration changes on deploys, not while a page is open: fresh for 5 minutes.
 */
export function calConfigQueryOptions<TConfig = RegisteredCalConfig>(
  client: ScopedClient & Pick<BookingsClient<TConfig, unknown>, 'getConfig'>,
  scope: BookingsQueryScope = {},
): BookingsQueryOptions<TConfig> {
  return bookingsQuery(
    bookingsKeys.config(client.baseUrl, scope.identity ?? client.identity),
    () => client.getConfig(),
    5 * 60_000,
  );
}

/**
 * The query behind `useCalUser`, fresh for a minute. A 404 (no Cal.com user yet) is an answer, not a
 * failure to retry; the session refetches this query after the initial integration.
 */
export function calUserQueryOptions<TUser = RegisteredCalUser>(
  client: ScopedClient & Pick<BookingsClient<unknown, TUser>, 'getUser'>,
  scope: BookingsQueryScope = {},
): BookingsQueryOptions<TUser> {
  return bookingsQuery(
    bookingsKeys.user(client.baseUrl, scope.identity ?? client.identity),
    () => client.getUser(),
    60_000,
  );
}
