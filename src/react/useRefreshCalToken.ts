'use client';

import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import type { CalToken } from '../token/types.js';
import { useBookingsContext } from './BookingsContext.js';

/**
 * A mutation that forces a token refresh, or performs the initial integration for a first-time user
 * (`data.integrationStatus === 'created'`). Joins a refresh already in flight.
 */
export function useRefreshCalToken(): UseMutationResult<CalToken, BookingsApiError, void> {
  const { tokenManager, queryClient } = useBookingsContext('useRefreshCalToken');
  return useMutation<CalToken, BookingsApiError, void>(
    { mutationFn: () => tokenManager.getToken({ forceRefresh: true }), retry: false },
    queryClient,
  );
}
