// @vitest-environment jsdom
import {
  dehydrate,
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, expect, it } from 'vitest';
// The server half uses the framework-free entry only, as a React Server Component or loader would.
import { calUserQueryOptions, createBookingsClient } from '../../src/core.js';
import { BookingsProvider, useCalUser } from '../../src/index.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();
const unmounts: (() => void)[] = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

function UserEmail() {
  const user = useCalUser();
  return <p data-testid="user">{user.data?.email ?? user.status}</p>;
}

it('prefetches the user with /core in Node, dehydrates, and the provider renders it with zero requests', async () => {
  const { sandbox } = fixture;
  const jwt = await sandbox.issueJwt('ssr-user');

  // Server: one client for this request's user; its identity (the JWT's sub) scopes the key.
  const server = createBookingsClient({ baseUrl: sandbox.url, jwt });
  expect(server.identity).toBe('ssr-user');
  await server.refreshToken(); // the first token call integrates the user, so the user exists
  const serverCache = new QueryClient();
  await serverCache.prefetchQuery(calUserQueryOptions(server));
  const user = serverCache.getQueryData(calUserQueryOptions(server).queryKey);
  expect(user?.email).toEqual(expect.any(String));
  const state = JSON.parse(JSON.stringify(dehydrate(serverCache)));
  const before = sandbox.counts();

  // Browser: the same key from the provider's session, so the hydrated data is used as is.
  const view = render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <HydrationBoundary state={state}>
          <BookingsProvider baseUrl={sandbox.url} jwt={jwt} autoConnect={false}>
            <UserEmail />
          </BookingsProvider>
        </HydrationBoundary>
      </QueryClientProvider>
    </StrictMode>,
  );
  unmounts.push(view.unmount);
  expect(screen.getByTestId('user').textContent).toBe(user?.email);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  expect(screen.getByTestId('user').textContent).toBe(user?.email);
  expect(sandbox.counts().user).toBe(before.user);
});
