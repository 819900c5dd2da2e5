// Seated event types and bookings that need the host's confirmation, through CalBooker on the fake.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  bookerWorld,
  chooseFirstDay,
  renderBooker,
  shownTimes,
} from '../../../helpers/bookerWorld.js';

const DAY_MS = 86_400_000;

async function fillDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Bob');
  await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
}

/** Books `count` seats at the event type's first free time; returns that time (epoch ms). */
function takeSeats(
  world: ReturnType<typeof bookerWorld>['world'],
  eventTypeId: number,
  count: number,
) {
  const now = world.model.now();
  const [first] = world.model.slots(eventTypeId, now, now + 60 * DAY_MS);
  if (!first) throw new Error('no slot');
  for (let index = 0; index < count; index += 1) {
    const made = world.model.createBooking({
      eventTypeId,
      start: first.start,
      attendee: { name: `Guest ${index}`, email: `guest${index}@example.com`, timeZone: 'UTC' },
    });
    if (!made.ok) throw new Error(made.failure.message);
  }
  return first.start;
}

/** The shown time at `start`, once the chosen day's times are on screen. */
async function timeAt(start: number) {
  return waitFor(() => {
    const found = shownTimes().find((time) => Date.parse(time.start) === start);
    if (!found) throw new Error('not shown yet');
    return found.button;
  });
}

/** The booker on `slug` with `taken` seats of its first time booked, that time's day chosen. */
async function seatedBooker(slug: string, taken: number) {
  const { world, id } = bookerWorld();
  const eventTypeId = id(slug);
  const start = takeSeats(world, eventTypeId, taken);
  const user = userEvent.setup();
  const { root } = renderBooker(world, { eventTypeId, timeZone: 'Europe/London' });
  await chooseFirstDay(user);
  return { world, user, root, start, button: await timeAt(start) };
}

describe('CalBooker with seats', () => {
  it('shows the seats left with each time and books a seat, which the confirmation says', async () => {
    const { world, user, root, start, button } = await seatedBooker('group-workshop', 2);
    expect(button).toHaveTextContent('1 seat left');
    // Two of three taken: 67 %, "half full" by Cal.com's thresholds.
    expect(button).toHaveAttribute('data-seats', 'halfFull');
    const free = shownTimes().find((time) => Date.parse(time.start) !== start);
    expect(free?.button).toHaveTextContent('3 seats left');
    await user.click(button);
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(root()?.querySelector('.aisq-booking-confirmation')).toHaveAttribute('data-seat', '');
    expect(screen.getByText('You have a seat at this event.')).toBeVisible();
    // One booking, three seats.
    const [booking] = world.model.bookings('alice');
    expect(booking?.seats?.map((seat) => seat.attendee.email)).toEqual([
      'guest0@example.com',
      'guest1@example.com',
      'bob@example.com',
    ]);
  });

  it('a full time stays listed as "Booking full" and cannot be chosen', async () => {
    const { user, root, button } = await seatedBooker('group-workshop', 3);
    expect(button).toHaveAccessibleName(/Booking full/);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(root()).toHaveAttribute('data-state', 'choosingDay');
  });

  it('without showAvailabilityCount, words each time by how full it is', async () => {
    const { start, button } = await seatedBooker('community-qa', 3);
    expect(button).toHaveTextContent('Half full');
    expect(shownTimes().find((time) => Date.parse(time.start) !== start)?.button).toHaveTextContent(
      'Seats available',
    );
  });
});

describe('CalBooker with confirmation required', () => {
  it('a pending booking reads "Request sent, waiting for the host to confirm"', async () => {
    const { world, id } = bookerWorld();
    const user = userEvent.setup();
    const { root } = renderBooker(world, { eventTypeId: id('intro-call'), timeZone: 'UTC' });
    await chooseFirstDay(user);
    await user.click((await waitFor(() => shownTimes()[0]!)).button);
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Request sent, waiting for the host to confirm' });
    expect(root()?.querySelector('.aisq-booking-confirmation')).toHaveAttribute(
      'data-state',
      'pending',
    );
    expect(screen.queryByText(/is booked/)).toBeNull();
    expect(world.model.bookings('alice')[0]?.status).toBe('pending');
  });

  it('in the week layout too, a full time is announced but cannot be chosen', async () => {
    const { world, id } = bookerWorld();
    const eventTypeId = id('group-workshop');
    const start = takeSeats(world, eventTypeId, 3);
    const user = userEvent.setup();
    const { root } = renderBooker(world, {
      eventTypeId,
      timeZone: 'Europe/London',
      layout: 'week',
    });
    const full = await waitFor(() => {
      const found = [
        ...document.querySelectorAll<HTMLButtonElement>('.aisq-slot-picker__time'),
      ].find((button) => Date.parse(button.querySelector('time')?.dateTime ?? '') === start);
      if (!found) throw new Error('not shown yet');
      return found;
    });
    expect(full).toHaveAttribute('aria-disabled', 'true');
    await user.click(full);
    expect(root()).not.toHaveAttribute('data-state', 'details');
  });
});
