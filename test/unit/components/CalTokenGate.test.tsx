import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CalConnectButton, CalTokenGate } from '../../../src/index.js';
import { createFakeApi, fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../../helpers/renderWithProviders.js';

describe('CalTokenGate', () => {
  it('renders the fallback until a token is ready, then the render function with the token', async () => {
    const api = createFakeApi({ latencyMs: 20 });
    renderWithProviders(
      <CalTokenGate fallback={<p>waiting</p>}>
        {(token) => <p>token:{token.accessToken}</p>}
      </CalTokenGate>,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice') } },
    );
    expect(screen.getByText('waiting')).toBeInTheDocument();
    await screen.findByText('token:cal_at_alice_1_secret');
    expect(screen.queryByText('waiting')).toBeNull();
  });

  it('renders plain children once connected, and nothing by default before', async () => {
    const api = createFakeApi();
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <CalTokenGate>
          <p>booking widget</p>
        </CalTokenGate>
        <CalConnectButton />
      </>,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), autoConnect: false } },
    );
    expect(screen.queryByText('booking widget')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Connect Cal.com' }));
    await screen.findByText('booking widget');
  });

  it('keeps the fallback on 401', async () => {
    const api = createFakeApi();
    api.failNext('token', 401);
    renderWithProviders(
      <CalTokenGate fallback={<p>sign in</p>}>
        <p>booking widget</p>
      </CalTokenGate>,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice') } },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('sign in')).toBeInTheDocument();
    expect(api.counts.token).toBe(1);
  });
});
