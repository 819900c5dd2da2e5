import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  BookingsProvider,
  useBookingsSession,
  useCalUser,
  useRefreshCalToken,
} from '../../../src/index.js';
import { createFakeApi, fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { TokenStatus, UserEmail } from '../../helpers/probes.js';
import { renderWithProviders } from '../../helpers/renderWithProviders.js';

const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

describe('BookingsProvider on the session core', () => {
  it('provides one stable session for its whole life', async () => {
    const api = createFakeApi();
    const sessions = new Set<unknown>();
    function Probe() {
      sessions.add(useBookingsSession());
      return <TokenStatus />;
    }
    const view = renderWithProviders(<Probe />, {
      provider: { fetch: api.fetch, jwt: fakeJwt('alice') },
    });
    await screen.findByText('ready:existing');
    view.rerenderProvider({ jwt: fakeJwt('alice'), onError: () => {} });
    view.rerenderProvider({ jwt: fakeJwt('bob') });
    await screen.findByText('ready:existing');
    expect(sessions.size).toBe(1);
  });

  it('a new queryClient prop keeps the token manager and its token', async () => {
    const api = createFakeApi();
    const view = renderWithProviders(<TokenStatus />, {
      provider: { fetch: api.fetch, jwt: fakeJwt('alice') },
    });
    await screen.findByText('ready:existing');
    view.rerenderProvider({ queryClient: new QueryClient() });
    await settle();
    expect(screen.getByTestId('token')).toHaveTextContent('ready:existing');
    expect(api.counts.token).toBe(1);
  });

  it('the jwt prop: identity from its sub, no getter called, null signs out', async () => {
    const api = createFakeApi();
    const getAuthToken = vi.fn(() => fakeJwt('mallory'));
    const view = renderWithProviders(<UserEmail />, {
      provider: { fetch: api.fetch, jwt: fakeJwt('alice'), getAuthToken },
    });
    await screen.findByText('alice@example.com');
    expect(getAuthToken).not.toHaveBeenCalled();
    const requests = { ...api.counts };
    view.rerenderProvider({ jwt: null });
    await settle();
    expect(api.counts).toEqual(requests);
  });

  it('an async getAuthToken with identity is never called during render', async () => {
    const api = createFakeApi();
    let rendering = false;
    const calledDuringRender: boolean[] = [];
    const getAuthToken = vi.fn(async () => {
      calledDuringRender.push(rendering);
      return fakeJwt('alice');
    });
    function Probe() {
      rendering = true;
      const user = useCalUser();
      rendering = false;
      return <p data-testid="user">{user.data?.email ?? 'pending'}</p>;
    }
    const view = renderWithProviders(<Probe />, {
      provider: { fetch: api.fetch, getAuthToken, identity: 'alice' },
    });
    await screen.findByText('alice@example.com');
    view.rerenderProvider({ getAuthToken, identity: 'alice', onError: () => {} });
    await settle();
    expect(calledDuringRender.length).toBeGreaterThan(0);
    expect(calledDuringRender).not.toContain(true);
    // One call per request that needed a credential (token and user), none for rendering.
    expect(getAuthToken).toHaveBeenCalledTimes(api.counts.token + api.counts.user);
  });

  it('onAuthError fires exactly once when the token and the user query both meet a 401', async () => {
    const api = createFakeApi();
    api.failNext('token', 401, 5);
    api.failNext('user', 401, 5);
    const onAuthError = vi.fn();
    const onError = vi.fn();
    renderWithProviders(
      <>
        <TokenStatus />
        <UserEmail />
      </>,
      { provider: { fetch: api.fetch, jwt: fakeJwt('alice'), onAuthError, onError } },
    );
    await screen.findByText('unauthorized:none');
    await screen.findByText('error:unauthorized');
    await settle();
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('onError does not receive the not-connected 404 of the user query', async () => {
    const api = createFakeApi({ integrated: false });
    const onError = vi.fn();
    renderWithProviders(<UserEmail />, {
      provider: { fetch: api.fetch, jwt: fakeJwt('alice'), autoConnect: false, onError },
    });
    await screen.findByText('error:not_found');
    await settle();
    expect(onError).not.toHaveBeenCalled();
  });

  it('useRefreshCalToken keeps no access token in the QueryClient, and an identity switch drops its mutation', async () => {
    const api = createFakeApi();
    const queryClient = new QueryClient();
    let jwt = fakeJwt('alice');
    const { result, rerender } = renderHook(() => useRefreshCalToken(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <BookingsProvider
          baseUrl="https://api.test"
          queryClient={queryClient}
          fetch={api.fetch}
          jwt={jwt}
          autoConnect={false}
        >
          {children}
        </BookingsProvider>
      ),
    });
    await act(async () => {
      await result.current.mutateAsync();
    });
    expect(result.current.data).toEqual({
      expiresAt: expect.any(Number),
      integrationStatus: 'existing',
    });
    const cached = JSON.stringify(
      queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => mutation.state),
    );
    expect(api.issued.length).toBeGreaterThan(0);
    for (const token of api.issued) expect(cached).not.toContain(token);

    jwt = fakeJwt('bob');
    rerender();
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toEqual([]));
    await waitFor(() => expect(result.current.data).toBeUndefined());
  });
});
