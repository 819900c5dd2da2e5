import type { BookingsSession } from './types.js';

/**
 * Whether the session serves a visitor: it is enabled and nobody is signed in (`jwt={null}`, or a
 * `getAuthToken` that returned null). A visitor's Cal.com calls go without a token to `calApiUrl`
 * (else Cal.com's), only where Cal.com serves anyone, and nothing is asked of AISquare.
 */
export function isBookingsVisitor(session: BookingsSession): boolean {
  // The snapshot is disabled when the option is off or nobody is signed in; the option tells which.
  return !session.getSnapshot().enabled && session.getOptions().enabled !== false;
}
