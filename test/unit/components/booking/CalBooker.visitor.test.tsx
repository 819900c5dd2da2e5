import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CalBooker, type CalBookerProps } from '../../../../src/components/booking/CalBooker.js';
import { CalBookingsList } from '../../../../src/components/booking/CalBookingsList.js';
import type { BookingsProviderProps } from '../../../../src/index.js';
import { bookerWorld, chooseTime } from '../../../helpers/bookerWorld.js';
import { AISQUARE, CAL, type CalWorld } from '../../../helpers/calWorld.js';
import { renderWithProviders } from '../../../helpers/renderWithProviders.js';

/** The world's `fetch`, recording every request's URL and whether it carried `Authorization`. */
function recording(world: CalWorld) {
  const seen: { url: URL; method: string; authorization: boolean }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    seen.push({
      url: new URL(request.url),
      method: request.method,
      authorization: request.headers.has('authorization'),
    });
    return world.fetch(input, init);
  };
  return { seen, fetch };
}

/** A visitor's booker: no AISquare session (`jwt={null}`), Cal.com at the test origin. */
function renderVisitorBooker(
  world: CalWorld,
  props: CalBookerProps,
  provider: Partial<BookingsProviderProps> = {},
) {
  const { seen, fetch } = recording(world);
  const view = renderWithProviders(<CalBooker {...props} />, {
    provider: { jwt: null, fetch, calApiUrl: CAL, ...provider },
  });
  const root = () => view.container.querySelector('.aisq-booker');
  return { ...view, root, seen };
}

describe('CalBooker for a visitor (jwt={null})', () => {
  it('books on public Cal.com endpoints only: no AISquare request, no token, no Authorization', async () => {
    const { world, host } = bookerWorld();
    const user = userEvent.setup();
    const onBookingSuccess = vi.fn();
    const { root, seen } = renderVisitorBooker(world, {
      username: host.username,
      eventTypeSlug: '30min',
      timeZone: 'Europe/Paris',
      onBookingSuccess,
    });
    expect(root()).toHaveAttribute('data-state', 'choosingDay');
    const time = await chooseTime(user);
    expect(root()).toHaveAttribute('data-state', 'details');
    // No prefill: the attendee's details come from the form.
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Email address' })).toHaveValue('');
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Vera Visitor');
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'vera@example.com');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });

    const [made] = world.model.bookings('alice');
    expect(made?.start).toBe(Date.parse(time.start));
    expect(made?.attendee).toMatchObject({
      name: 'Vera Visitor',
      email: 'vera@example.com',
      timeZone: 'Europe/Paris',
    });
    expect(onBookingSuccess).toHaveBeenCalledOnce();
    expect(seen.filter((request) => request.url.origin === AISQUARE)).toEqual([]);
    expect(world.count('token')).toBe(0);
    expect(seen.filter((request) => request.authorization)).toEqual([]);
    // The chosen time is held while the form is open and released once booked (public routes too).
    const uid = /^\/v2\/slots\/reservations\/[^/]+$/;
    const paths = new Set(
      seen.map(
        (request) =>
          `${request.method} ${request.url.pathname.replace(uid, '/v2/slots/reservations/{uid}')}`,
      ),
    );
    expect([...paths].sort()).toEqual([
      'DELETE /v2/slots/reservations/{uid}',
      'GET /v2/event-types',
      'GET /v2/slots',
      'POST /v2/bookings',
      'POST /v2/slots/reservations',
    ]);
    expect(seen.some((request) => request.url.pathname === '/v2/me')).toBe(false);
  });

  it('without calApiUrl asks AISquare for nothing and goes to Cal.com’s own origin', async () => {
    const { world, host } = bookerWorld();
    const origins: string[] = [];
    renderWithProviders(<CalBooker username={host.username} eventTypeSlug="30min" />, {
      provider: {
        jwt: null,
        fetch: async (input, init) => {
          const url = new URL(new Request(input, init).url);
          origins.push(url.origin);
          return world.fetch(`${CAL}${url.pathname}${url.search}`, init);
        },
      },
    });
    await waitFor(() => expect(origins.length).toBeGreaterThanOrEqual(2));
    expect(new Set(origins)).toEqual(new Set(['https://api.cal.com']));
  });

  it('a hidden event type is not found (Cal.com lists it to its owner only)', async () => {
    const { world, host } = bookerWorld();
    const { root } = renderVisitorBooker(world, {
      username: host.username,
      eventTypeSlug: '60min',
    });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'notFound'));
    expect(screen.getByText('This meeting type was not found.')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
  });

  it('an unknown username or slug is not found either', async () => {
    const { world } = bookerWorld();
    const { root } = renderVisitorBooker(world, { username: 'nobody', eventTypeSlug: '30min' });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'notFound'));
  });

  it('with enabled={false} asks nothing at all', async () => {
    const { world, host } = bookerWorld();
    const { seen } = renderVisitorBooker(
      world,
      { username: host.username, eventTypeSlug: '30min' },
      { enabled: false },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
  });
});

describe('CalBookingsList for a visitor', () => {
  it('says to sign in (signedOut) and asks nothing: Cal.com lists bookings only to their user', async () => {
    const { world } = bookerWorld();
    const { seen, fetch } = recording(world);
    const view = renderWithProviders(<CalBookingsList />, {
      provider: { jwt: null, fetch, calApiUrl: CAL },
    });
    const root = view.container.querySelector('.aisq-bookings-list');
    expect(root).toHaveAttribute('data-state', 'signedOut');
    expect(screen.getByText('Sign in to see your bookings.')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
  });
});
