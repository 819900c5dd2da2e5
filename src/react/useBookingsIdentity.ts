'use client';

import { useBookingsContext } from './BookingsContext.js';

/**
 * The identity the provider scopes its cache by (the `identity` prop, the JWT's `sub`, or
 * 'anonymous'), for building the same keys with `calUserQueryOptions(client, { identity })`.
 */
export function useBookingsIdentity(): string {
  return useBookingsContext('useBookingsIdentity').identity;
}
