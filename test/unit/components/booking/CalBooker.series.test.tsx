import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { chooseTime, renderBooker } from '../../../helpers/bookerWorld.js';
import { type CalWorld, createCalWorld } from '../../../helpers/calWorld.js';
import { firstSlotsCall } from '../../../helpers/firstSlotsCall.js';

const DAY_MS = 86_400_000;

/**
 * Alice (UTC) with the recurring event type, and Bob's series of `count` weekly meetings from its
 * first slot in [`from`, `to`).
 */
function seededSeries(world: CalWorld, count: number, from: number, to: number) {
  world.model.integrate({ sub: 'alice' }, { timeZone: 'UTC' });
  const weekly = world.model.eventTypes('alice').find((type) => type.recurrence != null);
  if (!weekly) throw new Error('no recurring event type');
  const [first] = world.model.slots(weekly.id, from, to);
  if (!first) throw new Error('no slots');
  const made = world.model.createRecurringBooking({
    eventTypeId: weekly.id,
    start: first.start,
    attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' },
    recurrenceCount: count,
  });
  if (!made.ok) throw new Error('seed failed');
  return made;
}

describe('CalBooker and a recurring series', () => {
  it('rescheduleUid naming a series moves its next occurrence still on (Cal.com moves one at a time)', async () => {
    const world = createCalWorld({ recurringEventType: true });
    const made = seededSeries(world, 3, Date.now(), Date.now() + 30 * DAY_MS);
    const [one, two] = made.bookings;
    world.model.cancelBooking(one?.uid ?? '', {});
    const seriesUid = two?.recurringEventId ?? '';

    const user = userEvent.setup();
    const { root } = renderBooker(world, { rescheduleUid: seriesUid, timeZone: 'UTC' });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'choosingDay'));
    const slotCall = await firstSlotsCall(world);
    expect(slotCall?.searchParams.get('bookingUidToReschedule')).toBe(two?.uid);
    await chooseTime(user, 1);
    await user.click(screen.getByRole('button', { name: 'Confirm new time' }));
    await screen.findByRole('heading', { name: 'Your meeting was moved' });
    expect(world.model.booking(two?.uid ?? '')?.status).toBe('cancelled');
    expect(world.model.booking(one?.uid ?? '')?.status).toBe('cancelled');
  });
});

describe('CalBooker and a series whose first occurrence is over', () => {
  it('moves the next occurrence to come, not the one that took place', async () => {
    // The series was booked weeks ago, so its first occurrence is over by now.
    let clock = Date.now() - 20 * DAY_MS;
    const world = createCalWorld({ recurringEventType: true, now: () => clock });
    const made = seededSeries(world, 4, clock, clock + 7 * DAY_MS);
    clock = Date.now();
    const next = made.bookings.find((booking) => booking.end > Date.now());
    expect(next).toBeDefined();
    expect(made.bookings[0]?.end).toBeLessThan(Date.now());

    const { root } = renderBooker(world, {
      rescheduleUid: made.bookings[0]?.recurringEventId ?? '',
      timeZone: 'UTC',
    });
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'choosingDay'));
    const slotCall = await firstSlotsCall(world);
    expect(slotCall?.searchParams.get('bookingUidToReschedule')).toBe(next?.uid);
  });
});
