import { queryOptions } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import type { BookingsClient } from '../client/types.js';
import { ANONYMOUS_IDENTITY, bookingsKeys } from './bookingsKeys.js';
import type { BookingsQueryScope } from './calConfigQueryOptions.js';
import type { RegisteredCalUser } from './register.js';
import { bookingsQuery } from './retryPolicy.js';

/**
 * The query behind `useCalUser`, fresh for a minute. A 404 (no Cal.com user yet) is an answer, not a
 * failure to retry; the provider refetches this query after the initial integration.
 */
export function calUserQueryOptions<TUser = RegisteredCalUser>(
  client: Pick<BookingsClient<unknown, TUser>, 'baseUrl' | 'getUser'>,
  scope: BookingsQueryScope = {},
) {
  return queryOptions<TUser, BookingsApiError>(
    bookingsQuery(
      bookingsKeys.user(client.baseUrl, scope.identity ?? ANONYMOUS_IDENTITY),
      // The AbortSignal is left unread on purpose (see calConfigQueryOptions).
      () => client.getUser(),
      60_000,
    ),
  );
}
