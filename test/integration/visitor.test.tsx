// @vitest-environment jsdom

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { BookingsProvider, CalBooker, CalBookingsList } from '../../src/index.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();

/** `fetch` over real HTTP, recording each request's method, path and whether it had `Authorization`. */
function recordingFetch() {
  const requests: { method: string; path: string; authorization: boolean }[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const request = new Request(input, init);
    requests.push({
      method: request.method,
      path: new URL(request.url).pathname,
      authorization: request.headers.has('authorization'),
    });
    return globalThis.fetch(input, init);
  };
  return { requests, fetch };
}

describe('a visitor books over real HTTP (jwt={null})', () => {
  it('public Cal.com endpoints only: 0 AISquare requests, 0 token requests, no Authorization header', async () => {
    const { sandbox } = fixture;
    const { user: host } = sandbox.calModel.integrate({ sub: 'visited-host' });
    const { requests, fetch } = recordingFetch();
    const person = userEvent.setup();
    render(
      <StrictMode>
        <BookingsProvider baseUrl={sandbox.url} jwt={null} calApiUrl={sandbox.url} fetch={fetch}>
          <CalBooker username={host.username} eventTypeSlug="15min" timeZone="Asia/Kolkata" />
          <CalBookingsList />
        </BookingsProvider>
      </StrictMode>,
    );
    // The list cannot be had by a visitor: it says so at once and asks nothing.
    expect(document.querySelector('.aisq-bookings-list')?.getAttribute('data-state')).toBe(
      'signedOut',
    );
    const grid = await screen.findByRole('grid', undefined, { timeout: 5_000 });
    let cell: HTMLElement | null = null;
    await waitFor(
      () => {
        cell = grid.querySelector<HTMLElement>('[data-available]:not([aria-disabled])');
        if (!cell) throw new Error('no day with times yet');
      },
      { timeout: 5_000 },
    );
    await person.click(cell as unknown as HTMLElement);
    const times = await screen.findByRole('list', { name: /Times in/ });
    const first = times.querySelector('button') as HTMLButtonElement;
    const start = first.querySelector('time')?.getAttribute('dateTime');
    await person.click(first);
    const name = await screen.findByRole('textbox', { name: 'Your name' });
    expect((name as HTMLInputElement).value).toBe('');
    await person.type(name, 'Vera Visitor');
    await person.type(screen.getByRole('textbox', { name: 'Email address' }), 'vera@example.com');
    await person.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' }, { timeout: 5_000 });

    const [booking] = sandbox.calModel.bookings('visited-host');
    expect(new Date(booking?.start ?? 0).toISOString()).toBe(new Date(start ?? '').toISOString());
    expect(booking?.attendee).toMatchObject({
      name: 'Vera Visitor',
      email: 'vera@example.com',
      timeZone: 'Asia/Kolkata',
    });
    const counts = sandbox.counts();
    expect({ config: counts.config, token: counts.token, user: counts.user }).toEqual({
      config: 0,
      token: 0,
      user: 0,
    });
    expect(counts['cal.me'] + counts['cal.bookings']).toBe(0);
    expect(requests.filter((request) => request.authorization)).toEqual([]);
    expect(requests.every((request) => request.path.startsWith('/v2/'))).toBe(true);
    // The chosen time is held while the form is open and released once booked (public routes too).
    const uid = /^\/v2\/slots\/reservations\/[^/]+$/;
    expect(
      [
        ...new Set(
          requests.map((r) => `${r.method} ${r.path.replace(uid, '/v2/slots/reservations/{uid}')}`),
        ),
      ].sort(),
    ).toEqual([
      'DELETE /v2/slots/reservations/{uid}',
      'GET /v2/event-types',
      'GET /v2/slots',
      'POST /v2/bookings',
      'POST /v2/slots/reservations',
    ]);
    expect(counts['cal.createBooking']).toBe(1);
  }, 20_000);

  it('a hidden event type is not found for a visitor', async () => {
    const { sandbox } = fixture;
    const { user: host } = sandbox.calModel.integrate({ sub: 'visited-host' });
    const { container } = render(
      <BookingsProvider baseUrl={sandbox.url} jwt={null} calApiUrl={sandbox.url}>
        <CalBooker username={host.username} eventTypeSlug="60min" />
      </BookingsProvider>,
    );
    await waitFor(
      () =>
        expect(container.querySelector('.aisq-booker')?.getAttribute('data-state')).toBe(
          'notFound',
        ),
      { timeout: 5_000 },
    );
    expect(screen.getByText('This meeting type was not found.')).toBeTruthy();
  }, 20_000);
});
