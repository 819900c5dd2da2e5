'use client';

import { useBookingsContext } from './BookingsContext.js';

/** The identity the session scopes its cache by (the `identity` prop, the JWT's `sub`, or 'anonymous'). */
export function useBookingsIdentity(): string {
  return useBookingsContext('useBookingsIdentity').identity;
}
