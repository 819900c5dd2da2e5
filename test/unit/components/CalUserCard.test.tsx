import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CalUserCard } from '../../../src/index.js';
import { createFakeApi, type FakeApi, fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { renderAsAlice, renderWithProviders } from '../../helpers/renderWithProviders.js';

/** The fake API's user, with an avatar and a time zone added. */
function withProfile(api: FakeApi, extra: Record<string, unknown>): typeof fetch {
  return async (input, init) => {
    const response = await api.fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/user/') || !response.ok) return response;
    return Response.json({ ...(await response.json()), ...extra });
  };
}

function card() {
  return screen.getByRole('article', { name: 'Cal.com account' });
}

describe('CalUserCard', () => {
  it('shows a busy skeleton while loading', () => {
    const api = createFakeApi({ latencyMs: 10_000 });
    renderAsAlice(<CalUserCard />, api);
    expect(card()).toHaveAttribute('data-state', 'loading');
    expect(card()).toHaveAttribute('aria-busy', 'true');
    expect(card()).toHaveTextContent('Loading your Cal.com account…');
  });

  it('shows avatar, name, email and time zone when ready', async () => {
    const api = createFakeApi();
    renderWithProviders(<CalUserCard className="mine" />, {
      provider: {
        fetch: withProfile(api, {
          name: 'Ada Lovelace',
          avatarUrl: 'https://cal.example/ada.png',
          timeZone: 'Europe/London',
        }),
        getAuthToken: () => fakeJwt('alice'),
      },
    });
    await screen.findByText('Ada Lovelace');
    expect(card()).toHaveAttribute('data-state', 'ready');
    expect(card()).toHaveClass('aisq-user-card', 'mine');
    expect(card()).not.toHaveAttribute('aria-busy');
    expect(screen.getByRole('img', { name: 'Avatar of \u2068Ada Lovelace\u2069' })).toHaveAttribute(
      'src',
      'https://cal.example/ada.png',
    );
    expect(within(card()).getByText('alice@example.com')).toBeInTheDocument();
    expect(within(card()).getByText('Europe/London')).toBeInTheDocument();
    expect(within(card()).getByText('Time zone')).toBeInTheDocument();
  });

  it('shows initials when there is no avatar', async () => {
    const api = createFakeApi();
    renderAsAlice(<CalUserCard />, api);
    const initials = await screen.findByRole('img', { name: 'Avatar of \u2068User alice\u2069' });
    expect(initials).toHaveTextContent('UA');
    // No time zone in the answer: no time zone row.
    expect(screen.queryByText('Time zone')).toBeNull();
  });

  it('is idle and fetches nothing while the provider is disabled', async () => {
    const api = createFakeApi();
    renderAsAlice(<CalUserCard />, api, { enabled: false });
    expect(card()).toHaveAttribute('data-state', 'idle');
    expect(card()).toHaveTextContent('Sign in to see your Cal.com account.');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(api.counts.user).toBe(0);
  });

  it('on 404 offers to connect, and shows the user once the account is created', async () => {
    const api = createFakeApi({ integrated: false });
    const onConnected = vi.fn();
    const user = userEvent.setup();
    renderAsAlice(<CalUserCard onConnected={onConnected} />, api, { autoConnect: false });
    await screen.findByText('Your Cal.com account is not connected yet.');
    expect(card()).toHaveAttribute('data-state', 'not-connected');
    await user.click(screen.getByRole('button', { name: 'Connect Cal.com' }));
    await screen.findByText('User alice');
    expect(card()).toHaveAttribute('data-state', 'ready');
    expect(onConnected).toHaveBeenCalledWith(
      expect.objectContaining({ integrationStatus: 'created' }),
    );
    expect(api.counts).toMatchObject({ token: 1, user: 2 });
  });

  it('shows the error with a retry that refetches the user', async () => {
    const api = createFakeApi();
    api.failNext('user', 400);
    const user = userEvent.setup();
    renderAsAlice(<CalUserCard />, api);
    const alert = await screen.findByRole('alert');
    expect(card()).toHaveAttribute('data-state', 'error');
    expect(alert).toHaveTextContent('The booking service could not accept this request.');
    expect(api.counts.user).toBe(1);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByText('User alice');
    expect(api.counts.user).toBe(2);
  });

  it('says the session expired on 401', async () => {
    const api = createFakeApi();
    api.failNext('user', 401, 5);
    api.failNext('token', 401, 5);
    renderAsAlice(<CalUserCard />, api);
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'error'));
    expect(screen.getByRole('alert')).toHaveTextContent('Sign in again');
  });

  it('uses labels from the prop for itself and its connect button', async () => {
    const api = createFakeApi({ integrated: false });
    renderWithProviders(
      <CalUserCard
        labels={{ userCardNotConnected: 'Pas encore connecté.', connect: 'Connecter Cal.com' }}
      />,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice'), autoConnect: false } },
    );
    await screen.findByText('Pas encore connecté.');
    expect(screen.getByRole('button', { name: 'Connecter Cal.com' })).toBeInTheDocument();
  });
});
