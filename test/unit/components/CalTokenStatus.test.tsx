import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CalTokenStatus } from '../../../src/index.js';
import { createFakeApi, fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { renderAsAlice, renderWithProviders } from '../../helpers/renderWithProviders.js';

afterEach(() => {
  vi.useRealTimers();
});

function status() {
  return screen.getByRole('status');
}

describe('CalTokenStatus', () => {
  it('is a polite live region, loading then ready with the time until refresh', async () => {
    const api = createFakeApi({ latencyMs: 20 });
    renderAsAlice(<CalTokenStatus className="mine" />, api);
    expect(status()).toHaveAttribute('aria-live', 'polite');
    expect(status()).toHaveClass('aisq-token-status', 'mine');
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'loading'));
    expect(status()).toHaveTextContent('Connecting to Cal.com…');
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'ready'));
    expect(status()).toHaveTextContent('Connected to Cal.com.');
    // 1 h token, 60 s leeway and up to 30 s jitter: the refresh is 58 or 59 minutes away.
    expect(status()).toHaveTextContent(/Refreshes in 5[89] minutes\./);
    const time = status().querySelector('time');
    expect(time?.getAttribute('dateTime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The countdown is not announced every second.
    expect(time?.parentElement).toHaveAttribute('aria-live', 'off');
  });

  it('counts down every second while ready', async () => {
    const api = createFakeApi({ tokenTtlSeconds: 30 });
    renderAsAlice(<CalTokenStatus />, api);
    await waitFor(() => expect(status()).toHaveTextContent(/Refreshes in \d+ seconds/));
    const first = status().textContent;
    await waitFor(() => expect(status().textContent).not.toBe(first), { timeout: 2500 });
  });

  it('shows refreshing while a refresh is in flight', async () => {
    // Token requests are at least 5 s apart: a 6 s token is refreshed at 5 s, while still valid.
    const api = createFakeApi({ tokenTtlSeconds: 6, latencyMs: 300 });
    renderAsAlice(<CalTokenStatus />, api);
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'refreshing'), {
      timeout: 7_000,
    });
    expect(status()).toHaveTextContent('Refreshing the Cal.com connection…');
  });

  it('is idle without autoConnect', () => {
    const api = createFakeApi();
    renderAsAlice(<CalTokenStatus />, api, { autoConnect: false });
    expect(status()).toHaveAttribute('data-state', 'idle');
    expect(status()).toHaveTextContent('Cal.com is not connected.');
  });

  it('says the session expired on 401, with no retry button', async () => {
    const api = createFakeApi();
    api.failNext('token', 401);
    renderAsAlice(<CalTokenStatus />, api);
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'unauthorized'));
    expect(status()).toHaveTextContent('Your session has expired. Sign in again to continue.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows the error with a retry button that refreshes the token', async () => {
    const api = createFakeApi();
    api.failNext('token', 400);
    const user = userEvent.setup();
    renderAsAlice(<CalTokenStatus />, api);
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'error'));
    expect(status()).toHaveTextContent('Could not connect to Cal.com.');
    expect(status()).toHaveTextContent('could not accept this request');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    // The retry waits out the 5 s between token requests, then succeeds.
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'ready'), {
      timeout: 7_000,
    });
    expect(api.counts.token).toBe(2);
  });

  it('formats the time with the labels locale', async () => {
    const api = createFakeApi();
    renderWithProviders(
      <CalTokenStatus
        labels={{ locale: 'fr', tokenRefreshesIn: (relative) => `Renouvellement ${relative}.` }}
      />,
      { provider: { fetch: api.fetch, getAuthToken: () => fakeJwt('alice') } },
    );
    await waitFor(() => expect(status()).toHaveTextContent(/Renouvellement dans 5[89] minutes\./));
  });

  it('leaves no timer behind after unmount', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = createFakeApi();
    const view = renderAsAlice(<CalTokenStatus />, api, { crossTab: false });
    await waitFor(() => expect(status()).toHaveAttribute('data-state', 'ready'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    view.unmount();
    await act(async () => {});
    expect(vi.getTimerCount()).toBe(0);
  });
});
