'use client';

import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import type { BookingsClient } from '../client/types.js';
import { useBookingsContext } from './BookingsContext.js';
import { calUserQueryOptions } from './calUserQueryOptions.js';
import type { RegisteredCalUser } from './register.js';
import type { BookingsQueryHookOptions } from './useCalConfig.js';

/**
 * The signed-in user's Cal.com details. Before the initial integration the query settles in `error`
 * with `error.kind === 'not_found'` (not retried); the provider refetches it once the token call
 * creates the Cal.com user.
 */
export function useCalUser<TUser = RegisteredCalUser, TData = TUser>(
  options: BookingsQueryHookOptions<TUser, TData> = {},
): UseQueryResult<TData, BookingsApiError> {
  const { client, identity, enabled, queryClient } = useBookingsContext('useCalUser');
  return useQuery(
    {
      ...calUserQueryOptions(client as BookingsClient<unknown, TUser>, { identity }),
      ...options,
      enabled: enabled && options.enabled !== false,
    } as UseQueryOptions<TUser, BookingsApiError, TData>,
    queryClient,
  );
}
