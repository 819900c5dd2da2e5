'use client';

import { useSyncExternalStore } from 'react';
import type { CalTokenState } from '../token/types.js';
import { useBookingsContext } from './BookingsContext.js';

/**
 * The Cal.com token's live state: `{ status, token, error, nextRefreshAt }`. Only components that call
 * this re-render when the token changes.
 */
export function useCalToken(): CalTokenState {
  const { tokenManager } = useBookingsContext('useCalToken');
  return useSyncExternalStore(tokenManager.subscribe, tokenManager.getState, tokenManager.getState);
}
