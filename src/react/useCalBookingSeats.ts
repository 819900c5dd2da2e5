'use client';

import { calOwnSeat } from '../booking/seats.js';
import type { CalAttendee, CalBooking } from '../calapi/types.js';
import { useCalEventTypes, useCalMe } from './useCalQueries.js';

/** A seated booking's seats as a list shows them. */
export interface CalBookingSeats {
  /** Seats taken: the booking's attendees (Cal.com lists every seat in `GET /v2/bookings`). */
  taken: number;
  /** The event type's `seats.seatsPerTimeSlot`, once the event types are known. */
  total: number | undefined;
  /** The viewer's own seat: the attendee whose e-mail is the user's Cal.com e-mail, with `seatUid`. */
  own: (CalAttendee & { seatUid: string }) | undefined;
}

const isSeated = (booking: CalBooking) =>
  booking.attendees.some((attendee) => typeof attendee.seatUid === 'string');

/**
 * The seats of each seated booking of `bookings`: how many are taken, of how many, and the viewer's
 * own. Asks `GET /v2/me` and `GET /v2/event-types` (both shared, cached queries) only once a seated
 * booking is among `bookings`; `undefined` for a booking that is not seated.
 */
export function useCalBookingSeats(
  bookings: readonly CalBooking[],
): (booking: CalBooking) => CalBookingSeats | undefined {
  const enabled = bookings.some(isSeated);
  const email = useCalMe({ enabled }).data?.email;
  const types = useCalEventTypes(undefined, { enabled }).data;
  return (booking) =>
    isSeated(booking)
      ? {
          taken: booking.attendees.length,
          total: types?.find((type) => type.id === booking.eventTypeId)?.seats?.seatsPerTimeSlot,
          own: calOwnSeat(booking, email),
        }
      : undefined;
}
