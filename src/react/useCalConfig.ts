'use client';

import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import type { BookingsClient } from '../client/types.js';
import { useBookingsContext } from './BookingsContext.js';
import { type BookingsQueryScope, calConfigQueryOptions } from './calConfigQueryOptions.js';
import type { RegisteredCalConfig } from './register.js';

/** TanStack Query options a caller may set on the config and user hooks (not the key or fetcher). */
export type BookingsQueryHookOptions<TQueryData, TData = TQueryData> = Omit<
  UseQueryOptions<TQueryData, BookingsApiError, TData>,
  'queryKey' | 'queryFn'
>;

/**
 * The shared body of `useCalConfig` and `useCalUser`: the factory's query in the provider's scope and
 * QueryClient, disabled while the provider is (or the caller asks).
 */
export function useBookingsQuery<TQueryData, TData>(
  hookName: string,
  factory: (
    client: BookingsClient<unknown, unknown>,
    scope: BookingsQueryScope,
  ) => { queryKey: readonly unknown[] },
  options: BookingsQueryHookOptions<TQueryData, TData>,
): UseQueryResult<TData, BookingsApiError> {
  const { client, identity, enabled, queryClient } = useBookingsContext(hookName);
  return useQuery(
    {
      ...factory(client, { identity }),
      ...options,
      enabled: enabled && options.enabled !== false,
    } as UseQueryOptions<TQueryData, BookingsApiError, TData>,
    queryClient,
  );
}

/**
 * The Cal.com configuration for the frontend, cached per identity. Fetches nothing while the provider
 * is disabled or nobody is signed in.
 */
export function useCalConfig<TConfig = RegisteredCalConfig, TData = TConfig>(
  options: BookingsQueryHookOptions<TConfig, TData> = {},
): UseQueryResult<TData, BookingsApiError> {
  return useBookingsQuery('useCalConfig', calConfigQueryOptions, options);
}
