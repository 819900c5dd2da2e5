import { QueryClient } from '@tanstack/react-query';
import { type RenderOptions, render } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { BookingsProvider, type BookingsProviderProps } from '../../src/index.js';
import { type FakeApi, fakeJwt } from './fakeBookingsApi.js';

export interface RenderWithProvidersOptions extends Omit<RenderOptions, 'wrapper'> {
  /** Provider props; `baseUrl` defaults to https://api.test. */
  provider?: Partial<BookingsProviderProps>;
  /** Wrap in StrictMode, as host apps do in development. @default true */
  strict?: boolean;
  queryClient?: QueryClient;
}

/** Renders UI inside a BookingsProvider with a fresh QueryClient and StrictMode, per test. */
export function renderWithProviders(ui: ReactNode, options: RenderWithProvidersOptions = {}) {
  const {
    provider = {},
    strict = true,
    queryClient = new QueryClient(),
    ...renderOptions
  } = options;
  const tree = (children: ReactNode, props: Partial<BookingsProviderProps>) => {
    const inner = (
      // credentials: fetch's own default, said outright (no "no credential" warning per render).
      <BookingsProvider
        baseUrl="https://api.test"
        queryClient={queryClient}
        credentials="same-origin"
        {...props}
      >
        {children}
      </BookingsProvider>
    );
    return strict ? <StrictMode>{inner}</StrictMode> : inner;
  };
  const result = render(tree(ui, provider), renderOptions);
  return {
    ...result,
    queryClient,
    /** Re-renders with new provider props (merged over the first ones). */
    rerenderProvider(next: Partial<BookingsProviderProps>, nextUi: ReactNode = ui) {
      result.rerender(tree(nextUi, { ...provider, ...next }));
    },
  };
}

/** `renderWithProviders` signed in as alice against the fake bookings API; `provider` adds props. */
export function renderAsAlice(
  ui: ReactNode,
  api: FakeApi,
  provider: Partial<BookingsProviderProps> = {},
) {
  return renderWithProviders(ui, {
    provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), ...provider },
  });
}
