'use client';

import { useCallback } from 'react';
import { useBookingsContext } from './BookingsContext.js';

export interface UseCalAccessTokenResult {
  /** Resolves to a fresh Cal.com access token; concurrent calls share one request. */
  getAccessToken: () => Promise<string>;
}

/**
 * A stable function that resolves to a fresh access token, for calling Cal.com from event handlers
 * without re-rendering on every refresh.
 */
export function useCalAccessToken(): UseCalAccessTokenResult {
  const { tokenManager } = useBookingsContext('useCalAccessToken');
  const getAccessToken = useCallback(() => tokenManager.getAccessToken(), [tokenManager]);
  return { getAccessToken };
}
