import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CalBookingsList } from '../../../src/index.js';
import { createCalWorld } from '../../helpers/calWorld.js';
import { fakeJwt } from '../../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../../helpers/renderWithProviders.js';

const DAY_MS = 86_400_000;

/** Alice (UTC) with the recurring type, and Bob's bookings of her types. */
function world() {
  const calWorld = createCalWorld({ recurringEventType: true });
  calWorld.model.integrate({ sub: 'alice' }, { timeZone: 'UTC' });
  const type = (slug: string) => {
    const found = calWorld.model.eventTypes('alice').find((eventType) => eventType.slug === slug);
    if (!found) throw new Error(`no ${slug}`);
    return found;
  };
  const now = Date.now();
  const slots = (slug: string) => calWorld.model.slots(type(slug).id, now, now + 28 * DAY_MS);
  const attendee = { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' };
  return { calWorld, type, slots, attendee };
}

const items = () => document.querySelectorAll<HTMLElement>('.aisq-bookings-list__item');
const bookingGets = (calls: URL[]) =>
  calls.filter((url) => /^\/v2\/bookings\/[^/]+$/.test(url.pathname)).map((url) => url.pathname);

describe('CalBookingsList: a recurring series', () => {
  it('shows a series as one item: its next occurrence, its rhythm and one Cancel', async () => {
    const { calWorld, type, slots, attendee } = world();
    const [first] = slots('weekly-check-in');
    if (!first) throw new Error('no slot');
    const made = calWorld.model.createRecurringBooking({
      eventTypeId: type('weekly-check-in').id,
      start: first.start,
      attendee,
    });
    if (!made.ok) throw new Error(made.failure.message);
    renderWithProviders(<CalBookingsList timeZone="UTC" />, {
      provider: { jwt: fakeJwt('alice'), fetch: calWorld.fetch },
    });
    await screen.findByText('Every week, 4 times');
    expect(items()).toHaveLength(1);
    expect(items()[0]?.querySelector('time')).toHaveAttribute(
      'dateTime',
      new Date(first.start).toISOString(),
    );
    expect(screen.getAllByRole('button', { name: 'Cancel' })).toHaveLength(1);
  });
});

describe('CalBookingsList: a moved booking', () => {
  it('reads "Rescheduled" with the new time: from the page when there, else one GET per moved booking', async () => {
    const { calWorld, type, slots, attendee } = world();
    const [a, b, c] = slots('30min').filter((_, index) => index % 4 === 0);
    if (!a || !b || !c) throw new Error('not enough slots');
    const made = calWorld.model.createBooking({
      eventTypeId: type('30min').id,
      start: a.start,
      attendee,
    });
    if (!made.ok) throw new Error(made.failure.message);
    // Moved twice: the first move's new booking is itself moved, so both sit in Cancelled.
    const once = calWorld.model.rescheduleBooking(made.booking.uid, { start: b.start });
    if (!once.ok) throw new Error(once.failure.message);
    const twice = calWorld.model.rescheduleBooking(once.booking.uid, { start: c.start });
    if (!twice.ok) throw new Error(twice.failure.message);

    renderWithProviders(<CalBookingsList timeZone="UTC" defaultTab="cancelled" />, {
      provider: { jwt: fakeJwt('alice'), fetch: calWorld.fetch },
    });
    await waitFor(() =>
      expect(document.querySelectorAll('.aisq-bookings-list__moved')).toHaveLength(2),
    );
    const [newest, oldest] = items();
    for (const item of [newest, oldest]) {
      expect(item).toHaveAttribute('data-status', 'rescheduled');
      expect(within(item as HTMLElement).getByText('Rescheduled')).toBeVisible();
      expect(item?.textContent).not.toMatch(/cancelled/i);
    }
    const newTime = (item: HTMLElement | undefined) =>
      item?.querySelector('.aisq-bookings-list__moved time')?.getAttribute('dateTime');
    expect(Date.parse(newTime(oldest) ?? '')).toBe(b.start);
    expect(Date.parse(newTime(newest) ?? '')).toBe(c.start);
    // The first move's new booking was on the page; only the last one was asked for.
    expect(bookingGets(calWorld.calls)).toEqual([`/v2/bookings/${twice.booking.uid}`]);
  });

  it('the reschedule dialog shows the former time once, struck through, above the booker', async () => {
    const { calWorld, type, slots, attendee } = world();
    const [a] = slots('30min');
    if (!a) throw new Error('no slot');
    calWorld.model.createBooking({ eventTypeId: type('30min').id, start: a.start, attendee });
    const user = userEvent.setup();
    renderWithProviders(<CalBookingsList timeZone="UTC" />, {
      provider: { jwt: fakeJwt('alice'), fetch: calWorld.fetch },
    });
    await user.click(await screen.findByRole('button', { name: 'Reschedule' }));
    const dialog = screen.getByRole('dialog');
    await waitFor(() =>
      expect(dialog.querySelector('.aisq-booker')).toHaveAttribute('data-state', 'choosingDay'),
    );
    const former = dialog.querySelectorAll('.aisq-former-time');
    expect(former).toHaveLength(1);
    expect(former[0]).toHaveTextContent(/^Former time /);
    expect(former[0]?.querySelector('del time')).toHaveAttribute(
      'dateTime',
      new Date(a.start).toISOString(),
    );
  });
});
