'use client';

import { useCallback } from 'react';
import { useSessionFrom } from './BookingsContext.js';

export interface UseCalAccessTokenResult {
  /** Resolves to a fresh Cal.com access token; concurrent calls share one request. */
  getAccessToken: () => Promise<string>;
}

/**
 * A stable function that resolves to a fresh access token, for calling Cal.com from event handlers
 * without re-rendering on every refresh. It always asks the current identity's token manager.
 */
export function useCalAccessToken(): UseCalAccessTokenResult {
  const session = useSessionFrom('useCalAccessToken');
  const getAccessToken = useCallback(() => session.getAccessToken(), [session]);
  return { getAccessToken };
}
