import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { calOccurrenceStarts } from '../../../../src/booking/recurrence.js';
import { chooseTime, renderBooker } from '../../../helpers/bookerWorld.js';
import { createCalWorld, seedBobBooking } from '../../../helpers/calWorld.js';

/** Alice (UTC) with the recurring `weekly-check-in` type beside the one-off ones. */
function recurringWorld() {
  const world = createCalWorld({ recurringEventType: true });
  world.model.integrate({ sub: 'alice' }, { timeZone: 'UTC' });
  const id = (slug: string) =>
    world.model.eventTypes('alice').find((type) => type.slug === slug)?.id ?? 0;
  return { world, id };
}

/** The instants of the "Dates" list on screen. */
const shownDates = () =>
  within(screen.getByRole('list', { name: 'Dates' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('time')?.getAttribute('dateTime'));

describe('CalBooker and a recurring event type', () => {
  it('offers 1 to the type’s count (4 by default), shows the dates, books that many, lists them after', async () => {
    const { world, id } = recurringWorld();
    const user = userEvent.setup();
    renderBooker(world, {
      eventTypeId: id('weekly-check-in'),
      timeZone: 'Asia/Kolkata',
      defaultFormValues: { name: 'Bob', email: 'bob@example.com' },
    });
    const time = await chooseTime(user);
    const count = await screen.findByRole('combobox', { name: 'Number of meetings' });
    expect(count).toHaveValue('4');
    expect(
      within(count)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['1', '2', '3', '4']);
    expect(screen.getByText('Every week, 4 times')).toBeVisible();
    expect(shownDates()).toHaveLength(4);
    await user.selectOptions(count, '3');
    expect(screen.getByText('Every week, 3 times')).toBeVisible();
    const expected = calOccurrenceStarts(
      time.start,
      { frequency: 'weekly', interval: 1, occurrences: 4 },
      3,
      'Asia/Kolkata',
    );
    expect(shownDates()).toEqual(expected);

    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    const booked = world.model.bookings().map((booking) => new Date(booking.start).toISOString());
    expect(booked).toEqual(expected);
    expect(shownDates()).toEqual(expected);
  });

  it('holds the count while the booking request runs', async () => {
    const { world, id } = recurringWorld();
    const user = userEvent.setup();
    renderBooker(
      world,
      {
        eventTypeId: id('weekly-check-in'),
        timeZone: 'UTC',
        defaultFormValues: { name: 'Bob', email: 'bob@example.com' },
      },
      (input, init) =>
        init?.method === 'POST' && String(input).endsWith('/v2/bookings')
          ? new Promise<Response>(() => {})
          : world.fetch(input, init),
    );
    await chooseTime(user);
    const count = await screen.findByRole('combobox', { name: 'Number of meetings' });
    expect(count).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await waitFor(() => expect(count).toBeDisabled());
  });

  it('sends no recurrenceCount and shows no count for a one-off type', async () => {
    const { world, id } = recurringWorld();
    const user = userEvent.setup();
    const bodies: unknown[] = [];
    renderBooker(
      world,
      {
        eventTypeId: id('15min'),
        timeZone: 'UTC',
        defaultFormValues: { name: 'Bob', email: 'bob@example.com' },
      },
      async (input, init) => {
        if (init?.method === 'POST' && String(input).endsWith('/v2/bookings')) {
          bodies.push(JSON.parse(String(init.body)));
        }
        return world.fetch(input, init);
      },
    );
    await chooseTime(user);
    await screen.findByRole('button', { name: 'Confirm booking' });
    expect(screen.queryByRole('combobox', { name: 'Number of meetings' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).not.toHaveProperty('recurrenceCount');
    expect(screen.queryByRole('list', { name: 'Dates' })).toBeNull();
  });
});

describe('CalBooker rescheduling: the former time', () => {
  it('shows the booking’s former start struck through, labelled, in the attendee’s zone, until moved', async () => {
    const { world, id } = recurringWorld();
    const user = userEvent.setup();
    const [first] = world.model.slots(id('30min'), Date.now(), Date.now() + 60 * 86_400_000);
    if (!first) throw new Error('no slots');
    const original = seedBobBooking(world, id('30min'), first.start);
    const { root } = renderBooker(world, { rescheduleUid: original.uid, timeZone: 'UTC' });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'choosingDay'));
    const former = () => root()?.querySelector('.aisq-former-time');
    expect(former()).toHaveTextContent(/^Former time /);
    const struck = former()?.querySelector('del time');
    expect(struck).toHaveAttribute('dateTime', new Date(first.start).toISOString());
    await chooseTime(user, 1);
    await screen.findByRole('button', { name: 'Confirm new time' });
    // Beside the new time, in the details step too.
    expect(former()?.querySelector('del')).toBeVisible();
    expect(root()?.querySelector('.aisq-booker__when')).not.toBeNull();
  });

  it('shows no former time when booking, nor with showFormerTime={false}', async () => {
    const { world, id } = recurringWorld();
    const [first] = world.model.slots(id('30min'), Date.now(), Date.now() + 60 * 86_400_000);
    if (!first) throw new Error('no slots');
    const original = seedBobBooking(world, id('30min'), first.start);
    const { root } = renderBooker(world, {
      rescheduleUid: original.uid,
      timeZone: 'UTC',
      showFormerTime: false,
    });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'choosingDay'));
    expect(root()?.querySelector('.aisq-former-time')).toBeNull();
  });
});
