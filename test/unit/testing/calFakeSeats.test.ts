// Seated event types and confirmation required, as the fake answers them through its HTTP handler.
import { beforeEach, describe, expect, it } from 'vitest';
import { CAL_API_VERSIONS, type CalResponse, handleCalRequest } from '../../../src/fake/handle.js';
import { type CalFakeModel, createCalFakeModel } from '../../../src/fake/model.js';

const at = (iso: string) => Date.parse(iso);
let model: CalFakeModel;

beforeEach(() => {
  model = createCalFakeModel({ now: () => at('2025-03-21T12:00:00Z') });
});

function call(method: string, target: string, body?: unknown, token?: string): CalResponse {
  const url = new URL(target, 'http://cal.test');
  const headers: Record<string, string> = {
    'cal-api-version': url.pathname.startsWith('/v2/slots')
      ? CAL_API_VERSIONS.slots
      : url.pathname.startsWith('/v2/event-types')
        ? CAL_API_VERSIONS.eventTypes
        : CAL_API_VERSIONS.bookings,
  };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return handleCalRequest(model, {
    method,
    pathname: url.pathname,
    query: url.searchParams,
    headers: (name) => headers[name],
    body: body === undefined ? undefined : JSON.stringify(body),
    url: `${url.pathname}${url.search}`,
  });
}

const data = <T>(response: CalResponse) => (response.body as { data: T }).data;
const message = (response: CalResponse) =>
  (response.body as { error: { message: string } }).error.message;

function setup() {
  model.integrate({ sub: 'alice', email: 'alice@example.com' }, { timeZone: 'Europe/London' });
  const token = model.issueAccessToken('alice', 3600);
  const types = model.eventTypes('alice');
  const bySlug = (slug: string) => types.find((type) => type.slug === slug)!.id;
  return {
    token,
    workshop: bySlug('group-workshop'),
    qa: bySlug('community-qa'),
    intro: bySlug('intro-call'),
  };
}

const person = (name: string) => ({
  name,
  email: `${name.toLowerCase()}@example.com`,
  timeZone: 'Europe/Paris',
});
const START = '2025-03-24T10:00:00.000Z'; // a Monday, 10:00 in London
type Slot = { start: string; seatsBooked?: number; seatsRemaining?: number; bookingUid?: string };
const slotAt = (eventTypeId: number, start = START) =>
  Object.values(
    data<Record<string, Slot[]>>(
      call('GET', `/v2/slots?eventTypeId=${eventTypeId}&start=2025-03-24&end=2025-03-24`),
    ),
  )
    .flat()
    .find((slot) => slot.start === start);

describe('seated event types', () => {
  it('lists `seats` and `confirmationPolicy` as Cal.com writes them', () => {
    const { token } = setup();
    const types = data<{ slug: string; seats: unknown; confirmationPolicy: unknown }[]>(
      call('GET', '/v2/event-types', undefined, token),
    );
    const of = (slug: string) => types.find((type) => type.slug === slug);
    expect(of('group-workshop')?.seats).toEqual({
      disabled: false,
      seatsPerTimeSlot: 3,
      showAttendeeInfo: false,
      showAvailabilityCount: true,
    });
    expect(of('30min')?.seats).toEqual({ disabled: true });
    expect(of('intro-call')?.confirmationPolicy).toEqual({
      type: 'always',
      blockUnconfirmedBookingsInBooker: false,
    });
  });

  it('joins one booking per time until full, then 409; the full time stays listed', () => {
    const { workshop, token } = setup();
    expect(slotAt(workshop)).toEqual({
      start: START,
      seatsBooked: 0,
      seatsRemaining: 3,
      seatsTotal: 3,
    });
    const first = call('POST', '/v2/bookings', {
      eventTypeId: workshop,
      start: START,
      attendee: person('Ann'),
    });
    expect(first.status).toBe(201);
    const booking = data<{ uid: string; seatUid: string; attendees: unknown[] }>(first);
    expect(booking.seatUid).toEqual(expect.any(String));
    // Not the owner, and the type hides attendees: none shown.
    expect(booking.attendees).toEqual([]);
    const second = data<{ uid: string; seatUid: string }>(
      call('POST', '/v2/bookings', {
        eventTypeId: workshop,
        start: START,
        attendee: person('Ben'),
      }),
    );
    expect(second.uid).toBe(booking.uid);
    expect(second.seatUid).not.toBe(booking.seatUid);
    call('POST', '/v2/bookings', { eventTypeId: workshop, start: START, attendee: person('Cy') });
    const full = call('POST', '/v2/bookings', {
      eventTypeId: workshop,
      start: START,
      attendee: person('Di'),
    });
    expect({ status: full.status, message: message(full) }).toEqual({
      status: 409,
      message: 'No more seats left at this seated booking.',
    });
    expect(slotAt(workshop)).toEqual({
      start: START,
      seatsBooked: 3,
      seatsRemaining: 0,
      seatsTotal: 3,
      bookingUid: booking.uid,
    });
    // The owner sees every seat, in the list and alone.
    const owned = data<{ attendees: { seatUid: string; bookingFieldsResponses: object }[] }>(
      call('GET', `/v2/bookings/${booking.uid}`, undefined, token),
    );
    expect(owned.attendees.map((attendee) => attendee.seatUid)).toHaveLength(3);
    expect(owned.attendees[0]?.bookingFieldsResponses).not.toHaveProperty('email');
    expect(owned).not.toHaveProperty('bookingFieldsResponses');
    expect(owned).not.toHaveProperty('cancelledByEmail');
  });

  it('cancels one seat with `seatUid`; the last seat cancels the booking', () => {
    const { workshop, token } = setup();
    const book = (name: string) =>
      data<{ uid: string; seatUid: string }>(
        call('POST', '/v2/bookings', {
          eventTypeId: workshop,
          start: START,
          attendee: person(name),
        }),
      );
    const ann = book('Ann');
    const ben = book('Ben');
    const cancelled = call(
      'POST',
      `/v2/bookings/${ann.uid}/cancel`,
      { seatUid: ann.seatUid },
      token,
    );
    expect(cancelled.status).toBe(200);
    expect(data<{ status: string; attendees: { seatUid: string }[] }>(cancelled)).toMatchObject({
      status: 'accepted',
      attendees: [{ seatUid: ben.seatUid }],
    });
    expect(slotAt(workshop)?.seatsBooked).toBe(1);
    const again = call('POST', `/v2/bookings/${ann.uid}/cancel`, { seatUid: ann.seatUid });
    expect(message(again)).toBe(
      'Invalid seatUid: this seat does not exist or has already been cancelled.',
    );
    const last = call('POST', `/v2/bookings/${ann.uid}/cancel`, { seatUid: ben.seatUid });
    expect(data<{ status: string }>(last).status).toBe('cancelled');
    expect(slotAt(workshop)).toEqual({
      start: START,
      seatsBooked: 0,
      seatsRemaining: 3,
      seatsTotal: 3,
    });
  });

  it('shows attendees to each other when the type says so; reschedules a seat, not the booking', () => {
    const { qa } = setup();
    const ann = data<{ uid: string; seatUid: string; attendees: { name: string }[] }>(
      call('POST', '/v2/bookings', { eventTypeId: qa, start: START, attendee: person('Ann') }),
    );
    expect(ann.attendees.map((attendee) => attendee.name)).toEqual(['Ann']);
    const whole = call('POST', `/v2/bookings/${ann.uid}/reschedule`, {
      start: '2025-03-24T11:00:00.000Z',
    });
    expect(whole.status).toBe(400);
    expect(message(whole)).toContain('is a seated booking which means you have to provide seatUid');
    const moved = call('POST', `/v2/bookings/${ann.uid}/reschedule`, {
      start: '2025-03-24T11:00:00.000Z',
      seatUid: ann.seatUid,
    });
    expect(moved.status).toBe(201);
    expect(data<{ start: string; seatUid: string }>(moved)).toMatchObject({
      start: '2025-03-24T11:00:00.000Z',
      seatUid: expect.any(String),
    });
    expect(model.booking(ann.uid)?.status).toBe('cancelled');
  });
});

describe('seat holds (slot reservations of a seated type)', () => {
  const hold = () =>
    call('POST', '/v2/slots/reservations', { eventTypeId: setup().workshop, slotStart: START });

  it('counts a held seat in the slots instead of hiding the time; a second hold of it is 422', () => {
    const first = hold();
    expect(first.status).toBe(201);
    const { workshop } = setup();
    expect(slotAt(workshop)).toMatchObject({ seatsBooked: 1, seatsRemaining: 2, seatsTotal: 3 });
    // checkSlotOverlap runs for seated types too.
    const second = call('POST', '/v2/slots/reservations', {
      eventTypeId: workshop,
      slotStart: START,
    });
    expect(second.status).toBe(422);
    expect(message(second)).toBe(
      'This time slot is already reserved by another user. Please choose a different time.',
    );
  });

  it('holds a seat of a booked time with seats left, and refuses a full one with its own 422', () => {
    const { workshop } = setup();
    for (const name of ['Ann', 'Ben']) {
      call('POST', '/v2/bookings', { eventTypeId: workshop, start: START, attendee: person(name) });
    }
    const third = call('POST', '/v2/slots/reservations', {
      eventTypeId: workshop,
      slotStart: START,
    });
    expect(third.status).toBe(201);
    call(
      'DELETE',
      `/v2/slots/reservations/${data<{ reservationUid: string }>(third).reservationUid}`,
    );
    call('POST', '/v2/bookings', { eventTypeId: workshop, start: START, attendee: person('Cy') });
    const full = call('POST', '/v2/slots/reservations', {
      eventTypeId: workshop,
      slotStart: START,
    });
    expect(full.status).toBe(422);
    expect(message(full)).toBe(`Booking with id=${workshop} at ${START} has no more seats left.`);
  });
});

describe('confirmation required', () => {
  it('books `pending`, listed as unconfirmed; the time stays on offer (blockUnconfirmedBookingsInBooker false)', () => {
    const { intro, token } = setup();
    const created = call('POST', '/v2/bookings', {
      eventTypeId: intro,
      start: START,
      attendee: person('Ann'),
    });
    expect(data<{ status: string }>(created).status).toBe('pending');
    expect(slotAt(intro)).toEqual({ start: START });
    const unconfirmed = data<{ status: string }[]>(
      call('GET', '/v2/bookings?status=unconfirmed', undefined, token),
    );
    expect(unconfirmed.map((booking) => booking.status)).toEqual(['pending']);
  });

  it('with blockUnconfirmedBookingsInBooker true, a pending time is busy (INFERRED rule)', () => {
    const { intro } = setup();
    // The model keeps the stored event type behind `eventType(id)`; a test may tune its policy.
    model.eventType(intro)!.confirmationPolicy = {
      type: 'always',
      blockUnconfirmedBookingsInBooker: true,
    };
    call('POST', '/v2/bookings', { eventTypeId: intro, start: START, attendee: person('Ann') });
    expect(slotAt(intro)).toBeUndefined();
  });
});
