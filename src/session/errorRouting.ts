import type { QueryClient } from '@tanstack/react-query';
import { type BookingsApiError, isBookingsApiError } from '../client/errors.js';
import type { CalToken } from '../token/types.js';
import { bookingsKeys, startsWithKey } from './keys.js';
import type { BookingsSessionOptions, BookingsSessionSnapshot } from './types.js';

/**
 * The one place errors reach the host, and its reset (for a new identity or a new JWT): 401/403 once
 * per identity, aborts never.
 */
export function errorReporter(
  getOptions: () => BookingsSessionOptions,
): [report: (error: BookingsApiError) => void, resetAuthError: () => void] {
  let authErrorReported = false;
  return [
    (error) => {
      const options = getOptions();
      if (error.kind === 'aborted') return;
      if (error.kind !== 'unauthorized') options.onError?.(error);
      else if (!authErrorReported) {
        authErrorReported = true;
        options.onAuthError?.(error);
      }
    },
    () => {
      authErrorReported = false;
    },
  ];
}

/** Routes the failures of the session's queries (current scope only) to `report`. */
export function routeQueryErrors(
  queryClient: QueryClient,
  getSnapshot: () => BookingsSessionSnapshot | undefined,
  report: (error: BookingsApiError) => void,
): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    const error = event.type === 'updated' && event.action.type === 'error' && event.action.error;
    const current = getSnapshot();
    if (!isBookingsApiError(error) || !current) return;
    const { baseUrl } = current.client;
    if (!startsWithKey(event.query.queryKey, bookingsKeys.scope(baseUrl, current.identity))) return;
    // A user who is not connected yet answers 404: an expected state, shown by the UI, not an error.
    if (error.kind === 'not_found' && error.endpoint === 'user') return;
    report(error);
  });
}

/** A new token reaches the host; the user query learns of a Cal.com user the token just created. */
export function tokenRefreshed(
  options: BookingsSessionOptions,
  baseUrl: string,
  identity: string,
  token: CalToken,
): void {
  if (token.integrationStatus === 'created') {
    // The initial integration just created the Cal.com user: the user query's 404 is stale, and
    // so is a user request still in flight (reset drops it; invalidate would join it).
    void options.queryClient.resetQueries({ queryKey: bookingsKeys.user(baseUrl, identity) });
  }
  options.onTokenRefreshed?.(token);
}
