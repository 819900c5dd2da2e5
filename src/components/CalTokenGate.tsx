'use client';

import type { ReactNode } from 'react';
import { useCalToken } from '../react/useCalToken.js';
import type { CalToken } from '../token/types.js';

export interface CalTokenGateProps {
  /**
   * What to render while a usable token exists: nodes, or a function given the token (e.g. to pass
   * `token.accessToken` to a Cal.com embed). Re-rendered with each new token.
   */
  children: ReactNode | ((token: CalToken) => ReactNode);
  /**
   * What to render otherwise (idle, loading, error, unauthorized), e.g. a `CalTokenStatus`.
   * @default null
   */
  fallback?: ReactNode;
}

/**
 * Renders `children` only while the Cal.com token is usable (`ready`, or `refreshing` with the
 * previous token still valid), and `fallback` otherwise. Renders no element of its own.
 */
export function CalTokenGate({ children, fallback = null }: CalTokenGateProps): ReactNode {
  const { status, token } = useCalToken();
  if (token === null || (status !== 'ready' && status !== 'refreshing')) return <>{fallback}</>;
  return <>{typeof children === 'function' ? children(token) : children}</>;
}
