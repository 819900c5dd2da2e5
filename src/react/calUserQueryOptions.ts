import { queryOptions } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import type { BookingsClient } from '../client/types.js';
import { ANONYMOUS_IDENTITY, bookingsKeys } from './bookingsKeys.js';
import type { BookingsQueryScope } from './calConfigQueryOptions.js';
import type { RegisteredCalUser } from './register.js';
import { retryBookingsQuery, retryDelay } from './retryPolicy.js';

/**
 * The query behind `useCalUser`. A 404 (no Cal.com user yet) is an answer, not a failure to retry;
 * the provider refetches this query after the initial integration.
 */
export function calUserQueryOptions<TUser = RegisteredCalUser>(
  client: Pick<BookingsClient<unknown, TUser>, 'baseUrl' | 'getUser'>,
  scope: BookingsQueryScope = {},
) {
  return queryOptions<TUser, BookingsApiError>({
    queryKey: bookingsKeys.user(client.baseUrl, scope.identity ?? ANONYMOUS_IDENTITY),
    // The query's AbortSignal is left unread on purpose: TanStack cancels a fetch whose signal was read
    // when its last observer unmounts, so StrictMode's remount would send every request twice.
    queryFn: () => client.getUser(),
    staleTime: 60_000,
    retry: retryBookingsQuery,
    retryDelay,
  });
}
