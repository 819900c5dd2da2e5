import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { BookingsProvider, type BookingsProviderProps } from '../../src/index.js';
import { AISQUARE, CAL } from './calWorld.js';
import { fakeJwt } from './fakeBookingsApi.js';

/**
 * A StrictMode provider wrapper for `renderHook` whose props can change between renders: `set(...)`
 * then `rerender()`. Each harness has its own QueryClient.
 */
export function providerHarness(
  props: Partial<BookingsProviderProps>,
  queryClient = new QueryClient(),
) {
  let current = props;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <BookingsProvider baseUrl={AISQUARE} queryClient={queryClient} {...current}>
        {children}
      </BookingsProvider>
    </StrictMode>
  );
  return {
    wrapper,
    queryClient,
    set(next: Partial<BookingsProviderProps>) {
      current = { ...current, ...next };
    },
  };
}

/** `providerHarness` with alice signed in, Cal.com at the test origin, calls through `fetch`. */
export function aliceHarness(fetch: typeof globalThis.fetch, queryClient?: QueryClient) {
  return providerHarness({ jwt: fakeJwt('alice'), fetch, calApiUrl: CAL }, queryClient);
}
