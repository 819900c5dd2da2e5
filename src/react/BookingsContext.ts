import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { BookingsClient } from '../client/types.js';
import type { CalTokenManager } from '../token/types.js';

export interface BookingsContextValue {
  client: BookingsClient<unknown, unknown>;
  tokenManager: CalTokenManager;
  queryClient: QueryClient;
  /** Who is signed in; scopes every query key. */
  identity: string;
  /** False when the provider is disabled or nobody is signed in: hooks then fetch nothing. */
  enabled: boolean;
}

export const BookingsContext = createContext<BookingsContextValue | null>(null);
BookingsContext.displayName = 'BookingsContext';

/** Reads the provider's context, or says which provider is missing and which hook needed it. */
export function useBookingsContext(hookName: string): BookingsContextValue {
  const value = useContext(BookingsContext);
  if (!value) throw new Error(`${hookName} must be used inside <BookingsProvider>`);
  return value;
}
