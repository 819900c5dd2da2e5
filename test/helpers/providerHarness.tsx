import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { BookingsProvider, type BookingsProviderProps } from '../../src/index.js';
import { AISQUARE } from './calWorld.js';

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
