'use client';

import { useBookingsContext } from './BookingsContext.js';

/**
 * Whether the flow's Cal.com requests carry someone's token: the host's say (`signedIn`), else the
 * session is enabled and has a credential (a JWT, a token getter or a cookie session), not a
 * visitor's (`jwt={null}`). The one place the booking flow decides "visitor or not" (for
 * `bookingRequiresAuthentication`).
 */
export function useCalSignedIn(signedIn: boolean | undefined): boolean {
  const { enabled } = useBookingsContext('useCalBookingFlow');
  return signedIn ?? enabled;
}
