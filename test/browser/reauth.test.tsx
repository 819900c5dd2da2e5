import { useState } from 'react';
import { beforeEach, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { CalTokenStatus } from '../../src/index.js';
import { issueJwt, sandboxCounts, TestProvider, uniqueUserId } from './helpers.js';

beforeEach(async () => {
  await commands.sandboxReset();
});

// src gap: after a 401 the same user signs in again (new valid JWT, same `sub`): the provider keeps
// the manager in `unauthorized` and never asks again until the host forces a refresh.
it('recovers from "session expired" when the same user signs in again with a fresh JWT', async () => {
  const userId = uniqueUserId('reauth');
  const expired = await issueJwt(userId, { expiresInSeconds: -60 });
  const fresh = await issueJwt(userId);
  function Host() {
    const [jwt, setJwt] = useState(expired);
    return (
      <TestProvider jwt={jwt}>
        <button type="button" onClick={() => setJwt(fresh)}>
          Sign in again
        </button>
        <CalTokenStatus />
      </TestProvider>
    );
  }
  const screen = await render(<Host />);
  const status = screen.getByRole('status');
  await expect.element(status).toHaveAttribute('data-state', 'unauthorized');
  await screen.getByRole('button', { name: 'Sign in again' }).click();
  await expect.element(status).toHaveAttribute('data-state', 'ready');
  expect((await sandboxCounts()).token).toBe(2);
});
