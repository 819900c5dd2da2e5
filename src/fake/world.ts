/**
 * The mutable state behind one `CalFakeModel`, handed to each part of the model (accounts, slots,
 * bookings, series, throttling) as one object, so `reset()` swaps every field at once.
 *
 * @module
 */
import type {
  CalFakeAvailability,
  CalFakeBooking,
  CalFakeEventType,
  CalFakeReservation,
  CalFakeUser,
} from './modelTypes.js';

/** An event type as the model stores it: with its owner's AISquare `sub`. */
export type OwnedEventType = CalFakeEventType & { ownerSub: string };

/** The fields `reset()` restores. */
export interface CalFakeState {
  users: Map<string, CalFakeUser>;
  availabilityBySub: Map<string, CalFakeAvailability>;
  eventTypes: Map<number, OwnedEventType>;
  bookings: CalFakeBooking[];
  /** Slot reservations, expired ones until a slot search of their event type deletes them. */
  reservations: CalFakeReservation[];
  tokens: Map<string, { sub: string; expiresAt: number }>;
  rate: Map<string, { hits: number; resetAt: number; blockedUntil: number }>;
  /** Requests per minute per tracker; `undefined` for no limit. */
  rateLimit: number | undefined;
  nextUserId: number;
  nextEventTypeId: number;
  nextBookingId: number;
  /** E-mail verification codes "sent", by lower-cased address (emailVerification.ts). */
  emailCodes: Map<string, { code: string; expiresAt: number }>;
  /** The send-code throttle per client. */
  emailCodeSends: Map<string, { hits: number; resetAt: number; blockedUntil: number }>;
}

/** The state and the settings fixed at creation. */
export interface CalFakeWorld extends CalFakeState {
  readonly now: () => number;
  /** Whether new users get the recurring `weekly-check-in` event type. */
  readonly recurringEventType: boolean;
}

/** The world as created, and as `reset()` restores it. */
export function emptyState(rateLimit: number | undefined): CalFakeState {
  return {
    users: new Map(),
    availabilityBySub: new Map(),
    eventTypes: new Map(),
    bookings: [],
    reservations: [],
    tokens: new Map(),
    rate: new Map(),
    rateLimit,
    nextUserId: 1001,
    nextEventTypeId: 1,
    nextBookingId: 1,
    emailCodes: new Map(),
    emailCodeSends: new Map(),
  };
}

/** A copy of a stored booking, so no caller can change the model's record. */
export const copyBooking = (booking: CalFakeBooking): CalFakeBooking => ({
  ...booking,
  attendee: { ...booking.attendee },
  guests: [...booking.guests],
  responses: { ...booking.responses },
  metadata: { ...booking.metadata },
  ...(booking.seats === undefined
    ? {}
    : {
        seats: booking.seats.map((seat) => ({
          ...seat,
          attendee: { ...seat.attendee },
          responses: { ...seat.responses },
        })),
      }),
});
