'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { BookingsApiError } from '../client/errors.js';
import { calUserQueryOptions } from './calUserQueryOptions.js';
import type { RegisteredCalUser } from './register.js';
import { type BookingsQueryHookOptions, useBookingsQuery } from './useCalConfig.js';

/**
 * The signed-in user's Cal.com details. Before the initial integration the query settles in `error`
 * with `error.kind === 'not_found'` (not retried); the provider refetches it once the token call
 * creates the Cal.com user.
 */
export function useCalUser<TUser = RegisteredCalUser, TData = TUser>(
  options: BookingsQueryHookOptions<TUser, TData> = {},
): UseQueryResult<TData, BookingsApiError> {
  return useBookingsQuery('useCalUser', calUserQueryOptions, options);
}
