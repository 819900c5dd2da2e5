'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import { calUserQueryOptions } from '../session/queryOptions.js';
import type { RegisteredCalUser } from '../session/register.js';
import { type BookingsQueryHookOptions, useBookingsQuery } from './useCalConfig.js';

/**
 * The signed-in user's Cal.com details. Before the initial integration the query settles in `error`
 * with `error.kind === 'not_found'` (not retried, not sent to `onError`); the session refetches it
 * once the token call creates the Cal.com user.
 */
export function useCalUser<TUser = RegisteredCalUser, TData = TUser>(
  options: BookingsQueryHookOptions<TUser, TData> = {},
): UseQueryResult<TData, BookingsApiError> {
  return useBookingsQuery('useCalUser', (client) => calUserQueryOptions(client), options);
}
