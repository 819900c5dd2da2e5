import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { CalToken } from '../../src/index.js';
import { CalTokenGate, CalTokenStatus, CalUserCard } from '../../src/index.js';
import { issueJwt, sandboxCounts, TestProvider, uniqueUserId } from './helpers.js';

// Longer than the 5 s the token manager keeps between token requests, so each refresh comes before expiry.
const TOKEN_TTL_SECONDS = 8;

beforeEach(async () => {
  await commands.sandboxReset();
  await commands.sandboxSetTokenTtl(TOKEN_TTL_SECONDS);
});

describe('token refresh against the sandbox', () => {
  it('refreshes a short-lived token by itself before it expires, and stays ready', async () => {
    const jwt = await issueJwt(uniqueUserId('refresh'), { name: 'Grace Hopper' });
    const refreshed: { token: CalToken; at: number }[] = [];
    const onTokenRefreshed = vi.fn((token: CalToken) => {
      refreshed.push({ token, at: Date.now() });
    });
    const screen = await render(
      <TestProvider jwt={jwt} onTokenRefreshed={onTokenRefreshed}>
        <CalTokenStatus />
        <CalTokenGate fallback={<p>no token</p>}>
          {(token) => <p data-testid="gate" data-token={token.accessToken} />}
        </CalTokenGate>
        <CalUserCard />
      </TestProvider>,
    );
    const status = screen.getByRole('status');
    const gate = screen.getByTestId('gate');

    await expect.element(status).toHaveAttribute('data-state', 'ready');
    await expect.element(gate).toBeInTheDocument();
    await expect.element(screen.getByText('Grace Hopper')).toBeVisible();
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]!.token.integrationStatus).toBe('created');
    const first = refreshed[0]!.token.accessToken;
    await expect.element(gate).toHaveAttribute('data-token', first);
    expect((await sandboxCounts()).token).toBe(1);

    // Before the 3 s token expires, the provider asks for the next one on its own.
    await expect
      .poll(() => refreshed.length, { timeout: TOKEN_TTL_SECONDS * 1000 + 2_000 })
      .toBe(2);
    const second = refreshed[1]!;
    expect(second.token.accessToken).not.toBe(first);
    expect(second.token).toMatchObject({ integrationStatus: 'existing', refreshed: true });
    expect(second.at).toBeLessThan(refreshed[0]!.token.expiresAt);
    expect(second.at - refreshed[0]!.at).toBeGreaterThanOrEqual(
      (TOKEN_TTL_SECONDS * 1000) / 2 - 100,
    );
    expect((await sandboxCounts()).token).toBe(2);

    // The UI moves to the new token and stays ready; the user card never left its data.
    await expect.element(gate).toHaveAttribute('data-token', second.token.accessToken);
    await expect.element(status).toHaveAttribute('data-state', 'ready');
    await expect.element(screen.getByText('Grace Hopper')).toBeVisible();

    // And again: one request per token lifetime, no more.
    await expect
      .poll(() => refreshed.length, { timeout: TOKEN_TTL_SECONDS * 1000 + 2_000 })
      .toBe(3);
    expect((await sandboxCounts()).token).toBe(3);
    await expect.element(gate).toHaveAttribute('data-token', refreshed[2]!.token.accessToken);
  });
});
