import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBookingsSession } from '../../../src/session/createBookingsSession.js';
import { bookingsKeys } from '../../../src/session/keys.js';
import { calUserQueryOptions } from '../../../src/session/queryOptions.js';
import type { BookingsSession, BookingsSessionOptions } from '../../../src/session/types.js';
import { createFakeApi, fakeJwt } from '../../helpers/fakeBookingsApi.js';

const BASE_URL = 'https://api.test';
const sessions: (() => void)[] = [];

afterEach(() => {
  for (const unmount of sessions.splice(0)) unmount();
});

function setup(options: Partial<BookingsSessionOptions> = {}) {
  const api = createFakeApi();
  const queryClient = new QueryClient();
  const base: BookingsSessionOptions = {
    baseUrl: BASE_URL,
    fetch: api.fetch,
    queryClient,
    crossTab: false,
    ...options,
  };
  const session = createBookingsSession(base);
  return { api, queryClient, session, base };
}

function mount(session: BookingsSession): () => void {
  const unmount = session.mount();
  sessions.push(unmount);
  return unmount;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createBookingsSession', () => {
  it('creates nothing and requests nothing until mounted', async () => {
    const { api, session } = setup({ jwt: fakeJwt('alice') });
    await flush();
    expect(api.counts).toEqual({ config: 0, token: 0, user: 0 });
    expect(session.getSnapshot().tokenManager.getState().status).toBe('idle');
  });

  it('reads the identity from the jwt option without calling any getter', () => {
    const getAuthToken = vi.fn(() => fakeJwt('bob'));
    const { session } = setup({ jwt: fakeJwt('alice'), getAuthToken });
    expect(session.getSnapshot().identity).toBe('alice');
    expect(session.getSnapshot().client.identity).toBe('alice');
    expect(getAuthToken).not.toHaveBeenCalled();
  });

  it('jwt: null is signed out: disabled, and the token manager is never started', async () => {
    const { api, session } = setup({ jwt: null });
    mount(session);
    await flush();
    expect(session.getSnapshot().enabled).toBe(false);
    expect(api.counts.token).toBe(0);
  });

  it('mount → unmount → mount (StrictMode) keeps one token manager and one request', async () => {
    const { api, session } = setup({ jwt: fakeJwt('alice') });
    const first = session.getSnapshot();
    const unmount = session.mount();
    unmount();
    mount(session);
    await vi.waitFor(() =>
      expect(session.getSnapshot().tokenManager.getState().status).toBe('ready'),
    );
    expect(session.getSnapshot()).toBe(first);
    expect(api.counts.token).toBe(1);
  });

  it('new callbacks, an inline fetch or getter and equal inline objects recreate nothing', () => {
    const { session, base } = setup({
      getAuthToken: () => fakeJwt('alice'),
      headers: { 'x-app': 'demo' },
      tokenRequest: {},
    });
    const before = session.getSnapshot();
    session.setOptions({
      ...base,
      getAuthToken: () => fakeJwt('alice'),
      fetch: (input, init) => base.fetch!(input, init),
      onError: () => {},
      onAuthError: () => {},
      headers: { 'x-app': 'demo' },
      tokenRequest: {},
    });
    session.setOptions({
      ...base,
      getAuthToken: () => fakeJwt('alice'),
      headers: { 'x-app': 'demo' },
    });
    expect(session.getSnapshot()).toBe(before);
  });

  it('a new QueryClient keeps the token manager and its token', async () => {
    const { api, session, base } = setup({ jwt: fakeJwt('alice') });
    mount(session);
    const manager = session.getSnapshot().tokenManager;
    await vi.waitFor(() => expect(manager.getState().status).toBe('ready'));
    session.setOptions({ ...base, jwt: fakeJwt('alice'), queryClient: new QueryClient() });
    await flush();
    expect(session.getSnapshot().tokenManager).toBe(manager);
    expect(manager.getState().status).toBe('ready');
    expect(api.counts.token).toBe(1);
  });

  it('an identity switch drops the previous identity’s queries, mutations and token', async () => {
    const { session, base, queryClient } = setup({ jwt: fakeJwt('alice') });
    mount(session);
    const alice = session.getSnapshot();
    await vi.waitFor(() => expect(alice.tokenManager.getState().status).toBe('ready'));
    await queryClient.prefetchQuery(calUserQueryOptions(alice.client));
    await queryClient
      .getMutationCache()
      .build(queryClient, {
        mutationKey: bookingsKeys.refreshToken(BASE_URL, 'alice'),
        mutationFn: () => session.refreshToken(),
      })
      .execute(undefined);
    expect(queryClient.getQueryData(calUserQueryOptions(alice.client).queryKey)).toBeDefined();

    session.setOptions({ ...base, jwt: fakeJwt('bob') });
    expect(session.getSnapshot().identity).toBe('bob');
    await flush();
    expect(
      queryClient.getQueryCache().findAll({ queryKey: bookingsKeys.scope(BASE_URL, 'alice') }),
    ).toEqual([]);
    expect(queryClient.getMutationCache().getAll()).toEqual([]);
    expect(alice.tokenManager.getState().token).toBeNull();
  });

  it('refreshToken resolves to a summary, never the token', async () => {
    const { api, session } = setup({ jwt: fakeJwt('alice'), autoConnect: false });
    mount(session);
    const summary = await session.refreshToken();
    expect(summary).toEqual({ expiresAt: expect.any(Number), integrationStatus: 'existing' });
    expect(JSON.stringify(summary)).not.toContain(api.issued[0]);
  });

  it('reports 401/403 once per identity, whether the token or a query met it first', async () => {
    const onAuthError = vi.fn();
    const onError = vi.fn();
    const { api, session, queryClient } = setup({ jwt: fakeJwt('alice'), onAuthError, onError });
    api.failNext('token', 401);
    api.failNext('user', 401);
    mount(session);
    await vi.waitFor(() =>
      expect(session.getSnapshot().tokenManager.getState().status).toBe('unauthorized'),
    );
    await queryClient.prefetchQuery(calUserQueryOptions(session.getSnapshot().client));
    await flush();
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('does not report the user query’s not-connected 404 to onError', async () => {
    const onError = vi.fn();
    const { api, session, queryClient } = setup({
      jwt: fakeJwt('alice'),
      onError,
      autoConnect: false,
    });
    api.integrated = false;
    mount(session);
    await queryClient.prefetchQuery(calUserQueryOptions(session.getSnapshot().client));
    expect(
      queryClient.getQueryState(calUserQueryOptions(session.getSnapshot().client).queryKey)?.error,
    ).toMatchObject({
      kind: 'not_found',
    });
    api.failNext('config', 500, 10);
    await queryClient.prefetchQuery({
      queryKey: bookingsKeys.config(BASE_URL, 'alice'),
      queryFn: () => session.getSnapshot().client.getConfig(),
      retry: false,
    });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ kind: 'server', endpoint: 'config' });
  });

  describe('an async getAuthToken', () => {
    it('with identity: never called outside a request', async () => {
      const getAuthToken = vi.fn(async () => fakeJwt('alice'));
      const { api, session, base } = setup({ getAuthToken, identity: 'alice', autoConnect: false });
      session.setOptions({ ...base, getAuthToken, identity: 'alice', autoConnect: false });
      expect(getAuthToken).not.toHaveBeenCalled();
      mount(session);
      await session.getAccessToken();
      expect(getAuthToken).toHaveBeenCalledTimes(1);
      expect(api.counts.token).toBe(1);
    });

    it('without identity: called once to find it is async, then only for requests; the sub is learned before the first request', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const getAuthToken = vi.fn(async () => fakeJwt('alice'));
      const { api, session, base } = setup({ getAuthToken });
      for (let i = 0; i < 5; i += 1) session.setOptions({ ...base, getAuthToken });
      expect(getAuthToken).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(session.getSnapshot().identity).toBe('anonymous');
      mount(session);
      await vi.waitFor(() => expect(session.getSnapshot().identity).toBe('alice'));
      await vi.waitFor(() =>
        expect(session.getSnapshot().tokenManager.getState().status).toBe('ready'),
      );
      // The anonymous attempt stopped at the getter: no request went out under the wrong scope.
      expect(api.counts.token).toBe(1);
      expect(api.authHeaders).toEqual([`Bearer ${fakeJwt('alice')}`]);
    });

    it('switches when a later credential names another user, and stores nothing under the old scope', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      let jwt = fakeJwt('alice');
      const getAuthToken = async () => jwt;
      const { session, queryClient } = setup({ getAuthToken });
      mount(session);
      await vi.waitFor(() => expect(session.getSnapshot().identity).toBe('alice'));
      const alice = session.getSnapshot();
      jwt = fakeJwt('bob');
      // The request stops at the getter; the purge of alice's scope then cancels the query itself.
      await expect(queryClient.fetchQuery(calUserQueryOptions(alice.client))).rejects.toThrow();
      await vi.waitFor(() => expect(session.getSnapshot().identity).toBe('bob'));
      expect(
        queryClient.getQueryCache().findAll({ queryKey: bookingsKeys.scope(BASE_URL, 'alice') }),
      ).toEqual([]);
      const user = await queryClient.fetchQuery(calUserQueryOptions(session.getSnapshot().client));
      expect(user).toMatchObject({ email: 'bob@example.com' });
    });
  });

  it('unmount tears down: the token manager is disposed and the query cache unsubscribed', async () => {
    const { session, queryClient } = setup({ jwt: fakeJwt('alice') });
    const unmount = session.mount();
    const manager = session.getSnapshot().tokenManager;
    await vi.waitFor(() => expect(manager.getState().status).toBe('ready'));
    expect(queryClient.getQueryCache().hasListeners()).toBe(true);
    unmount();
    await flush();
    expect(queryClient.getQueryCache().hasListeners()).toBe(false);
    await expect(manager.getAccessToken()).rejects.toMatchObject({ kind: 'aborted' });
  });
});

describe('createBookingsSession: no credential at all', () => {
  it('warns once in development when neither jwt, getAuthToken nor credentials is given', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { session } = setup();
    session.setOptions({ ...session.getOptions(), baseUrl: 'https://api2.test' });
    const said = warn.mock.calls.filter(([text]) => String(text).includes('no `jwt`'));
    expect(said).toHaveLength(1);
    expect(String(said[0]?.[0])).toMatch(/Pass `jwt` \(null when signed out\)/);
  });

  it.each([
    ['jwt null (signed out)', { jwt: null }],
    ['a JWT', { jwt: fakeJwt('alice') }],
    ['getAuthToken', { getAuthToken: () => null }],
    ['credentials for a cookie session', { credentials: 'include' as const }],
  ])('says nothing with %s', (_name, options) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    setup(options);
    expect(warn.mock.calls.some(([text]) => String(text).includes('no `jwt`'))).toBe(false);
  });
});
