/**
 * Slot reservations (`/v2/slots/reservations`, `cal-api-version: 2024-09-04`) as Cal.com keeps them:
 * its `reserveSlot`, `updateReservedSlot`, `getReservedSlot` and `deleteReservedSlot`
 * (apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots.service.ts
 * @ f0ac6126fbf673cb8202562293bf12d976ccaa49, the overlap query in slots.repository.ts
 * @ 43bc00472d50e597c946bbea59df56b90f335926), and the busy time they add to `GET /v2/slots`
 * (packages/trpc/server/routers/viewer/slots/util.ts @ 001f8e29cefd26287042709228e41c0566b350ce,
 * `_getReservedSlotsAndCleanupExpired`). No background job: an expired row stops counting at once and
 * is deleted by the next slot search of its event type.
 *
 * @module
 */
import { badRequest, notFound } from './failures.js';
import type { CalFakeFailure, CalFakeReservation, CalFakeReserveInput } from './modelTypes.js';
import type { CalFakeWorld } from './world.js';

// Not imported from slots.ts, which imports this module.
const MINUTE_MS = 60_000;

/** `DEFAULT_RESERVATION_DURATION` (minutes) of Cal.com's slots service. */
export const DEFAULT_RESERVATION_MINUTES = 5;

/** Cal.com's 422 texts (slots.service.ts @ f0ac6126fbf673cb8202562293bf12d976ccaa49). */
export const RESERVATION_MESSAGES = {
  reserved: 'This time slot is already reserved by another user. Please choose a different time.',
  booked: "Can't reserve a slot if the event is already booked.",
  anonymousDuration:
    'reservationDuration can only be used for authenticated requests - use access token, api key or OAuth credentials',
  notOwner:
    "authenticated user is not owner of event type, does not have memberships in common with owner of the event type, nor does belong to event type's team or org.",
} as const;

const unprocessable = (message: string): CalFakeFailure => ({
  status: 422,
  code: 'UnprocessableEntityException',
  message,
});

type Result =
  | { ok: true; reservation: CalFakeReservation }
  | { ok: false; failure: CalFakeFailure };

/** Whether a reservation still holds its time (`releaseAt > now`, the repository's filter). */
const isLive = (world: CalFakeWorld, row: CalFakeReservation) => row.releaseAt > world.now();

/**
 * The checks `reserveSlot` and `updateReservedSlot` share, in Cal.com's order after the event type:
 * the start date, `slotDuration`, an overlapping booking of this event type, then an overlapping live
 * reservation of this event type. The overlap check does not leave out the reservation being moved,
 * as Cal.com's does not: a PATCH to a time that overlaps its own live hold answers 422 against itself.
 */
function checkSlot(
  world: CalFakeWorld,
  input: CalFakeReserveInput,
): { failure: CalFakeFailure } | { start: number; end: number } {
  const eventType = world.eventTypes.get(input.eventTypeId);
  if (eventType === undefined) {
    return { failure: notFound(`Event Type with ID=${input.eventTypeId} not found`) };
  }
  const start = Date.parse(input.slotStart);
  if (Number.isNaN(start)) return { failure: badRequest('Invalid start date') };
  const options = eventType.lengthInMinutesOptions;
  if (input.slotDuration !== undefined) {
    if (options === undefined || options.length === 0) {
      return {
        failure: badRequest(
          "You passed 'slotDuration' but this event type is not a variable length event type.",
        ),
      };
    }
    if (!options.includes(input.slotDuration)) {
      return {
        failure: badRequest(
          `Provided 'slotDuration' is not one of the possible lengths for the event type. The possible lengths for this variable length event type are: ${options.join(', ')}`,
        ),
      };
    }
  }
  const end = start + (input.slotDuration ?? eventType.lengthInMinutes) * MINUTE_MS;
  // findActiveOverlappingBooking: this event type only, ACCEPTED | PENDING (| AWAITING_HOST). A seated
  // type refuses only a full booking (its own 422 text, which names the event type's id as "Booking
  // with id"); any other booking refuses the hold.
  const booking = world.bookings.find(
    (candidate) =>
      candidate.eventTypeId === eventType.id &&
      (candidate.status === 'accepted' || candidate.status === 'pending') &&
      candidate.start < end &&
      candidate.end > start,
  );
  if (booking !== undefined && eventType.seats !== undefined) {
    if (eventType.seats.seatsPerTimeSlot - (booking.seats?.length ?? 0) < 1) {
      return {
        failure: unprocessable(
          `Booking with id=${eventType.id} at ${input.slotStart} has no more seats left.`,
        ),
      };
    }
  } else if (booking !== undefined) {
    return { failure: unprocessable(RESERVATION_MESSAGES.booked) };
  }
  // checkSlotOverlap runs for seated types too: while one person holds a seat, another's hold of the
  // same time is refused even with seats left (INFERRED from the code; no e2e test covers it).
  // checkSlotOverlap: half-open, so back-to-back holds do not overlap.
  const reserved = world.reservations.some(
    (row) =>
      row.eventTypeId === eventType.id && isLive(world, row) && row.start < end && row.end > start,
  );
  if (reserved) return { failure: unprocessable(RESERVATION_MESSAGES.reserved) };
  return { start, end };
}

/** Minutes to hold: `reservationDuration` unless 0 or absent (Cal.com tests it with `&&`). */
const holdMinutes = (input: CalFakeReserveInput) =>
  input.reservationDuration || DEFAULT_RESERVATION_MINUTES;

/** `POST /v2/slots/reservations`; `authSub` is the token's user (the route's guard is optional). */
export function reserveSlot(
  world: CalFakeWorld,
  input: CalFakeReserveInput,
  authSub: string | undefined,
): Result {
  const custom = !!input.reservationDuration;
  if (custom && authSub === undefined) {
    return {
      ok: false,
      failure: {
        status: 401,
        code: 'UnauthorizedException',
        message: RESERVATION_MESSAGES.anonymousDuration,
      },
    };
  }
  const eventType = world.eventTypes.get(input.eventTypeId);
  if (eventType === undefined) {
    return { ok: false, failure: notFound(`Event Type with ID=${input.eventTypeId} not found`) };
  }
  // The fake has no teams or organizations: only the owner shares a membership with the owner.
  if (custom && authSub !== eventType.ownerSub) {
    return {
      ok: false,
      failure: { status: 403, code: 'ForbiddenException', message: RESERVATION_MESSAGES.notOwner },
    };
  }
  const slot = checkSlot(world, input);
  if ('failure' in slot) return { ok: false, failure: slot.failure };
  const minutes = holdMinutes(input);
  const reservation: CalFakeReservation = {
    uid: globalThis.crypto.randomUUID(),
    eventTypeId: eventType.id,
    ownerSub: eventType.ownerSub,
    start: slot.start,
    end: slot.end,
    reservationDuration: minutes,
    releaseAt: world.now() + minutes * MINUTE_MS,
    // A seated type's hold counts as a taken seat in GET /v2/slots instead of hiding the time.
    isSeat: eventType.seats !== undefined,
  };
  world.reservations.push(reservation);
  return { ok: true, reservation: { ...reservation } };
}

/**
 * `PATCH /v2/slots/reservations/{uid}`: 404 for an unknown uid, then the checks of `reserveSlot`
 * (no auth check for `reservationDuration`); moves the row and holds it anew from now.
 */
export function updateReservation(
  world: CalFakeWorld,
  uid: string,
  input: CalFakeReserveInput,
): Result {
  const row = world.reservations.find((candidate) => candidate.uid === uid);
  if (row === undefined) return { ok: false, failure: notFound(`Slot with uid=${uid} not found`) };
  const slot = checkSlot(world, input);
  if ('failure' in slot) return { ok: false, failure: slot.failure };
  const minutes = holdMinutes(input);
  Object.assign(row, {
    eventTypeId: input.eventTypeId,
    start: slot.start,
    end: slot.end,
    reservationDuration: minutes,
    releaseAt: world.now() + minutes * MINUTE_MS,
  });
  return { ok: true, reservation: { ...row } };
}

/** `GET /v2/slots/reservations/{uid}`: the row until it is deleted (expired or not), else undefined. */
export function findReservation(world: CalFakeWorld, uid: string): CalFakeReservation | undefined {
  const row = world.reservations.find((candidate) => candidate.uid === uid);
  return row === undefined ? undefined : { ...row };
}

/** `DELETE /v2/slots/reservations/{uid}` (`deleteMany`): whether a row was deleted. */
export function deleteReservation(world: CalFakeWorld, uid: string): boolean {
  const before = world.reservations.length;
  world.reservations = world.reservations.filter((row) => row.uid !== uid);
  return world.reservations.length < before;
}

/** Live seat holds of `eventTypeId` starting at `start`: each counts as a taken seat in the slots. */
export function heldSeats(world: CalFakeWorld, eventTypeId: number, start: number): number {
  return world.reservations.filter(
    (row) =>
      row.isSeat && row.eventTypeId === eventTypeId && row.start === start && isLive(world, row),
  ).length;
}

/**
 * The busy time `GET /v2/slots` takes from reservations: the live non-seat rows of the event type's
 * host, whatever their event type, for everyone (API v2 passes no booker uid, so none is left out).
 * Deletes the expired rows of `eventTypeId` on the way, as Cal.com's slot search does.
 */
export function reservedIntervals(
  world: CalFakeWorld,
  ownerSub: string,
  eventTypeId: number,
): { start: number; end: number }[] {
  world.reservations = world.reservations.filter(
    (row) => row.eventTypeId !== eventTypeId || row.releaseAt >= world.now(),
  );
  return world.reservations.filter(
    (row) => row.ownerSub === ownerSub && !row.isSeat && isLive(world, row),
  );
}
