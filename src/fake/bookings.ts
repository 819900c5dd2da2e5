/**
 * One-off bookings: the stored record and Cal.com's `responses`, creating (fields, length, location,
 * then time), finding, cancelling and rescheduling.
 *
 * @module
 */
import { checkFieldResponses, checkLength, resolveLocation } from './bookingChecks.js';
import { badRequest, bookingNotFound, CAL_MESSAGES, notFound } from './failures.js';
import type {
  CalFakeBooking,
  CalFakeFailure,
  CalFakeUser,
  CreateBookingInput,
} from './modelTypes.js';
import { randomString } from './random.js';
import { joinSeat, newSeat, seatedBookingAt } from './seats.js';
import { checkStart, lengthFor, MINUTE_MS } from './slots.js';
import { type CalFakeWorld, copyBooking, type OwnedEventType } from './world.js';

/** A new booking record (not stored), with Cal.com's `responses` (input.service.ts, `transformInputCreateBooking`). */
export function newBooking(
  world: CalFakeWorld,
  eventType: OwnedEventType,
  owner: CalFakeUser,
  input: CreateBookingInput,
  fields: {
    uid: string;
    start: number;
    lengthMs: number;
    location: string;
    locationResponse: { value: string; optionValue: string } | undefined;
    reason?: string | undefined;
  },
): CalFakeBooking {
  const given = { ...input.bookingFieldsResponses };
  const guests = input.guests ?? [];
  const responses: Record<string, unknown> = {
    ...given,
    name: input.attendee.name,
    email: input.attendee.email,
  };
  if (input.attendee.phoneNumber !== undefined) {
    responses.attendeePhoneNumber = input.attendee.phoneNumber;
  }
  if (guests.length > 0) responses.guests = [...guests];
  if (fields.locationResponse !== undefined) responses.location = fields.locationResponse;
  if (fields.reason !== undefined) responses.rescheduledReason = fields.reason;
  const at = world.now();
  const seated = eventType.seats === undefined ? {} : { seats: [newSeat(input, { ...responses })] };
  return {
    ...seated,
    id: world.nextBookingId++,
    uid: fields.uid,
    ownerSub: eventType.ownerSub,
    eventTypeId: eventType.id,
    start: fields.start,
    end: fields.start + fields.lengthMs,
    // A type that requires confirmation books `pending` (handleNewBooking's `isConfirmedByDefault`).
    status: eventType.confirmationPolicy === undefined ? 'accepted' : 'pending',
    title: `${eventType.title} between ${owner.name} and ${input.attendee.name}`,
    description: typeof given.notes === 'string' && given.notes !== '' ? given.notes : null,
    attendee: { ...input.attendee, language: input.attendee.language ?? 'en' },
    guests: [...guests],
    responses,
    metadata: { ...input.metadata },
    location: fields.location,
    createdAt: at,
    updatedAt: null,
  };
}

export function ownedEventType(world: CalFakeWorld, eventTypeId: number) {
  const eventType = world.eventTypes.get(eventTypeId);
  const owner = eventType === undefined ? undefined : world.users.get(eventType.ownerSub);
  return eventType === undefined || owner === undefined ? undefined : { eventType, owner };
}

export function createBooking(
  world: CalFakeWorld,
  input: CreateBookingInput,
  createOptions: { rescheduleOf?: CalFakeBooking; rescheduledBy?: string; reason?: string } = {},
):
  | { ok: true; booking: CalFakeBooking; seatUid?: string }
  | { ok: false; failure: CalFakeFailure } {
  const found = ownedEventType(world, input.eventTypeId);
  if (found === undefined) {
    return { ok: false, failure: notFound(`Event type with id ${input.eventTypeId} not found.`) };
  }
  const { eventType, owner } = found;
  // Cal.com's order: the booking fields (bookings.service.ts), then the length and the location
  // (input.service.ts), then time and availability (the booking handler).
  // A reschedule keeps the booking's answers (the fake's choice: see docs/sandbox-cal.md).
  if (createOptions.rescheduleOf === undefined) {
    const failure =
      checkFieldResponses(eventType, { ...input.bookingFieldsResponses }) ??
      checkLength(eventType, input.lengthInMinutes);
    if (failure !== undefined) return { ok: false, failure };
  }
  const uid = randomString(22);
  const place = resolveLocation(eventType, input.location, uid);
  if (!place.ok) return place;
  const lengthMs = lengthFor(eventType, input.lengthInMinutes) * MINUTE_MS;
  const startFailure = checkStart(
    world,
    eventType,
    input.start,
    lengthMs,
    createOptions.rescheduleOf?.uid,
  );
  if (startFailure !== undefined) return { ok: false, failure: startFailure };
  // The time alone picks the seated booking to join (handleSeats); no extra input.
  const seatedBooking = seatedBookingAt(world, eventType, input.start);
  if (seatedBooking !== undefined) return joinSeat(world, seatedBooking, eventType, input);
  const booking = newBooking(world, eventType, owner, input, {
    uid,
    start: input.start,
    lengthMs,
    location: place.location,
    locationResponse: place.response,
    reason: createOptions.reason,
  });
  if (createOptions.rescheduleOf !== undefined) {
    booking.rescheduledFromUid = createOptions.rescheduleOf.uid;
    if (createOptions.reason !== undefined) booking.reschedulingReason = createOptions.reason;
    if (createOptions.rescheduledBy !== undefined)
      booking.rescheduledByEmail = createOptions.rescheduledBy;
  }
  world.bookings.push(booking);
  const seatUid = booking.seats?.[0]?.seatUid;
  return { ok: true, booking: copyBooking(booking), ...(seatUid === undefined ? {} : { seatUid }) };
}
export function findBooking(world: CalFakeWorld, uid: string): CalFakeBooking | undefined {
  return world.bookings.find((booking) => booking.uid === uid);
}

export function seriesOf(world: CalFakeWorld, recurringEventId: string): CalFakeBooking[] {
  return world.bookings
    .filter((booking) => booking.recurringEventId === recurringEventId)
    .sort((a, b) => a.start - b.start || a.id - b.id);
}

export const isLive = (booking: CalFakeBooking) =>
  booking.status === 'accepted' || booking.status === 'pending';

export function markCancelled(
  world: CalFakeWorld,
  booking: CalFakeBooking,
  input: { cancellationReason?: string; cancelledBy?: string },
): void {
  booking.status = 'cancelled';
  booking.updatedAt = world.now();
  if (input.cancellationReason !== undefined) booking.cancellationReason = input.cancellationReason;
  if (input.cancelledBy !== undefined) booking.cancelledByEmail = input.cancelledBy;
}

export function cancelBooking(
  world: CalFakeWorld,
  uid: string,
  input: {
    cancellationReason?: string;
    cancelledBy?: string;
    cancelSubsequentBookings?: boolean;
  },
): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure } {
  const booking = findBooking(world, uid);
  if (booking === undefined) return { ok: false, failure: bookingNotFound(uid) };
  if (!isLive(booking)) {
    return { ok: false, failure: badRequest(CAL_MESSAGES.alreadyCancelled) };
  }
  markCancelled(world, booking, input);
  // Cal.com's cancel handler with `cancelSubsequentBookings`: this occurrence and every later one.
  if (input.cancelSubsequentBookings === true && booking.recurringEventId !== undefined) {
    for (const later of seriesOf(world, booking.recurringEventId)) {
      if (later !== booking && later.start >= booking.start && isLive(later)) {
        markCancelled(world, later, input);
      }
    }
  }
  return { ok: true, booking: copyBooking(booking) };
}
export function rescheduleBooking(
  world: CalFakeWorld,
  uid: string,
  input: { start: number; reschedulingReason?: string; rescheduledBy?: string },
): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure } {
  const old = findBooking(world, uid);
  if (old === undefined) return { ok: false, failure: bookingNotFound(uid) };
  if (old.status === 'cancelled' && old.rescheduledToUid !== undefined) {
    return {
      ok: false,
      failure: badRequest(
        `Can't reschedule booking with uid=${uid} because it has been cancelled and rescheduled already to booking with uid=${old.rescheduledToUid}. You probably want to reschedule ${old.rescheduledToUid} instead by passing it within the request URL.`,
      ),
    };
  }
  if (old.status === 'cancelled' || old.status === 'rejected') {
    return {
      ok: false,
      failure: badRequest(
        `Can't reschedule booking with uid=${uid} because it has been cancelled. Please provide uid of a booking that is not cancelled.`,
      ),
    };
  }
  const { rescheduledReason: _reason, ...responses } = old.responses;
  const result = createBooking(
    world,
    {
      eventTypeId: old.eventTypeId,
      start: input.start,
      // Cal.com's reschedule takes no length: the new booking has the event type's own
      // (reschedule-booking.input.ts @ f0ac6126fbf673cb8202562293bf12d976ccaa49 has no lengthInMinutes).
      attendee: old.attendee,
      guests: old.guests,
      bookingFieldsResponses: responses,
      metadata: old.metadata,
      // Cal.com moves the booking's own location (input.service.ts `getRescheduleBookingLocation`);
      // a Cal Video link is the new booking's own.
      ...(old.location === `https://app.cal.com/video/${old.uid}`
        ? {}
        : { location: old.location }),
    },
    {
      rescheduleOf: old,
      ...(input.rescheduledBy !== undefined ? { rescheduledBy: input.rescheduledBy } : {}),
      ...(input.reschedulingReason !== undefined ? { reason: input.reschedulingReason } : {}),
    },
  );
  if (!result.ok) return result;
  old.status = 'cancelled';
  old.rescheduledToUid = result.booking.uid;
  old.updatedAt = world.now();
  if (input.rescheduledBy !== undefined) old.rescheduledByEmail = input.rescheduledBy;
  return result;
}
