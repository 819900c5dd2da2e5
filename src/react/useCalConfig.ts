'use client';

import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import type { BookingsClient } from '../client/types.js';
import { calConfigQueryOptions } from '../session/queryOptions.js';
import type { RegisteredCalConfig } from '../session/register.js';
import { useBookingsContext } from './BookingsContext.js';

/** TanStack Query options a caller may set on the config and user hooks (not the key or fetcher). */
export type BookingsQueryHookOptions<TQueryData, TData = TQueryData> = Omit<
  UseQueryOptions<TQueryData, BookingsApiError, TData>,
  'queryKey' | 'queryFn'
>;

/**
 * The shared body of `useCalConfig` and `useCalUser`: the factory's query for the session's client
 * (whose identity scopes the key) in its QueryClient, disabled while the session is.
 */
export function useBookingsQuery<TQueryData, TData>(
  hookName: string,
  factory: (client: BookingsClient<unknown, unknown>) => { queryKey: readonly unknown[] },
  options: BookingsQueryHookOptions<TQueryData, TData>,
): UseQueryResult<TData, BookingsApiError> {
  const { client, enabled, session } = useBookingsContext(hookName);
  return useQuery(
    {
      ...factory(client),
      ...options,
      enabled: enabled && options.enabled !== false,
    } as UseQueryOptions<TQueryData, BookingsApiError, TData>,
    session.queryClient,
  );
}

/**
 * The Cal.com configuration for the frontend, cached per identity. Fetches nothing while the provider
 * is disabled or nobody is signed in.
 */
export function useCalConfig<TConfig = RegisteredCalConfig, TData = TConfig>(
  options: BookingsQueryHookOptions<TConfig, TData> = {},
): UseQueryResult<TData, BookingsApiError> {
  return useBookingsQuery('useCalConfig', (client) => calConfigQueryOptions(client), options);
}
