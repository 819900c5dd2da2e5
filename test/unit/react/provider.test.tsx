import {
  dehydrate,
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode, useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookingsKeys, calConfigQueryOptions } from '../../../src/core.js';
import {
  BookingsProvider,
  useBookingsClient,
  useCalAccessToken,
  useCalConfig,
  useCalToken,
  useCalUser,
  useRefreshCalToken,
} from '../../../src/index.js';
import { createFakeApi, fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { TokenStatus, UserEmail } from '../../helpers/probes.js';
import { renderWithProviders } from '../../helpers/renderWithProviders.js';

afterEach(() => {
  vi.useRealTimers();
});

function ConfigId() {
  const config = useCalConfig();
  return <p data-testid="config">{config.data?.cal_client_id ?? 'pending'}</p>;
}

describe('hooks outside the provider', () => {
  it.each([
    ['useCalConfig', useCalConfig],
    ['useCalUser', useCalUser],
    ['useCalToken', useCalToken],
    ['useCalAccessToken', useCalAccessToken],
    ['useRefreshCalToken', useRefreshCalToken],
    ['useBookingsClient', useBookingsClient],
  ] as const)('%s throws an error naming BookingsProvider', (name, hook) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => hook())).toThrow(
      new RegExp(`${name} must be used inside <BookingsProvider>`),
    );
  });
});

describe('BookingsProvider', () => {
  it('StrictMode mount makes exactly one token request', async () => {
    const api = createFakeApi();
    renderWithProviders(<TokenStatus />, {
      provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice') },
    });
    await screen.findByText('ready:existing');
    expect(api.counts.token).toBe(1);
  });

  it('20 components on each hook make one request per endpoint', async () => {
    const api = createFakeApi();
    const many = Array.from({ length: 20 }, (_, i) => i);
    renderWithProviders(
      many.map((i) => (
        <div key={i}>
          <TokenStatus />
          <UserEmail />
          <ConfigId />
        </div>
      )),
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice') } },
    );
    await waitFor(() => expect(screen.getAllByText('alice@example.com')).toHaveLength(20));
    await waitFor(() => expect(screen.getAllByText('cal-client-1')).toHaveLength(20));
    await waitFor(() => expect(screen.getAllByText('ready:existing')).toHaveLength(20));
    expect(api.counts).toEqual({ config: 1, token: 1, user: 1 });
  });

  it('new inline getAuthToken, fetch and endpoints on every render do not refetch or recreate the client', async () => {
    const api = createFakeApi();
    const clients = new Set<unknown>();
    function ClientProbe() {
      clients.add(useBookingsClient());
      return null;
    }
    const view = renderWithProviders(
      <>
        <UserEmail />
        <ClientProbe />
      </>,
      {
        provider: {
          fetch: (input, init) => api.fetch(input, init),
          getAuthToken: () => fakeJwt('alice'),
          endpoints: {},
        },
      },
    );
    await screen.findByText('alice@example.com');
    for (let i = 0; i < 5; i += 1) {
      view.rerenderProvider({
        fetch: (input, init) => api.fetch(input, init),
        getAuthToken: () => fakeJwt('alice'),
        endpoints: {},
      });
    }
    await act(async () => {});
    expect(api.counts.user).toBe(1);
    expect(api.counts.token).toBe(1);
    expect(clients.size).toBe(1);
  });

  it('sends the JWT from the latest getAuthToken', async () => {
    const api = createFakeApi();
    const view = renderWithProviders(<UserEmail />, {
      provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), identity: 'same' },
    });
    await screen.findByText('alice@example.com');
    const newer = fakeJwt('alice2');
    view.rerenderProvider({ getAuthToken: () => newer });
    await act(async () => {
      await view.queryClient.refetchQueries();
    });
    expect(api.authHeaders.at(-1)).toBe(`Bearer ${newer}`);
  });

  it('enabled={false} makes no request until it turns true', async () => {
    const api = createFakeApi();
    const view = renderWithProviders(
      <>
        <TokenStatus />
        <UserEmail />
        <ConfigId />
      </>,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), enabled: false } },
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(api.counts).toEqual({ config: 0, token: 0, user: 0 });
    expect(screen.getByTestId('token')).toHaveTextContent('idle:none');
    view.rerenderProvider({ enabled: true });
    await screen.findByText('ready:existing');
    await screen.findByText('alice@example.com');
    expect(api.counts).toEqual({ config: 1, token: 1, user: 1 });
  });

  it('a signed-out getAuthToken (null) makes no request', async () => {
    const api = createFakeApi();
    renderWithProviders(
      <>
        <TokenStatus />
        <UserEmail />
      </>,
      { provider: { fetch: api.fetch, getAuthToken: () => null } },
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(api.counts).toEqual({ config: 0, token: 0, user: 0 });
    expect(screen.getByTestId('token')).toHaveTextContent('idle:none');
  });

  it('does not retry a 404 user and refetches it after the initial integration', async () => {
    const api = createFakeApi({ integrated: false });
    function Connect() {
      const refresh = useRefreshCalToken();
      return (
        <button type="button" onClick={() => refresh.mutate()}>
          connect:{refresh.data?.integrationStatus ?? 'none'}
        </button>
      );
    }
    renderWithProviders(
      <>
        <UserEmail />
        <Connect />
      </>,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), autoConnect: false } },
    );
    await screen.findByText('error:not_found');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    expect(api.counts.user).toBe(1);
    expect(api.counts.token).toBe(0);
    act(() => screen.getByRole('button').click());
    await screen.findByText('connect:created');
    await screen.findByText('alice@example.com');
    expect(api.counts.user).toBe(2);
    expect(api.counts.token).toBe(1);
  });

  it('does not keep a 404 user that was answered before the integration but arrived after it', async () => {
    // autoConnect: the user query and the first token call start together. Here the server answers
    // the user request first (404: no Cal.com user yet) but that answer reaches the page only after
    // the token call created the user, so the provider's refetch must not join the stale request.
    const api = createFakeApi({ integrated: false });
    let releaseFirstUser: () => void = () => {};
    const firstUserHeld = new Promise<void>((resolve) => {
      releaseFirstUser = resolve;
    });
    let userCalls = 0;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/user/') || ++userCalls > 1) return api.fetch(input, init);
      const stale = await api.fetch(input, init);
      await firstUserHeld;
      return stale;
    };
    const onTokenRefreshed = vi.fn(() => releaseFirstUser());
    renderWithProviders(
      <>
        <UserEmail />
        <TokenStatus />
      </>,
      { provider: { fetch, getAuthToken: () => fakeJwt('alice'), onTokenRefreshed } },
    );
    await screen.findByText('ready:created');
    await screen.findByText('alice@example.com');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.getByTestId('user')).toHaveTextContent('alice@example.com');
    expect(api.counts).toMatchObject({ token: 1, user: 2 });
  });

  it('calls onAuthError once and settles in unauthorized on a 401 token answer', async () => {
    const api = createFakeApi();
    api.failNext('token', 401, 10);
    const onAuthError = vi.fn();
    renderWithProviders(<TokenStatus />, {
      provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), onAuthError },
    });
    await screen.findByText('unauthorized:none');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    expect(api.counts.token).toBe(1);
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect(onAuthError.mock.calls[0]?.[0]).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('recovers from unauthorized when the same user signs in again with a new JWT', async () => {
    const api = createFakeApi();
    api.failNext('token', 401);
    api.failNext('user', 401);
    const onAuthError = vi.fn();
    const view = renderWithProviders(
      <>
        <TokenStatus />
        <UserEmail />
      </>,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), onAuthError } },
    );
    await screen.findByText('unauthorized:none');
    await screen.findByText('error:unauthorized');
    const renewed = `${fakeJwt('alice')}-renewed`;
    view.rerenderProvider({ getAuthToken: () => renewed });
    // The user query is retried at once; the token request waits out the 5 s gap after the 401.
    await screen.findByText('alice@example.com');
    await screen.findByText('ready:existing', {}, { timeout: 7_000 });
    expect(api.counts.token).toBe(2);
    expect(api.counts.user).toBe(2);
    expect(api.authHeaders.at(-1)).toBe(`Bearer ${renewed}`);
  });

  it('useCalAccessToken shares one request between 10 concurrent callers', async () => {
    const api = createFakeApi();
    const { result } = renderHook(() => useCalAccessToken(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <BookingsProvider
          baseUrl="https://api.test"
          fetch={api.fetch}
          getAuthToken={() => fakeJwt('alice')}
          autoConnect={false}
          queryClient={new QueryClient()}
        >
          {children}
        </BookingsProvider>
      ),
    });
    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => result.current.getAccessToken()),
    );
    expect(api.counts.token).toBe(1);
    expect(new Set(tokens)).toEqual(new Set([api.issued[0]]));
  });

  it('uses data prefetched with calConfigQueryOptions without another request', async () => {
    const api = createFakeApi();
    const queryClient = new QueryClient();
    const { createBookingsClient } = await import('../../../src/client/createBookingsClient.js');
    const client = createBookingsClient({
      baseUrl: 'https://api.test',
      fetch: api.fetch,
      getAuthToken: () => fakeJwt('alice'),
    });
    await queryClient.prefetchQuery(calConfigQueryOptions(client, { identity: 'alice' }));
    expect(api.counts.config).toBe(1);
    renderWithProviders(<ConfigId />, {
      queryClient,
      provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), autoConnect: false },
    });
    expect(screen.getByTestId('config')).toHaveTextContent('cal-client-1');
    expect(api.counts.config).toBe(1);
    expect(
      queryClient.getQueryData(calConfigQueryOptions(client, { identity: 'alice' }).queryKey)
        ?.cal_client_id,
    ).toBe('cal-client-1');
  });
});

describe('re-renders', () => {
  it('token refresh does not re-render config-only or user-only consumers', async () => {
    const api = createFakeApi();
    const renders = { config: 0, user: 0 };
    function ConfigOnly() {
      renders.config += 1;
      const config = useCalConfig();
      return <p>config:{config.data?.cal_client_id ?? 'pending'}</p>;
    }
    function UserOnly() {
      renders.user += 1;
      const user = useCalUser();
      return <p>user:{user.data?.email ?? 'pending'}</p>;
    }
    let refresh: (() => Promise<unknown>) | undefined;
    function Refresher() {
      const mutation = useRefreshCalToken();
      refresh = mutation.mutateAsync;
      return <TokenStatus />;
    }
    renderWithProviders(
      <>
        <ConfigOnly />
        <UserOnly />
        <Refresher />
      </>,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice') }, strict: false },
    );
    await screen.findByText('config:cal-client-1');
    await screen.findByText('user:alice@example.com');
    await screen.findByText('ready:existing');
    const before = { ...renders };
    // Two forced refreshes: token requests are at least 5 s apart, so each waits out the gap.
    for (let i = 0; i < 2; i += 1) {
      await act(async () => {
        await refresh?.();
      });
    }
    expect(api.counts.token).toBe(3);
    expect(renders).toEqual(before);
  }, 20_000);
});

describe('identity switch', () => {
  it('never renders the previous identity’s user or token', async () => {
    const api = createFakeApi();
    const seen: Array<{ expected: string; email: string | undefined; token: string | undefined }> =
      [];
    let current = 'alice';
    function Probe({ expected }: { expected: string }) {
      const user = useCalUser();
      const { token } = useCalToken();
      seen.push({ expected, email: user.data?.email, token: token?.accessToken });
      return <p data-testid="probe">{user.data?.email ?? 'pending'}</p>;
    }
    const view = renderWithProviders(<Probe expected="alice" />, {
      provider: { fetch: api.fetch, getAuthToken: () => fakeJwt(current) },
    });
    await screen.findByText('alice@example.com');
    await waitFor(() => expect(seen.at(-1)?.token).toContain('alice'));
    current = 'bob';
    view.rerenderProvider({ getAuthToken: () => fakeJwt('bob') }, <Probe expected="bob" />);
    await screen.findByText('bob@example.com');
    await waitFor(() => expect(seen.at(-1)?.token).toContain('bob'));
    const afterSwitch = seen.filter((entry) => entry.expected === 'bob');
    expect(afterSwitch.length).toBeGreaterThan(0);
    for (const entry of afterSwitch) {
      expect(entry.email ?? '').not.toContain('alice');
      expect(entry.token ?? '').not.toContain('alice');
    }
    expect(view.queryClient.getQueryData(bookingsKeys.user('https://api.test', 'alice'))).toBe(
      undefined,
    );
  });
});

describe('cleanup', () => {
  it('unmount aborts the in-flight request and leaves no timer or listener', async () => {
    vi.useFakeTimers();
    const api = createFakeApi({ latencyMs: 5_000 });
    const signals: AbortSignal[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return api.fetch(input, init);
    };
    const added = new Map<string, number>();
    const track = (target: EventTarget, label: string) => {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, opts) => {
        added.set(`${label}:${type}`, (added.get(`${label}:${type}`) ?? 0) + 1);
        add(type, listener, opts);
      });
      vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, opts) => {
        added.set(`${label}:${type}`, (added.get(`${label}:${type}`) ?? 0) - 1);
        remove(type, listener, opts);
      });
    };
    track(window, 'window');
    track(document, 'document');
    const view = renderWithProviders(<TokenStatus />, {
      provider: { fetch: fetchSpy, getAuthToken: () => fakeJwt('alice'), crossTab: false },
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(screen.getByTestId('token')).toHaveTextContent('loading:none');
    expect(signals.length).toBeGreaterThan(0);
    view.unmount();
    view.queryClient.clear();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    for (const [key, balance] of added) {
      if (key.startsWith('window:') || key.startsWith('document:visibilitychange')) {
        expect({ key, balance }).toEqual({ key, balance: 0 });
      }
    }
  });

  it('unmounting a provider with its own QueryClient leaves no cache timer behind', async () => {
    vi.useFakeTimers();
    const api = createFakeApi();
    const view = render(
      <StrictMode>
        <BookingsProvider
          baseUrl="https://api.test"
          fetch={api.fetch}
          getAuthToken={() => fakeJwt('alice')}
          crossTab={false}
        >
          <UserEmail />
          <ConfigId />
        </BookingsProvider>
      </StrictMode>,
    );
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(screen.getByTestId('user')).toHaveTextContent('alice@example.com');
    expect(screen.getByTestId('config')).toHaveTextContent('cal-client-1');
    view.unmount();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('mount → unmount → mount leaves exactly one refresh schedule', async () => {
    vi.useFakeTimers();
    const api = createFakeApi({ tokenTtlSeconds: 600 });
    const props = { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), crossTab: false };
    const first = renderWithProviders(<TokenStatus />, { provider: props });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(screen.getByTestId('token')).toHaveTextContent('ready:existing');
    first.unmount();
    first.queryClient.clear();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    const second = renderWithProviders(<TokenStatus />, { provider: props });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(screen.getByTestId('token')).toHaveTextContent('ready:existing');
    expect(api.counts.token).toBe(2);
    // Over two token lifetimes, one schedule refreshes about twice; a leaked one would double that.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_200_000);
    });
    expect(api.counts.token).toBeGreaterThanOrEqual(3);
    expect(api.counts.token).toBeLessThanOrEqual(5);
    second.unmount();
    second.queryClient.clear();
  });
});

describe('secrets', () => {
  it('the token never appears in query keys, storage, cookies or console output', async () => {
    const api = createFakeApi();
    const logged: unknown[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args) => {
        logged.push(...args);
      });
    }
    const view = renderWithProviders(
      <>
        <TokenStatus />
        <UserEmail />
        <ConfigId />
      </>,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice') } },
    );
    await screen.findByText('ready:existing');
    await screen.findByText('alice@example.com');
    const token = api.issued[0];
    expect(token).toBeTruthy();
    const keys = JSON.stringify(
      view.queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey),
    );
    expect(keys).not.toContain(token);
    expect(keys).not.toContain(fakeJwt('alice'));
    expect(JSON.stringify({ ...localStorage })).not.toContain(token);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(token);
    expect(document.cookie).not.toContain(token);
    expect(JSON.stringify(logged.map(String))).not.toContain(token);
  });
});

describe('StrictMode without a QueryClient', () => {
  it('creates a private QueryClient when none is given', async () => {
    const api = createFakeApi();
    function Counter() {
      const renders = useRef(0);
      renders.current += 1;
      return <ConfigId />;
    }
    render(
      <StrictMode>
        <BookingsProvider
          baseUrl="https://api.test"
          fetch={api.fetch}
          getAuthToken={() => fakeJwt('a')}
        >
          <Counter />
        </BookingsProvider>
      </StrictMode>,
    );
    await screen.findByText('cal-client-1');
    expect(api.counts.config).toBe(1);
  });
});

describe('the queryClient prop', () => {
  const props = {
    baseUrl: 'https://api.test',
    credentials: 'same-origin',
    crossTab: false,
  } as const;

  /** A host component that records each client its `useQueryClient()` finds. */
  function queryClientProbe() {
    const found: QueryClient[] = [];
    function Host() {
      found.push(useQueryClient());
      return null;
    }
    return { found, Host };
  }

  it("is the one the host's useQueryClient() finds below the provider, with no QueryClientProvider", () => {
    const queryClient = new QueryClient();
    const { found, Host } = queryClientProbe();
    render(
      <StrictMode>
        <BookingsProvider {...props} queryClient={queryClient} enabled={false}>
          <Host />
        </BookingsProvider>
      </StrictMode>,
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((client) => client === queryClient)).toBe(true);
  });

  it("TanStack's HydrationBoundary below the provider hydrates into it", async () => {
    const server = new QueryClient();
    server.setQueryData(['host', 'greeting'], 'hello from the server');
    const state = dehydrate(server);
    const queryClient = new QueryClient();
    function Greeting() {
      const { data } = useQuery({
        queryKey: ['host', 'greeting'],
        queryFn: () => 'fetched again',
        staleTime: Number.POSITIVE_INFINITY,
      });
      return <p data-testid="greeting">{data}</p>;
    }
    render(
      <StrictMode>
        <BookingsProvider {...props} queryClient={queryClient} enabled={false}>
          <HydrationBoundary state={state}>
            <Greeting />
          </HydrationBoundary>
        </BookingsProvider>
      </StrictMode>,
    );
    expect(screen.getByTestId('greeting')).toHaveTextContent('hello from the server');
    expect(queryClient.getQueryData(['host', 'greeting'])).toBe('hello from the server');
  });

  it('adds no QueryClientProvider inside one of the same client, nor when it uses the inherited one', () => {
    for (const given of [true, false]) {
      const queryClient = new QueryClient();
      const mount = vi.spyOn(queryClient, 'mount');
      const view = render(
        <QueryClientProvider client={queryClient}>
          <BookingsProvider
            {...props}
            queryClient={given ? queryClient : undefined}
            enabled={false}
          >
            <p>child</p>
          </BookingsProvider>
        </QueryClientProvider>,
      );
      // Each QueryClientProvider mounts its client once: the outer one only.
      expect({ given, mounts: mount.mock.calls.length }).toEqual({ given, mounts: 1 });
      view.unmount();
    }
  });

  it('provides a given client that differs from the inherited one', () => {
    const outer = new QueryClient();
    const queryClient = new QueryClient();
    const { found, Host } = queryClientProbe();
    render(
      <QueryClientProvider client={outer}>
        <BookingsProvider {...props} queryClient={queryClient} enabled={false}>
          <Host />
        </BookingsProvider>
      </QueryClientProvider>,
    );
    expect(found.at(-1)).toBe(queryClient);
  });
});
