import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { BookingsApiError } from '../../src/index.js';
import { CalTokenStatus, CalUserCard, defaultBookingsLabels } from '../../src/index.js';
import { issueJwt, sandboxCounts, TestProvider, uniqueUserId } from './helpers.js';

beforeEach(async () => {
  await commands.sandboxReset();
});

async function renderSignedIn(jwt: string) {
  const onAuthError = vi.fn<(error: BookingsApiError) => void>();
  const screen = await render(
    <TestProvider jwt={jwt} onAuthError={onAuthError}>
      <CalTokenStatus />
      <CalUserCard />
    </TestProvider>,
  );
  return { screen, onAuthError, status: screen.getByRole('status') };
}

describe('AISquare answers 401', () => {
  it('shows "session expired" for an expired JWT, reports it once, and does not retry', async () => {
    const jwt = await issueJwt(uniqueUserId('expired'), { expiresInSeconds: -60 });
    const { screen, onAuthError, status } = await renderSignedIn(jwt);

    await expect.element(status).toHaveAttribute('data-state', 'unauthorized');
    await expect.element(status).toHaveTextContent(defaultBookingsLabels.tokenUnauthorized);
    const card = screen.getByRole('article', { name: defaultBookingsLabels.userCardTitle });
    await expect.element(card).toHaveAttribute('data-state', 'error');
    await expect.element(card.getByRole('alert')).toHaveAttribute('data-kind', 'unauthorized');
    // The token and the user query both met the 401: the host hears of it exactly once.
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect(onAuthError.mock.calls[0]?.[0]).toMatchObject({ kind: 'unauthorized', status: 401 });
    // 401 is final: one token request, no retry.
    expect((await sandboxCounts()).token).toBe(1);
  });

  it('shows "session expired" for a JWT the API does not accept', async () => {
    const { status } = await renderSignedIn('not.a-valid.jwt');
    await expect.element(status).toHaveAttribute('data-state', 'unauthorized');
    await expect.element(status).toHaveTextContent(defaultBookingsLabels.tokenUnauthorized);
    expect((await sandboxCounts()).token).toBe(1);
  });

  it('moves to "session expired" when the JWT has expired by the next refresh', async () => {
    await commands.sandboxSetTokenTtl(2);
    const userId = uniqueUserId('expiring');
    const valid = await issueJwt(userId);
    const expired = await issueJwt(userId, { expiresInSeconds: -60 });
    const onAuthError = vi.fn<(error: BookingsApiError) => void>();
    // The host's session runs out while the page is open: same user, its JWT now expired.
    function Host() {
      const [jwt, setJwt] = useState(valid);
      return (
        <TestProvider jwt={jwt} onAuthError={onAuthError}>
          <button type="button" onClick={() => setJwt(expired)}>
            Session runs out
          </button>
          <CalTokenStatus />
        </TestProvider>
      );
    }
    const screen = await render(<Host />);
    const status = screen.getByRole('status');

    await expect.element(status).toHaveAttribute('data-state', 'ready');
    await screen.getByRole('button', { name: 'Session runs out' }).click();
    // Nothing happens until the token's scheduled refresh (about a second later), which gets 401.
    await expect.element(status).toHaveAttribute('data-state', 'unauthorized');
    await expect.element(status).toHaveTextContent(defaultBookingsLabels.tokenUnauthorized);
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect((await sandboxCounts()).token).toBe(2);
  });
});
