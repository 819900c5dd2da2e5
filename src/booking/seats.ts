import type { CalAttendee, CalBooking, CalSlot } from '../calapi/types.js';

/**
 * How full a seated time is, as Cal.com's Booker words it when it does not show the count
 * (packages/features/bookings/components/SeatsAvailabilityText.tsx @ cd764fd8): `nearlyFull` from
 * 83 % booked, `halfFull` from 50 %, else `available`; `full` when no seat is left.
 */
export type CalSeatsFullness = 'available' | 'halfFull' | 'nearlyFull' | 'full';

/** The seats of one time of a seated event type, from `GET /v2/slots`. */
export interface CalSlotSeats {
  booked: number;
  remaining: number;
  total: number;
  fullness: CalSeatsFullness;
}

/**
 * The seats of a slot of a seated event type (Cal.com sends `seatsBooked`, `seatsRemaining` and
 * `seatsTotal` on every slot of one), or `undefined` for any other slot.
 */
export function calSlotSeats(slot: CalSlot): CalSlotSeats | undefined {
  // The schema types these keys without checking them (schemas.ts): counts that are not numbers
  // make the slot an ordinary one. Cal.com sends all three on every seated slot.
  const { seatsTotal: total, seatsBooked: booked } = slot;
  if (typeof total !== 'number' || typeof booked !== 'number' || total < 1) return undefined;
  const share = booked / total;
  return {
    booked,
    remaining: Math.max(0, total - booked),
    total,
    // Cal.com's `bookingFull = attendees >= seatsPerTimeSlot` (AvailableTimes.tsx @ 932c8976).
    fullness:
      booked >= total
        ? 'full'
        : share >= 0.83
          ? 'nearlyFull'
          : share >= 0.5
            ? 'halfFull'
            : 'available',
  };
}

/**
 * The attendee of a seated booking whose e-mail is `email` (case-insensitive): one's own seat, with
 * its `seatUid` to cancel just that seat. `undefined` when none matches or the booking is not seated.
 */
export function calOwnSeat(
  booking: CalBooking,
  email: string | undefined,
): (CalAttendee & { seatUid: string }) | undefined {
  if (!email) return undefined;
  const wanted = email.toLowerCase();
  return booking.attendees.find(
    (attendee): attendee is CalAttendee & { seatUid: string } =>
      typeof attendee.seatUid === 'string' && attendee.email.toLowerCase() === wanted,
  );
}
