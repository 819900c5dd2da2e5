'use client';

import type { BookingsClient } from '../client/types.js';
import { useBookingsContext } from './BookingsContext.js';
import type { RegisteredCalConfig, RegisteredCalUser } from './register.js';

/** The provider's `BookingsClient`, for `queryOptions` factories and direct calls. */
export function useBookingsClient<
  TConfig = RegisteredCalConfig,
  TUser = RegisteredCalUser,
>(): BookingsClient<TConfig, TUser> {
  return useBookingsContext('useBookingsClient').client as BookingsClient<TConfig, TUser>;
}
