'use client';

import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import { bookingsKeys } from '../session/keys.js';
import type { CalTokenSummary } from '../session/types.js';
import { useBookingsContext } from './BookingsContext.js';
import { useScopedMutation } from './useScopedMutation.js';

/**
 * A mutation that forces a token refresh, or performs the initial integration for a first-time user
 * (`data.integrationStatus === 'created'`). Joins a refresh already in flight. Its data is a summary
 * (`expiresAt`, `integrationStatus`): the token itself never enters the QueryClient; read it with
 * `useCalToken`.
 */
export function useRefreshCalToken(): UseMutationResult<CalTokenSummary, BookingsApiError, void> {
  const { session, client, identity } = useBookingsContext('useRefreshCalToken');
  const mutation = useMutation<CalTokenSummary, BookingsApiError, void>(
    {
      mutationKey: bookingsKeys.refreshToken(client.baseUrl, identity),
      mutationFn: () => session.refreshToken(),
      retry: false,
    },
    session.queryClient,
  );
  // Another user signed in: what this mutation said was about the previous one.
  return useScopedMutation(mutation, identity);
}
