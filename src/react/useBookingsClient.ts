'use client';

import type { BookingsClient } from '../client/types.js';
import type { RegisteredCalConfig, RegisteredCalUser } from '../session/register.js';
import { useBookingsContext } from './BookingsContext.js';

/** The session's `BookingsClient` (its `identity` scopes the `…QueryOptions` factories' keys). */
export function useBookingsClient<
  TConfig = RegisteredCalConfig,
  TUser = RegisteredCalUser,
>(): BookingsClient<TConfig, TUser> {
  return useBookingsContext('useBookingsClient').client as BookingsClient<TConfig, TUser>;
}
