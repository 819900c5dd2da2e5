'use client';

import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import type { BookingsClient } from '../client/types.js';
import { useBookingsContext } from './BookingsContext.js';
import { calConfigQueryOptions } from './calConfigQueryOptions.js';
import type { RegisteredCalConfig } from './register.js';

/** TanStack Query options a caller may set on the config and user hooks (not the key or fetcher). */
export type BookingsQueryHookOptions<TQueryData, TData = TQueryData> = Omit<
  UseQueryOptions<TQueryData, BookingsApiError, TData>,
  'queryKey' | 'queryFn'
>;

/**
 * The Cal.com configuration for the frontend, cached per identity. Fetches nothing while the provider
 * is disabled or nobody is signed in.
 */
export function useCalConfig<TConfig = RegisteredCalConfig, TData = TConfig>(
  options: BookingsQueryHookOptions<TConfig, TData> = {},
): UseQueryResult<TData, BookingsApiError> {
  const { client, identity, enabled, queryClient } = useBookingsContext('useCalConfig');
  return useQuery(
    {
      ...calConfigQueryOptions(client as BookingsClient<TConfig, unknown>, { identity }),
      ...options,
      enabled: enabled && options.enabled !== false,
    } as UseQueryOptions<TConfig, BookingsApiError, TData>,
    queryClient,
  );
}
