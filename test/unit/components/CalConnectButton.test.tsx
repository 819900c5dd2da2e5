import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CalConnectButton } from '../../../src/index.js';
import type { CalTokenSummary } from '../../../src/session/types.js';
import { createFakeApi, fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../../helpers/renderWithProviders.js';

function setup(options: { integrated: boolean; latencyMs?: number }) {
  const api = createFakeApi(options);
  const onConnected = vi.fn<(summary: CalTokenSummary) => void>();
  const onError = vi.fn();
  const view = renderWithProviders(
    <CalConnectButton onConnected={onConnected} onError={onError} />,
    {
      provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), autoConnect: false },
    },
  );
  const root = view.container.querySelector('.aisq-connect-button');
  return { api, onConnected, onError, root, user: userEvent.setup() };
}

describe('CalConnectButton', () => {
  it('starts idle with a real button and an empty live status', () => {
    const { root, api } = setup({ integrated: false });
    expect(root).toHaveAttribute('data-state', 'idle');
    expect(screen.getByRole('button', { name: 'Connect Cal.com' })).toBeEnabled();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(api.counts.token).toBe(0);
  });

  it('a first-time user: connecting → connected, says the account was created', async () => {
    const { root, user, onConnected, api } = setup({ integrated: false, latencyMs: 30 });
    await user.click(screen.getByRole('button', { name: 'Connect Cal.com' }));
    expect(root).toHaveAttribute('data-state', 'connecting');
    expect(screen.getByRole('button', { name: 'Connecting…' })).toBeDisabled();
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'connected'));
    expect(root).toHaveAttribute('data-integration', 'created');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your Cal.com account was created and connected.',
    );
    expect(onConnected).toHaveBeenCalledTimes(1);
    // A summary only: the access token never leaves the token manager through a mutation.
    const summary = onConnected.mock.calls[0]?.[0];
    expect(summary).toEqual({ integrationStatus: 'created', expiresAt: expect.any(Number) });
    expect(JSON.stringify(summary)).not.toContain('cal_at_alice_1_secret');
    expect(api.counts.token).toBe(1);
  });

  it('an existing user: says the account already existed', async () => {
    const { root, user, onConnected } = setup({ integrated: true });
    await user.click(screen.getByRole('button', { name: 'Connect Cal.com' }));
    await screen.findByText('Connected to your existing Cal.com account.');
    expect(root).toHaveAttribute('data-integration', 'existing');
    expect(onConnected.mock.calls[0]?.[0].integrationStatus).toBe('existing');
    // Connected: the button connects again (refresh).
    await user.click(screen.getByRole('button', { name: 'Reconnect Cal.com' }));
    // Token requests are at least 5 s apart: the reconnect waits out the gap.
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(2), { timeout: 7_000 });
  });

  it('shows the error and calls onError when connecting fails, and can try again', async () => {
    const { root, user, onError, onConnected, api } = setup({ integrated: false });
    api.failNext('token', 400);
    await user.click(screen.getByRole('button', { name: 'Connect Cal.com' }));
    const alert = await screen.findByRole('alert');
    expect(root).toHaveAttribute('data-state', 'error');
    expect(alert).toHaveTextContent('could not accept this request');
    expect(onError).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Connect Cal.com' }));
    // The second try waits out the 5 s between token requests.
    await screen.findByText(
      'Your Cal.com account was created and connected.',
      {},
      { timeout: 7_000 },
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onConnected).toHaveBeenCalledTimes(1);
  });

  it('is operable from the keyboard', async () => {
    const { user, onConnected } = setup({ integrated: true });
    await user.tab();
    expect(screen.getByRole('button', { name: 'Connect Cal.com' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1));
  });
});
