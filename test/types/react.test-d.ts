import { QueryClient, type UseQueryResult } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type BookingsApiError,
  type CalConfig,
  type CalToken,
  type CalTokenState,
  type CalTokenSummary,
  type CalUser,
  calConfigQueryOptions,
  calUserQueryOptions,
  createBookingsClient,
  useCalAccessToken,
  useCalConfig,
  useCalToken,
  useCalUser,
  useRefreshCalToken,
} from '../../src/index.js';

describe('hook types', () => {
  // Type-level only: these functions are checked by tsc, never called.
  it('useCalUser and useCalConfig are TanStack results with BookingsApiError', () => {
    const check = () => {
      expectTypeOf(useCalUser()).toEqualTypeOf<UseQueryResult<CalUser, BookingsApiError>>();
      expectTypeOf(useCalConfig()).toEqualTypeOf<UseQueryResult<CalConfig, BookingsApiError>>();
    };
    expectTypeOf(check).toBeFunction();
  });

  it('select narrows the data type, and the key and fetcher belong to the hook', () => {
    const check = () => {
      const email = useCalUser({ select: (user) => user.email });
      expectTypeOf(email.data).toEqualTypeOf<string | undefined>();
      // @ts-expect-error queryKey is owned by the hook
      useCalUser({ queryKey: ['x'] });
    };
    expectTypeOf(check).toBeFunction();
  });

  it('useCalToken returns the token state', () => {
    expectTypeOf(useCalToken).returns.toEqualTypeOf<CalTokenState>();
    expectTypeOf<CalTokenState['status']>().toEqualTypeOf<
      'idle' | 'loading' | 'ready' | 'refreshing' | 'error' | 'unauthorized'
    >();
    expectTypeOf<CalTokenState['token']>().toEqualTypeOf<CalToken | null>();
  });

  it('useCalAccessToken and useRefreshCalToken', () => {
    expectTypeOf(useCalAccessToken).returns.toEqualTypeOf<{
      getAccessToken: () => Promise<string>;
    }>();
    expectTypeOf(useRefreshCalToken).returns.toHaveProperty('mutateAsync');
    expectTypeOf<
      Awaited<ReturnType<ReturnType<typeof useRefreshCalToken>['mutateAsync']>>
    >().toEqualTypeOf<CalTokenSummary>();
  });
});

describe('query options factories', () => {
  it('give typed cache reads', () => {
    const client = createBookingsClient({ baseUrl: 'https://api.test' });
    const queryClient = new QueryClient();
    const user = queryClient.getQueryData(calUserQueryOptions(client).queryKey);
    expectTypeOf(user).toEqualTypeOf<CalUser | undefined>();
    const config = queryClient.getQueryData(calConfigQueryOptions(client).queryKey);
    expectTypeOf(config).toEqualTypeOf<CalConfig | undefined>();
  });
});
