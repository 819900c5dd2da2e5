/**
 * Recurring series: booking a recurring event type's occurrences at once, and cancelling the ones
 * still to come.
 *
 * @module
 */
import { checkFieldResponses, resolveLocation } from './bookingChecks.js';
import { isLive, markCancelled, newBooking, ownedEventType, seriesOf } from './bookings.js';
import { badRequest, bookingNotFound, CAL_MESSAGES, notFound } from './failures.js';
import type { CalFakeBooking, CalFakeFailure, CreateBookingInput } from './modelTypes.js';
import { randomString } from './random.js';
import { checkStart, MINUTE_MS } from './slots.js';
import { type CalFakeWorld, copyBooking } from './world.js';
import { addInZone } from './zoneMaths.js';

/**
 * A recurring event type's series, as Cal.com's input service lays it out
 * (input.service.ts @ 01598ed41a205884e52f5c03577b81e41bce0fff, `transformInputCreateRecurringBooking`:
 * the event type's length, a count no higher than the event type's, each start stepped on the
 * attendee's wall clock) and its recurring booking service books it
 * (packages/features/bookings/lib/service/RecurringBookingService.ts
 * @ f0ac6126fbf673cb8202562293bf12d976ccaa49: `numSlotsToCheckForAvailability = 1`, so only the
 * first occurrence is checked; the others are booked as they fall).
 */
export function createRecurringBooking(
  world: CalFakeWorld,
  input: CreateBookingInput & { recurrenceCount?: number | undefined },
): { ok: true; bookings: CalFakeBooking[] } | { ok: false; failure: CalFakeFailure } {
  const found = ownedEventType(world, input.eventTypeId);
  if (found === undefined) {
    return { ok: false, failure: notFound(`Event type with id ${input.eventTypeId} not found.`) };
  }
  const { eventType, owner } = found;
  const fieldFailure = checkFieldResponses(eventType, { ...input.bookingFieldsResponses });
  if (fieldFailure !== undefined) return { ok: false, failure: fieldFailure };
  const recurrence = eventType.recurrence;
  if (recurrence === null) {
    return {
      ok: false,
      failure: notFound(`Event type with id=${eventType.id} is not a recurring event`),
    };
  }
  if (input.recurrenceCount !== undefined && input.recurrenceCount > recurrence.occurrences) {
    return {
      ok: false,
      failure: badRequest(
        "Provided recurrence count is higher than the event type's recurring event count.",
      ),
    };
  }
  const count = input.recurrenceCount || recurrence.occurrences;
  const lengthMs = eventType.lengthInMinutes * MINUTE_MS;
  const unit = ({ weekly: 'weeks', monthly: 'months', yearly: 'years' } as const)[
    recurrence.frequency
  ];
  const firstUid = randomString(22);
  const place = resolveLocation(eventType, input.location, firstUid);
  if (!place.ok) return place;
  const startFailure = checkStart(world, eventType, input.start, lengthMs, undefined);
  if (startFailure !== undefined) return { ok: false, failure: startFailure };
  const recurringEventId = globalThis.crypto.randomUUID();
  const made: CalFakeBooking[] = [];
  for (let index = 0; index < count; index += 1) {
    const uid = index === 0 ? firstUid : randomString(22);
    const start = addInZone(
      input.start,
      input.attendee.timeZone,
      unit,
      index * recurrence.interval,
    );
    const booking = newBooking(world, eventType, owner, input, {
      uid,
      start,
      lengthMs,
      location:
        place.location === `https://app.cal.com/video/${firstUid}`
          ? `https://app.cal.com/video/${uid}`
          : place.location,
      locationResponse: place.response,
    });
    booking.recurringEventId = recurringEventId;
    world.bookings.push(booking);
    made.push(booking);
  }
  return { ok: true, bookings: made.map(copyBooking) };
}
/** Cancels every live occurrence of a series that has not started yet; answers the whole series. */
export function cancelSeries(
  world: CalFakeWorld,
  recurringEventId: string,
  input: { cancellationReason?: string; cancelledBy?: string },
): { ok: true; bookings: CalFakeBooking[] } | { ok: false; failure: CalFakeFailure } {
  const series = seriesOf(world, recurringEventId);
  if (series.length === 0) return { ok: false, failure: bookingNotFound(recurringEventId) };
  // Cal.com's `allRemainingBookings`: the occurrences that have not started yet.
  const at = world.now();
  const remaining = series.filter((booking) => isLive(booking) && booking.start >= at);
  if (remaining.length === 0) {
    return { ok: false, failure: badRequest(CAL_MESSAGES.alreadyCancelled) };
  }
  for (const booking of remaining) markCancelled(world, booking, input);
  return { ok: true, bookings: series.map(copyBooking) };
}
