'use client';

import {
  focusManager,
  onlineManager,
  QueryClient,
  QueryClientContext,
  QueryClientProvider,
} from '@tanstack/react-query';
import { type ReactNode, useContext, useEffect, useState } from 'react';
import { createBookingsSession } from '../session/createBookingsSession.js';
import type { BookingsSessionOptions } from '../session/types.js';
import { BookingsContext } from './BookingsContext.js';

export interface BookingsProviderProps
  extends Omit<
    BookingsSessionOptions,
    'queryClient' | 'focus' | 'online' | 'clearQueryClientOnUnmount'
  > {
  /**
   * The QueryClient to cache in. Unless it is the nearest QueryClientProvider's, the provider also
   * provides it to its children (`useQueryClient()`, `HydrationBoundary`).
   * @default the nearest QueryClientProvider's, else a private one
   */
  queryClient?: QueryClient;
  /** The part of the app whose hooks and components use this session. */
  children?: ReactNode;
}

/**
 * Makes the AISquare bookings API available to every hook and component below it, and keeps a Cal.com
 * access token fresh while mounted. A thin shell, like TanStack's `QueryClientProvider`: it creates one
 * session, passes it the props on every render, mounts it in an effect and provides it.
 */
export function BookingsProvider({
  children,
  queryClient: queryClientProp,
  ...props
}: BookingsProviderProps): ReactNode {
  const inherited = useContext(QueryClientContext);
  // Created once even when unused: a QueryClient does nothing until it is mounted.
  const [privateQueryClient] = useState(() => new QueryClient());
  const queryClient = queryClientProp ?? inherited ?? privateQueryClient;
  const options: BookingsSessionOptions = {
    ...props,
    queryClient,
    // Host overrides of TanStack's focus and online detection (React Native, tests) apply to the token.
    focus: focusManager,
    online: onlineManager,
    clearQueryClientOnUnmount: queryClient === privateQueryClient,
  };
  const [session] = useState(() => createBookingsSession(options));
  session.setOptions(options);
  useEffect(() => session.mount(), [session]);

  const tree = <BookingsContext.Provider value={session}>{children}</BookingsContext.Provider>;
  // The subtree sees the client the hooks cache in: TanStack's HydrationBoundary and the host's
  // useQueryClient() find it too, also when it came as a prop without a QueryClientProvider.
  return queryClient === inherited ? (
    tree
  ) : (
    <QueryClientProvider client={queryClient}>{tree}</QueryClientProvider>
  );
}
