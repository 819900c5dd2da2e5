import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CalBookingsList } from '../../../../src/components/booking/CalBookingsList.js';
import { bookerWorld, chooseTime, renderBooker } from '../../../helpers/bookerWorld.js';
import { CAL } from '../../../helpers/calWorld.js';
import { fakeJwt } from '../../../helpers/fakeBookingsApi.js';
import { renderWithProviders } from '../../../helpers/renderWithProviders.js';

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The bodies of the booking POSTs the booker sent, parsed. */
function bookingBodies(world: ReturnType<typeof bookerWorld>['world']) {
  const bodies: Record<string, unknown>[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (init?.method === 'POST' && url.endsWith('/v2/bookings')) {
      bodies.push(JSON.parse(String(init.body)));
    }
    return world.fetch(input, init);
  };
  return { bodies, fetch };
}

async function fillDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Bob');
  await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
}

describe('CalBooker: durations', () => {
  it('offers the type’s lengths; 45 min re-asks the slots with duration and books 45 minutes', async () => {
    const { world, id } = bookerWorld('Europe/London');
    const { bodies, fetch } = bookingBodies(world);
    const user = userEvent.setup();
    const { root } = renderBooker(world, { eventTypeId: id('30min'), timeZone: 'UTC' }, fetch);
    const group = await screen.findByRole('group', { name: 'Duration' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['15', '30', '45']);
    // The type's default length is chosen to start with, and no `duration` is asked for it.
    expect(within(group).getByRole('radio', { name: '30 minutes' })).toBeChecked();
    await screen.findByRole('grid');
    await waitFor(() => expect(world.calls.some((url) => url.pathname === '/v2/slots')).toBe(true));
    expect(world.calls.some((url) => url.searchParams.has('duration'))).toBe(false);

    await user.click(within(group).getByRole('radio', { name: '45 minutes' }));
    expect(within(group).getByRole('radio', { name: '45 minutes' })).toBeChecked();
    expect(text(root()?.querySelector('.aisq-booker__event-length'))).toBe('45 minutes');
    await waitFor(() =>
      expect(world.calls.some((url) => url.searchParams.get('duration') === '45')).toBe(true),
    );
    const time = await chooseTime(user);
    // 45-minute slots step by 45 minutes (no slot interval on this type).
    expect(new Date(time.start).getUTCMinutes() % 15).toBe(0);
    expect(text(root()?.querySelector('.aisq-booker__event-length'))).toBe('45 minutes');
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(bodies[0]).toMatchObject({ lengthInMinutes: 45 });
    const [made] = world.model.bookings('alice');
    expect(made && (made.end - made.start) / 60_000).toBe(45);
    const rows = [...(root()?.querySelectorAll('.aisq-booking-confirmation__row') ?? [])];
    expect(rows.map(text)).toContain('Duration45 minutes');
    const ics = decodeURIComponent(
      screen.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href') ?? '',
    );
    const end = new Date((made?.end ?? 0) as number).toISOString().replace(/[-:]|\.\d+/g, '');
    expect(ics).toContain(`DTEND:${end}`);
  });

  it('a type with one length offers no choice and never sends lengthInMinutes', async () => {
    const { world, id } = bookerWorld('Europe/London');
    const { bodies, fetch } = bookingBodies(world);
    const user = userEvent.setup();
    renderBooker(world, { eventTypeId: id('15min'), timeZone: 'UTC' }, fetch);
    await chooseTime(user);
    expect(screen.queryByRole('group', { name: 'Duration' })).toBeNull();
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(bodies[0]).not.toHaveProperty('lengthInMinutes');
  });

  it('rescheduling offers no choice: Cal.com moves a booking at the type’s own length', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const [first] = world.model.slots(id('30min'), Date.now(), Date.now() + 60 * 86_400_000, {
      duration: 45,
    });
    if (!first) throw new Error('no slots');
    const made = world.model.createBooking({
      eventTypeId: id('30min'),
      start: first.start,
      lengthInMinutes: 45,
      attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' },
    });
    if (!made.ok) throw new Error('seed failed');
    const { root } = renderBooker(world, { rescheduleUid: made.booking.uid, timeZone: 'UTC' });
    await screen.findByRole('grid');
    expect(screen.queryByRole('group', { name: 'Duration' })).toBeNull();
    expect(text(root()?.querySelector('.aisq-booker__event-length'))).toBe('30 minutes');
    await chooseTime(user, 2);
    expect(world.calls.some((url) => url.searchParams.has('duration'))).toBe(false);
    await user.click(await screen.findByRole('button', { name: 'Confirm new time' }));
    await screen.findByRole('heading', { name: 'Your meeting was moved' });
    const moved = world.model
      .bookings('alice')
      .find((b) => b.rescheduledFromUid === made.booking.uid);
    expect(moved && (moved.end - moved.start) / 60_000).toBe(30);
  });
});

/** The booker on the seeded `consultation` type, a time chosen: the details step. */
async function consultationDetails() {
  const { world, id } = bookerWorld('Europe/London');
  const { bodies, fetch } = bookingBodies(world);
  const user = userEvent.setup();
  const view = renderBooker(world, { eventTypeId: id('consultation'), timeZone: 'UTC' }, fetch);
  await chooseTime(user);
  return { bodies, root: view.root, user };
}

describe('CalBooker: locations', () => {
  it('picks the attendee’s phone, checks it is E.164, books it; the confirmation shows it', async () => {
    const { bodies, root, user } = await consultationDetails();
    const group = await screen.findByRole('group', { name: 'Location' });
    const names = within(group)
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent);
    expect(names).toEqual([
      'Cal Video',
      'Phone call (your number)',
      'In person (host’s address): 1 Market St, San Francisco, CA 94105',
      'In person (your address)',
      'Somewhere else',
      'Phone call (host’s number)',
    ]);
    // The host's phone is not public: never shown before booking.
    expect(root()?.textContent).not.toContain('+14155550123');
    expect(within(group).getByRole('radio', { name: 'Cal Video' })).toBeChecked();
    expect(screen.queryByRole('textbox', { name: 'Your phone number' })).toBeNull();

    await user.click(within(group).getByRole('radio', { name: 'Phone call (your number)' }));
    await fillDetails(user);
    const phone = screen.getByRole('textbox', { name: 'Your phone number' });
    await user.type(phone, '020 7946 0958');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(
      'Enter a phone number with its country code, like +44 20 7946 0958.',
    );
    expect(phone).toHaveFocus();
    expect(bodies).toHaveLength(0);

    await user.clear(phone);
    await user.type(phone, '+44 20 7946 0958');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(bodies[0]).toMatchObject({
      location: { type: 'attendeePhone', phone: '+442079460958' },
    });
    expect(bodies[0]).not.toHaveProperty('lengthInMinutes');
    const rows = [...(root()?.querySelectorAll('.aisq-booking-confirmation__row') ?? [])];
    expect(rows.map(text)).toContain('Where+442079460958');
    const ics = decodeURIComponent(
      screen.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href') ?? '',
    );
    expect(ics).toContain('LOCATION:+442079460958');
  });

  it('the host’s public address needs nothing more; a refused submit keeps the choice', async () => {
    const { bodies, root, user } = await consultationDetails();
    await fillDetails(user);
    const office = /In person \(host’s address\)/;
    await user.click(screen.getByRole('radio', { name: office }));
    // Submitted once with an error elsewhere, then back and forth: the choice is kept.
    await user.clear(screen.getByRole('textbox', { name: 'Your name' }));
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Bob');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(bodies[0]).toMatchObject({ location: { type: 'address' } });
    const rows = [...(root()?.querySelectorAll('.aisq-booking-confirmation__row') ?? [])];
    expect(rows.map(text)).toContain('Where1 Market St, San Francisco, CA 94105');
  });

  it('a type with Cal Video alone asks nothing and sends no location', async () => {
    const { world, id } = bookerWorld('Europe/London');
    const { bodies, fetch } = bookingBodies(world);
    const user = userEvent.setup();
    renderBooker(world, { eventTypeId: id('15min'), timeZone: 'UTC' }, fetch);
    await chooseTime(user);
    await fillDetails(user);
    expect(screen.queryByRole('group', { name: 'Location' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(bodies[0]).not.toHaveProperty('location');
  });
});

describe('CalBookingsList: locations', () => {
  it('shows each booking’s location: the attendee’s number, the host’s office', async () => {
    const { world, id } = bookerWorld('UTC');
    const consultation = id('consultation');
    const slots = world.model.slots(consultation, Date.now(), Date.now() + 21 * 86_400_000);
    const book = (start: number, location: Record<string, unknown>) => {
      const made = world.model.createBooking({
        eventTypeId: consultation,
        start,
        attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' },
        location: location as never,
      });
      if (!made.ok) throw new Error(made.failure.message);
    };
    book(slots[0]?.start ?? 0, { type: 'attendeePhone', phone: '+442079460958' });
    book(slots[3]?.start ?? 0, { type: 'address' });
    const view = renderWithProviders(<CalBookingsList />, {
      provider: { jwt: fakeJwt('alice'), fetch: world.fetch, calApiUrl: CAL },
    });
    await waitFor(() =>
      expect(view.container.querySelectorAll('.aisq-bookings-list__location')).toHaveLength(2),
    );
    expect([...view.container.querySelectorAll('.aisq-bookings-list__location')].map(text)).toEqual(
      ['Where: +442079460958', 'Where: 1 Market St, San Francisco, CA 94105'],
    );
  });
});
