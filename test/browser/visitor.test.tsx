import { StrictMode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { DemoConfig } from '../../examples/host-app/src/demoConfig.js';
import { CalBooker, CalBookingsList, defaultBookingsLabels } from '../../src/index.js';
import { sandboxCounts, sandboxUrl, TestProvider, uniqueUserId } from './helpers.js';

beforeEach(async () => {
  await commands.sandboxReset();
});

describe('a visitor books in Chromium (jwt={null}, no AISquare account)', () => {
  it('public Cal.com endpoints only, over CORS: no AISquare or token request, no Authorization header', async () => {
    const sub = uniqueUserId('visited');
    const username = await commands.sandboxIntegrate(sub);
    const sent: { path: string; authorization: boolean }[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      const request = new Request(input, init);
      sent.push({
        path: new URL(request.url).pathname,
        authorization: request.headers.has('authorization'),
      });
      return globalThis.fetch(request);
    };
    const screen = await render(
      <TestProvider jwt={null} calApiUrl={sandboxUrl} fetch={fetch}>
        <CalBooker username={username} eventTypeSlug="30min" timeZone="America/Los_Angeles" />
        <CalBookingsList />
      </TestProvider>,
    );
    const booker = screen.getByRole('region', { name: defaultBookingsLabels.bookerTitle });
    await expect
      .element(screen.getByText(defaultBookingsLabels.bookingsListSignedOut))
      .toBeVisible();

    // The first day with times, once the month's slots are in.
    const firstDay = () =>
      booker.element().querySelector<HTMLElement>('[data-available]:not([aria-disabled])');
    await expect.poll(firstDay, { timeout: 10_000 }).not.toBeNull();
    firstDay()?.click();
    const times = booker.getByRole('list', { name: /Times in/ }).getByRole('button');
    await expect.element(times.first()).toBeVisible();
    await times.first().click();

    const name = booker.getByRole('textbox', { name: 'Your name' });
    await expect.element(name).toHaveValue('');
    await expect.element(booker.getByRole('textbox', { name: 'Email address' })).toHaveValue('');
    await name.fill('Vera Visitor');
    await booker.getByRole('textbox', { name: 'Email address' }).fill('vera@example.com');
    await booker.getByRole('button', { name: 'Confirm booking' }).click();
    await expect
      .element(screen.getByRole('heading', { name: defaultBookingsLabels.confirmationTitle }))
      .toBeVisible();

    const [booking] = await commands.sandboxCalBookings(sub);
    expect(booking).toMatchObject({ attendeeName: 'Vera Visitor', status: 'accepted' });
    const counts = await sandboxCounts();
    expect([counts.config, counts.token, counts.user, counts['cal.me']]).toEqual([0, 0, 0, 0]);
    expect(sent.filter((request) => request.authorization)).toEqual([]);
    // The chosen time is held while the form is open and released once booked (public routes too).
    const paths = sent.map((request) =>
      request.path.replace(/^\/v2\/slots\/reservations\/[^/]+$/, '/v2/slots/reservations/{uid}'),
    );
    expect([...new Set(paths)].sort()).toEqual([
      '/v2/bookings',
      '/v2/event-types',
      '/v2/slots',
      '/v2/slots/reservations',
      '/v2/slots/reservations/{uid}',
    ]);
  });

  it('the demo’s public booking page: times for a visitor, signed out, without AISquare', async () => {
    const username = await commands.sandboxIntegrate(uniqueUserId('dana'));
    const config: DemoConfig = {
      apiUrl: sandboxUrl,
      tokenTtlSeconds: 3600,
      users: [],
      expiredJwts: {},
      host: { name: 'Dana Reyes', username },
    };
    (globalThis as { __BOOKINGS_DEMO__?: DemoConfig }).__BOOKINGS_DEMO__ = config;
    const { App } = await import('../../examples/host-app/src/App.js');
    const screen = await render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    await screen
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Public booking page' })
      .click();
    const booker = screen.getByRole('region', { name: 'Book a meeting with Dana Reyes' });
    await expect.element(booker).toBeVisible();
    await expect
      .poll(() => booker.element().querySelector('[data-available]:not([aria-disabled])'), {
        timeout: 10_000,
      })
      .not.toBeNull();
    const counts = await sandboxCounts();
    expect([counts.config, counts.token, counts.user]).toEqual([0, 0, 0]);
    window.location.hash = '';
  });
});
