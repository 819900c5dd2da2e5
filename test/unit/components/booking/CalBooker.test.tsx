import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CalBooking } from '../../../../src/calapi/types.js';
import { CalBooker } from '../../../../src/components/booking/CalBooker.js';
import type { CalQueryError } from '../../../../src/react/useCalApi.js';
import {
  bookerWorld,
  chooseFirstDay,
  chooseTime,
  renderBooker,
  shownTimes,
} from '../../../helpers/bookerWorld.js';
import {
  CAL,
  type CalWorld,
  calErrorResponse,
  carolTakes,
  seedBobBooking,
} from '../../../helpers/calWorld.js';
import { fakeJwt } from '../../../helpers/fakeBookingsApi.js';
import { firstSlotsCall } from '../../../helpers/firstSlotsCall.js';
import { renderWithProviders } from '../../../helpers/renderWithProviders.js';

const heading = () => screen.getByRole('heading', { level: 2 });

async function fillDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Bob');
  await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'bob@example.com');
}

/** The world's `fetch`, except that the first booking POST gets `failure()` as its answer. */
function failFirstBooking(world: CalWorld, failure: () => Response): typeof globalThis.fetch {
  let fail = true;
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (fail && init?.method === 'POST' && url.endsWith('/v2/bookings')) {
      fail = false;
      return failure();
    }
    return world.fetch(input, init);
  };
}

describe('CalBooker', () => {
  it('books end to end: event type, day and time, details, confirmation at the chosen instant', async () => {
    const { world } = bookerWorld();
    const user = userEvent.setup();
    const onBookingSuccess = vi.fn<(booking: CalBooking, details: object) => void>();
    const { root } = renderBooker(world, { timeZone: 'America/New_York', onBookingSuccess });
    expect(root()).toHaveAttribute('data-state', 'choosingEventType');
    expect(screen.getByRole('region', { name: 'Book a meeting' })).toBe(root());
    expect(heading()).toHaveTextContent('Choose a meeting type');
    // Hidden event types are not offered; no way back from the first step.
    const thirty = await screen.findByRole('button', { name: /30 Minute Meeting/ });
    expect(screen.queryByRole('button', { name: /Deep Dive/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    expect(thirty).toHaveAccessibleName(/30 Minute Meeting\s*30 minutes/);

    await user.click(thirty);
    expect(root()).toHaveAttribute('data-state', 'choosingDay');
    expect(heading()).toHaveTextContent('Choose a day and time');
    expect(heading()).toHaveFocus();
    const time = await chooseTime(user);
    expect(root()).toHaveAttribute('data-state', 'details');
    expect(heading()).toHaveFocus();
    // The chosen time, in the attendee's zone, named.
    const when = root()?.querySelector('.aisq-booker__when');
    expect(when).toHaveAttribute('data-zone', 'America/New_York');
    expect(when?.textContent).toContain(time.label);
    expect(when?.textContent).toMatch(/Eastern (Standard|Daylight) Time \(America\/New_York\)/);

    await fillDetails(user);
    await user.type(screen.getByRole('textbox', { name: 'Company (optional)' }), 'Acme');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(root()).toHaveAttribute('data-state', 'confirmed');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2 })).toHaveFocus());

    const [made] = world.model.bookings('alice');
    expect(made?.start).toBe(Date.parse(time.start));
    expect(made?.attendee).toMatchObject({ name: 'Bob', timeZone: 'America/New_York' });
    expect(made?.responses).toMatchObject({ company: 'Acme' });
    // No successRedirectUrl on this event type: the details are empty.
    expect(onBookingSuccess).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ uid: made?.uid }),
      {},
    );
    // The host (Europe/London) sees another time: both are shown, with their zone names.
    expect(root()?.querySelector('[data-zone="America/New_York"]')).not.toBeNull();
    expect(root()?.querySelector('[data-zone="Europe/London"]')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Book another meeting' }));
    expect(root()).toHaveAttribute('data-state', 'choosingEventType');
    expect(heading()).toHaveFocus();
  });

  it('Confirm keeps focus on the button while booking; a polite status says "Booking…"', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { root } = renderBooker(
      world,
      { eventTypeId: id('30min'), timeZone: 'UTC' },
      async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (init?.method === 'POST' && url.endsWith('/v2/bookings')) await gate;
        return world.fetch(input, init);
      },
    );
    await chooseTime(user);
    await fillDetails(user);
    const status = root()?.querySelector('.aisq-booker__status');
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveTextContent('');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(root()).toHaveAttribute('data-state', 'submitting');
    const button = screen.getByRole('button', { name: 'Booking…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
    expect(root()?.querySelector('.aisq-booker__status')).toHaveTextContent('Booking…');
    release();
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    await waitFor(() => expect(heading()).toHaveFocus());
  });

  it('keyboard only: choose the event type, go back, choose again', async () => {
    const { world } = bookerWorld();
    const user = userEvent.setup();
    const { root } = renderBooker(world, { timeZone: 'UTC' });
    await screen.findByRole('button', { name: /15 Minute Meeting/ });
    await user.tab();
    expect(screen.getByRole('button', { name: /15 Minute Meeting/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(root()).toHaveAttribute('data-state', 'choosingDay');
    expect(heading()).toHaveFocus();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(screen.getByRole('button', { name: 'Back' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(root()).toHaveAttribute('data-state', 'choosingEventType');
    expect(heading()).toHaveFocus();
  });

  it('slot taken: back to the times with a message, the slots refetched, the details kept', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const onBookingError = vi.fn<(error: CalQueryError) => void>();
    const onBookingSuccess = vi.fn();
    const { root } = renderBooker(world, {
      eventTypeId: id('30min'),
      timeZone: 'UTC',
      onBookingError,
      onBookingSuccess,
    });
    // Pinned: the days first, no way back.
    expect(root()).toHaveAttribute('data-state', 'choosingDay');
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
    const time = await chooseTime(user);
    await fillDetails(user);
    // Someone else books it before Bob submits.
    expect(carolTakes(world, id('30min'), Date.parse(time.start)).ok).toBe(true);
    const requests = world.count('GET /v2/slots');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone booked that time just before you. Please choose another time.',
    );
    expect(root()).toHaveAttribute('data-state', 'slotTaken');
    expect(onBookingError).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ kind: 'invalid_request', status: 400 }),
    );
    expect(onBookingSuccess).not.toHaveBeenCalled();
    await waitFor(() => expect(world.count('GET /v2/slots')).toBeGreaterThan(requests));
    // The same day's times, the taken one gone once refetched.
    await waitFor(() => expect(shownTimes().length).toBeGreaterThan(0));
    await waitFor(() => expect(shownTimes().some((t) => t.start === time.start)).toBe(false));
    expect(screen.getByRole('gridcell', { selected: true })).toHaveAttribute('data-date', time.day);

    const other = await chooseTime(user);
    expect(other.start).not.toBe(time.start);
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveValue('Bob');
    expect(screen.getByRole('textbox', { name: 'Email address' })).toHaveValue('bob@example.com');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(onBookingSuccess).toHaveBeenCalledOnce();
    expect(world.model.bookings('alice').map((b) => b.attendee.name)).toEqual(['Carol', 'Bob']);
  });

  it('another failure: the error with a retry, and back to the details', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const fetch = failFirstBooking(world, () =>
      calErrorResponse(
        '/v2/bookings',
        500,
        { code: 'InternalServerErrorException', message: 'Boom' },
        { timestamp: new Date().toISOString() },
      ),
    );
    const onBookingError = vi.fn();
    const { root } = renderBooker(
      world,
      { eventTypeId: id('15min'), timeZone: 'UTC', onBookingError },
      fetch,
    );
    await chooseTime(user);
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'));
    expect(heading()).toHaveTextContent('The booking could not be made.');
    expect(onBookingError).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ kind: 'server' }),
    );
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(root()).toHaveAttribute('data-state', 'details');
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveValue('Bob');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(world.model.bookings('alice')).toHaveLength(1);
  });

  it('retry from the error books with the same details', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const fetch = failFirstBooking(world, () =>
      calErrorResponse('/v2/bookings', 503, { code: 'X', message: 'Boom' }),
    );
    const { root } = renderBooker(world, { eventTypeId: id('15min'), timeZone: 'UTC' }, fetch);
    await chooseTime(user);
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(world.model.bookings('alice')[0]?.attendee.name).toBe('Bob');
  });

  it('reschedule: loads the booking, offers its event type’s times, asks only the reason, moves it', async () => {
    const { world, id } = bookerWorld('UTC');
    const user = userEvent.setup();
    const [first] = world.model.slots(id('30min'), Date.now(), Date.now() + 60 * 86_400_000);
    if (!first) throw new Error('no slots');
    const original = seedBobBooking(world, id('30min'), first.start);
    const onBookingSuccess = vi.fn<(booking: CalBooking, details: object) => void>();
    const { root } = renderBooker(world, {
      rescheduleUid: original.uid,
      timeZone: 'UTC',
      onBookingSuccess,
    });
    expect(root()).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('region', { name: 'Reschedule your meeting' })).toBe(root());
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'choosingDay'));
    expect(screen.getByText('30 Minute Meeting')).toBeInTheDocument();
    const slotCall = await firstSlotsCall(world);
    expect(slotCall?.searchParams.get('bookingUidToReschedule')).toBe(original.uid);
    const time = await chooseTime(user, 1);
    expect(screen.queryByRole('textbox', { name: 'Your name' })).toBeNull();
    await user.type(
      screen.getByRole('textbox', { name: 'Reason for reschedule (optional)' }),
      'Clash',
    );
    await user.click(screen.getByRole('button', { name: 'Confirm new time' }));
    await screen.findByRole('heading', { name: 'Your meeting was moved' });
    expect(screen.queryByRole('button', { name: 'Book another meeting' })).toBeNull();
    const moved = onBookingSuccess.mock.calls[0]?.[0];
    expect(moved?.rescheduledFromUid).toBe(original.uid);
    expect(Date.parse(moved?.start ?? '')).toBe(Date.parse(time.start));
    expect(world.model.booking(original.uid)?.status).toBe('cancelled');
    expect(world.model.booking(moved?.uid ?? '')?.reschedulingReason).toBe('Clash');
  });

  it('reschedule a booking whose event type was deleted: says it cannot, offers no other type', async () => {
    const { world } = bookerWorld('UTC');
    const orphan = {
      id: 9,
      uid: 'orphan',
      title: 'Old',
      status: 'accepted',
      start: '2027-03-01T09:00:00.000Z',
      end: '2027-03-01T09:30:00.000Z',
      duration: 30,
      eventTypeId: null,
      attendees: [{ name: 'Bob', email: 'bob@example.com', timeZone: 'UTC' }],
      createdAt: '2027-01-01T00:00:00Z',
    };
    const { root } = renderBooker(
      world,
      { rescheduleUid: 'orphan', timeZone: 'UTC' },
      (input, init) =>
        String(input instanceof Request ? input.url : input).endsWith('/v2/bookings/orphan')
          ? Promise.resolve(Response.json({ status: 'success', data: orphan }))
          : world.fetch(input, init),
    );
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'cannotReschedule'));
    expect(heading()).toHaveTextContent('Reschedule your meeting');
    expect(
      screen.getByText('This booking can’t be rescheduled: its meeting type no longer exists.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('by slug and username, with defaultFormValues', async () => {
    const { world, host } = bookerWorld('UTC');
    const user = userEvent.setup();
    renderBooker(world, {
      eventTypeSlug: '15min',
      username: host.username,
      timeZone: 'Asia/Kolkata',
      defaultFormValues: { name: 'Bob', email: 'bob@example.com' },
    });
    await screen.findByText('15 Minute Meeting');
    await chooseTime(user);
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveValue('Bob');
    await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await screen.findByRole('heading', { name: 'Your meeting is booked' });
    expect(world.model.bookings('alice')[0]?.attendee.timeZone).toBe('Asia/Kolkata');
  });

  it('labels and className', async () => {
    const { world } = bookerWorld();
    const { root } = renderBooker(world, {
      className: 'mine',
      labels: { bookerChooseEventType: 'Wählen Sie einen Termin', bookerTitle: 'Buchen' },
    });
    expect(root()).toHaveClass('aisq-booker', 'mine');
    expect(screen.getByRole('region', { name: 'Buchen' })).toBe(root());
    expect(heading()).toHaveTextContent('Wählen Sie einen Termin');
  });

  describe('another user signs in', () => {
    /** Alice at the details of the 30-minute meeting, Alice Secret typed in; bob integrated too. */
    async function aliceAtDetails(
      wrap = (fetch: typeof globalThis.fetch): typeof globalThis.fetch => fetch,
    ) {
      const { world } = bookerWorld('UTC');
      world.model.integrate({ sub: 'bob' });
      const user = userEvent.setup();
      const onBookingSuccess = vi.fn();
      const view = renderWithProviders(
        <CalBooker timeZone="UTC" onBookingSuccess={onBookingSuccess} />,
        { provider: { jwt: fakeJwt('alice'), fetch: wrap(world.fetch), calApiUrl: CAL } },
      );
      const root = () => view.container.querySelector('.aisq-booker');
      await user.click(await screen.findByRole('button', { name: /30 Minute Meeting/ }));
      await chooseTime(user);
      await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Alice Secret');
      await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'alice@x.example');
      /** Signs bob in; returns what the booker shows once bob's identity reaches it. */
      const bobSignsIn = async () => {
        view.rerenderProvider({ jwt: fakeJwt('bob') });
        await waitFor(() => expect(root()).toHaveAttribute('data-state', 'choosingEventType'));
        return root()?.textContent ?? '';
      };
      return { world, user, root, onBookingSuccess, bobSignsIn };
    }

    it('on the details: the next user starts over, with nothing typed before', async () => {
      const { user, root, bobSignsIn } = await aliceAtDetails();
      await bobSignsIn();
      await user.click(await screen.findByRole('button', { name: /30 Minute Meeting/ }));
      await chooseTime(user);
      expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveValue('');
      expect(root()?.textContent).not.toContain('Alice Secret');
    });

    it('with a pinned event type: the picker forgets the day the previous user chose', async () => {
      const { world, id } = bookerWorld('UTC');
      world.model.integrate({ sub: 'bob' });
      const user = userEvent.setup();
      const view = renderWithProviders(<CalBooker eventTypeId={id('30min')} timeZone="UTC" />, {
        provider: { jwt: fakeJwt('alice'), fetch: world.fetch, calApiUrl: CAL },
      });
      const root = () => view.container.querySelector('.aisq-booker');
      await chooseFirstDay(user);
      expect(root()?.querySelector('.aisq-slot-picker__day-title')).not.toBeNull();
      view.rerenderProvider({ jwt: fakeJwt('bob') });
      await waitFor(() => expect(root()?.querySelector('.aisq-slot-picker__day-title')).toBeNull());
      expect(root()?.querySelector('[aria-selected="true"]')).toBeNull();
    });

    it('while booking: the next user is not left on "Booking…"; the outcome is ignored', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const setup = await aliceAtDetails((fetch) => async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (init?.method === 'POST' && url.endsWith('/v2/bookings')) await gate;
        return fetch(input, init);
      });
      await setup.user.click(screen.getByRole('button', { name: 'Confirm booking' }));
      expect(setup.root()).toHaveAttribute('data-state', 'submitting');
      await setup.bobSignsIn();
      await act(async () => {
        release();
        await new Promise((resolve) => setTimeout(resolve, 100));
      });
      expect(setup.root()).toHaveAttribute('data-state', 'choosingEventType');
      expect(setup.root()).not.toHaveAttribute('aria-busy');
      expect(setup.onBookingSuccess).not.toHaveBeenCalled();
    });

    it('on the confirmation: the next user never sees the booking', async () => {
      const { user, bobSignsIn } = await aliceAtDetails();
      await user.click(screen.getByRole('button', { name: 'Confirm booking' }));
      await screen.findByRole('heading', { name: 'Your meeting is booked' });
      expect(await bobSignsIn()).not.toMatch(/Alice Secret|alice@x\.example/);
      expect(screen.queryByRole('link', { name: 'Add to calendar (.ics)' })).toBeNull();
    });
  });
});
