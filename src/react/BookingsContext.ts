'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { BookingsSession, BookingsSessionSnapshot } from '../session/types.js';

/** Holds the provider's session: one stable object for the provider's whole life. */
export const BookingsContext = createContext<BookingsSession | null>(null);
BookingsContext.displayName = 'BookingsContext';

/** The provider's session, or an error that names the hook and the missing provider. */
export function useSessionFrom(hookName: string): BookingsSession {
  const session = useContext(BookingsContext);
  if (!session) throw new Error(`${hookName} must be used inside <BookingsProvider>`);
  return session;
}

/** The session's current client, token manager, identity and `enabled`; re-renders when they change. */
export function useBookingsContext(
  hookName: string,
): BookingsSessionSnapshot & { session: BookingsSession } {
  const session = useSessionFrom(hookName);
  const snapshot = useSyncExternalStore(
    session.subscribe,
    session.getSnapshot,
    session.getSnapshot,
  );
  return { ...snapshot, session };
}

/** The provider's framework-free session: for `getAccessToken()`, `refreshToken()` or its snapshot. */
export function useBookingsSession(): BookingsSession {
  return useSessionFrom('useBookingsSession');
}
