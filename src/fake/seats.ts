/**
 * Seated event types: one booking per time that attendees join seat by seat until it is full, and
 * cancelling one seat. Written from Cal.com's booking handler and its API v2 service:
 * - joining: packages/features/bookings/lib/handleSeats (a create at a time that already has a seated
 *   booking of the event type adds a `BookingSeat` to it; a full one is `booking_seats_full_error`,
 *   which apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts @ cd764fd8 answers 409);
 * - cancelling: handleSeats/cancel/cancelAttendeeSeat.ts (index id 721117275): a seat is removed when
 *   the booking has two attendees or more; the last seat falls through to cancelling the booking.
 *
 * @module
 */
import { badRequest } from './failures.js';
import type {
  CalFakeBooking,
  CalFakeEventType,
  CalFakeFailure,
  CreateBookingInput,
} from './modelTypes.js';
import { heldSeats } from './reservations.js';
import { type CalFakeWorld, copyBooking } from './world.js';

/** Cal.com's 409 for a seated booking that is full (ErrorsBookingsService_2024_08_13). */
export const seatsFull = (): CalFakeFailure => ({
  status: 409,
  code: 'ConflictException',
  message: 'No more seats left at this seated booking.',
});

/** The live seated booking of `eventType` that starts at `start`, if any (not `ignoreUid`). */
export function seatedBookingAt(
  world: CalFakeWorld,
  eventType: CalFakeEventType,
  start: number,
  ignoreUid?: string,
): CalFakeBooking | undefined {
  if (eventType.seats === undefined) return undefined;
  return world.bookings.find(
    (booking) =>
      booking.eventTypeId === eventType.id &&
      booking.start === start &&
      booking.uid !== ignoreUid &&
      booking.seats !== undefined &&
      (booking.status === 'accepted' || booking.status === 'pending'),
  );
}

/** A new seat for the attendee of `input`, with the answers Cal.com keeps on the seat. */
export function newSeat(input: CreateBookingInput, responses: Record<string, unknown>) {
  return {
    seatUid: globalThis.crypto.randomUUID(),
    attendee: { ...input.attendee, language: input.attendee.language ?? 'en' },
    responses,
  };
}

/** Adds the attendee of `input` to `booking` as a new seat, or Cal.com's 409 when it is full. */
export function joinSeat(
  world: CalFakeWorld,
  booking: CalFakeBooking,
  eventType: CalFakeEventType,
  input: CreateBookingInput,
): { ok: true; booking: CalFakeBooking; seatUid: string } | { ok: false; failure: CalFakeFailure } {
  const seats = booking.seats ?? [];
  if (seats.length >= (eventType.seats?.seatsPerTimeSlot ?? 0)) {
    return { ok: false, failure: seatsFull() };
  }
  const seat = newSeat(input, {
    ...input.bookingFieldsResponses,
    name: input.attendee.name,
    email: input.attendee.email,
  });
  seats.push(seat);
  booking.updatedAt = world.now();
  return { ok: true, booking: copyBooking(booking), seatUid: seat.seatUid };
}

/**
 * `POST /v2/bookings/{uid}/cancel` with `seatUid` (input.service.ts @ 3d4e8782 and bookings.service.ts
 * @ cd764fd8 for the messages): removes that seat; the last seat cancels the booking.
 */
export function cancelSeat(
  world: CalFakeWorld,
  booking: CalFakeBooking | undefined,
  seatUid: string,
): { ok: true; booking: CalFakeBooking; last: boolean } | { ok: false; failure: CalFakeFailure } {
  const owner = world.bookings.find((stored) => stored.seats?.some((s) => s.seatUid === seatUid));
  const live = owner !== undefined && (owner.status === 'accepted' || owner.status === 'pending');
  if (!live) {
    return {
      ok: false,
      failure: badRequest(
        'Invalid seatUid: this seat does not exist or has already been cancelled.',
      ),
    };
  }
  if (owner !== booking) {
    return {
      ok: false,
      failure: badRequest('Invalid seatUid: this seat does not belong to this booking.'),
    };
  }
  const seats = owner.seats ?? [];
  if (seats.length < 2) return { ok: true, booking: copyBooking(owner), last: true };
  owner.seats = seats.filter((seat) => seat.seatUid !== seatUid);
  const first = owner.seats[0];
  if (first !== undefined) owner.attendee = { ...first.attendee };
  owner.updatedAt = world.now();
  return { ok: true, booking: copyBooking(owner), last: false };
}

/** A seated booking's seats as `GET /v2/slots` counts them (`seatsBooked = attendees`). */
export function seatCounts(
  world: CalFakeWorld,
  eventType: CalFakeEventType,
  start: number,
): { booked: number; total: number; bookingUid?: string } | undefined {
  if (eventType.seats === undefined) return undefined;
  const booking = seatedBookingAt(world, eventType, start);
  // util.ts @ 001f8e29 applyOccupiedSeatsToCurrentSeats: live seat holds add to the attendees. For a
  // time without a booking Cal.com then sends a random uuid as `bookingUid`; the fake leaves it out.
  return {
    booked: (booking?.seats?.length ?? 0) + heldSeats(world, eventType.id, start),
    total: eventType.seats.seatsPerTimeSlot,
    ...(booking === undefined ? {} : { bookingUid: booking.uid }),
  };
}
