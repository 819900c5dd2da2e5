'use client';

import { ANONYMOUS_IDENTITY } from '../client/jwtSubject.js';
import { useBookingsIdentity } from './useBookingsIdentity.js';

/**
 * Whether someone is signed in, so that the flow's Cal.com requests carry their token: the provider's
 * identity is a person's, not `'anonymous'` (no `jwt`, no `identity`). The one place the booking flow
 * decides "visitor or not" (for `bookingRequiresAuthentication`).
 */
export function useCalSignedIn(): boolean {
  return useBookingsIdentity() !== ANONYMOUS_IDENTITY;
}
