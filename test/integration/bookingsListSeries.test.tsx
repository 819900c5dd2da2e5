// @vitest-environment jsdom

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { createCalApi } from '../../src/calapi/createCalApi.js';
import type { CalBooking } from '../../src/calapi/types.js';
import { BookingsProvider, CalBookingsList } from '../../src/index.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();
const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/** A weekly series of three occurrences of the seeded recurring event type, booked over HTTP. */
async function bookSeries(userId: string): Promise<{ jwt: string; series: CalBooking[] }> {
  const { sandbox } = fixture;
  const jwt = await sandbox.issueJwt(userId);
  const token = await fetch(`${sandbox.url}/api/v1/bookings/token/refresh/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: '{}',
  }).then((response) => response.json() as Promise<{ access_token: string }>);
  const calApi = createCalApi({
    getAccessToken: async () => token.access_token,
    baseUrl: sandbox.url,
  });
  const types = await calApi.eventTypes();
  const weekly = types.find((type) => type.recurrence != null);
  if (!weekly) throw new Error('the sandbox seeds no recurring event type');
  const slots = await calApi.slots({
    eventTypeId: weekly.id,
    start: day(2),
    end: day(12),
    timeZone: 'UTC',
  });
  const start = Object.values(slots).flat()[0]?.start;
  if (!start) throw new Error('no slot');
  await calApi.fetch('/v2/bookings', {
    method: 'POST',
    body: {
      eventTypeId: weekly.id,
      start: new Date(start).toISOString(),
      attendee: { name: 'Bob Okafor', email: 'bob@example.com', timeZone: 'UTC' },
      recurrenceCount: 3,
    },
  });
  const series = sandbox.calModel.bookings().filter((booking) => booking.eventTypeId === weekly.id);
  return { jwt, series: series as unknown as CalBooking[] };
}

/** The list's Cancel buttons, once it has loaded from the sandbox. */
const findCancelButtons = () =>
  screen.findAllByRole('button', { name: 'Cancel' }, { timeout: 5_000 });

describe('CalBookingsList and a recurring series, against the sandbox over real HTTP', () => {
  it('cancels an occurrence and every later one: Cal.com answers the series, the list reports success', async () => {
    const { sandbox } = fixture;
    const { jwt, series } = await bookSeries('series-owner');
    expect(series).toHaveLength(3);
    const onCancelled = (booking: CalBooking) => cancelled.push(booking);
    const cancelled: CalBooking[] = [];
    render(
      <StrictMode>
        <BookingsProvider baseUrl={sandbox.url} jwt={jwt} crossTab={false}>
          <CalBookingsList onCancelled={onCancelled} />
        </BookingsProvider>
      </StrictMode>,
    );
    const user = userEvent.setup();
    const cancelButtons = await findCancelButtons();
    // The series is one item (issue 20): its next occurrence, with its rhythm.
    expect(cancelButtons).toHaveLength(1);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('Every week, 3 times')).toBeTruthy();
    await user.click(cancelButtons[0] as HTMLElement);
    const dialog = await screen.findByRole('alertdialog');
    await user.click(
      within(dialog).getByRole('checkbox', {
        name: 'Also cancel the later occurrences of this series',
      }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel booking' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull(), { timeout: 5_000 });
    expect(screen.getByRole('status').textContent).toMatch(/was cancelled\./);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ status: 'cancelled' });
    expect(sandbox.calModel.bookings().map((booking) => booking.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    // The list refetched: no upcoming occurrence is left to cancel.
    await waitFor(() =>
      expect(screen.queryAllByRole('button', { name: 'Cancel' })).toHaveLength(0),
    );
  });

  it('cancels the next occurrence alone when the box is left unticked; the series stays one item', async () => {
    const { sandbox } = fixture;
    const { jwt } = await bookSeries('single-occurrence');
    render(
      <BookingsProvider baseUrl={sandbox.url} jwt={jwt} crossTab={false}>
        <CalBookingsList />
      </BookingsProvider>,
    );
    const user = userEvent.setup();
    const cancelButtons = await findCancelButtons();
    await user.click(cancelButtons[0] as HTMLElement);
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel booking' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull(), { timeout: 5_000 });
    expect(sandbox.calModel.bookings().map((booking) => booking.status)).toEqual([
      'cancelled',
      'accepted',
      'accepted',
    ]);
    // The two occurrences left are still one item.
    await screen.findByText('Every week, 2 times', undefined, { timeout: 5_000 });
    expect(screen.getAllByRole('button', { name: 'Cancel' })).toHaveLength(1);
  });
});
