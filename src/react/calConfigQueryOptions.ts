import { queryOptions } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import type { BookingsClient } from '../client/types.js';
import { ANONYMOUS_IDENTITY, bookingsKeys } from './bookingsKeys.js';
import type { RegisteredCalConfig } from './register.js';
import { bookingsQuery } from './retryPolicy.js';

export interface BookingsQueryScope {
  /** The signed-in identity, as the provider sees it (its `identity` prop or the JWT's `sub`). @default 'anonymous' */
  identity?: string;
}

/**
 * The query behind `useCalConfig`, for `prefetchQuery`, `ensureQueryData` and typed cache reads:
 * `queryClient.getQueryData(calConfigQueryOptions(client).queryKey)`. Configuration changes on
 * deploys, not while a page is open: fresh for 5 minutes.
 */
export function calConfigQueryOptions<TConfig = RegisteredCalConfig>(
  client: Pick<BookingsClient<TConfig, unknown>, 'baseUrl' | 'getConfig'>,
  scope: BookingsQueryScope = {},
) {
  return queryOptions<TConfig, BookingsApiError>(
    bookingsQuery(
      bookingsKeys.config(client.baseUrl, scope.identity ?? ANONYMOUS_IDENTITY),
      // The query's AbortSignal is left unread on purpose: TanStack cancels a fetch whose signal was
      // read when its last observer unmounts, so StrictMode's remount would send every request twice.
      () => client.getConfig(),
      5 * 60_000,
    ),
  );
}
