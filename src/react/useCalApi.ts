'use client';

import { type UseQueryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { CalApiError } from '../calapi/errors.js';
import type { CalApi } from '../calapi/types.js';
import type { BookingsApiError } from '../client/errors.js';
import type { CalQueryOptions } from '../session/calApiQueryOptions.js';
import { getCalApi } from '../session/getCalApi.js';
import type { BookingsSession } from '../session/types.js';
import { isBookingsVisitor } from '../session/visitor.js';
import { useBookingsContext } from './BookingsContext.js';

/**
 * What a Cal.com hook can fail with: Cal.com's answer (`CalApiError`), or the AISquare token request
 * behind it (`BookingsApiError`, e.g. `unauthorized` when the AISquare session ended). Tell them apart
 * with `error.name` or `isCalApiError`.
 */
export type CalQueryError = CalApiError | BookingsApiError;

/** TanStack Query options a caller may set on a Cal.com query hook (not the key or fetcher). */
export type CalQueryHookOptions<TQueryData, TData = TQueryData> = Omit<
  UseQueryOptions<TQueryData, CalQueryError, TData>,
  'queryKey' | 'queryFn'
>;

/**
 * Cal.com API v2 as the signed-in user, on the provider's managed token: `calApi.me()`,
 * `calApi.slots(...)`, `calApi.fetch('/v2/...')` and so on. A new object when the identity changes.
 */
export function useCalApi(): CalApi {
  // The context re-renders this hook when the session's token manager (so the identity) changes.
  return getCalApi(useBookingsContext('useCalApi').session);
}

/**
 * The shared body of the Cal.com query hooks: the factory's query for the session's current snapshot,
 * disabled while the session is (signed out, `enabled={false}`) or the caller says so. An `open` query
 * (one Cal.com serves to anyone) also runs for a visitor: enabled, nobody signed in.
 */
export function useCalQuery<TQueryData, TData>(
  hookName: string,
  factory: (session: BookingsSession) => CalQueryOptions<TQueryData>,
  options: CalQueryHookOptions<TQueryData, TData>,
  ready = true,
  keepPrevious?: (previousParams: unknown, params: unknown) => boolean,
  open?: boolean,
): UseQueryResult<TData, CalQueryError> {
  const { session, enabled } = useBookingsContext(hookName);
  const query = factory(session);
  const key = query.queryKey;
  const last = key.length - 1;
  return useQuery(
    {
      // The previous page or range stays on screen while the next loads, but only from the same
      // identity and the same list: never another user's data, never another event type's slots.
      placeholderData: keepPrevious
        ? (data: unknown, previous?: { queryKey: readonly unknown[] }) =>
            previous &&
            key.slice(0, last).every((part, index) => previous.queryKey[index] === part) &&
            keepPrevious(previous.queryKey[last], key[last])
              ? data
              : undefined
        : undefined,
      ...query,
      ...options,
      enabled:
        (enabled || (!!open && isBookingsVisitor(session))) && ready && options.enabled !== false,
    } as UseQueryOptions<TQueryData, CalQueryError, TData>,
    session.queryClient,
  );
}
