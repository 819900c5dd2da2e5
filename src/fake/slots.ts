/**
 * Free slots: working hours in the owner's zone, stepped by the event type's interval, after the
 * minimum notice and clear of other bookings with their buffers; and the same check for one start.
 *
 * @module
 */
import { badRequest, CAL_MESSAGES } from './failures.js';
import type {
  CalFakeBooking,
  CalFakeEventType,
  CalFakeFailure,
  CalFakeSlot,
} from './modelTypes.js';
import { reservedIntervals } from './reservations.js';
import { seatCounts } from './seats.js';
import type { CalFakeWorld, OwnedEventType } from './world.js';
import { DAY_MS, localParts, zonedTimeToEpoch } from './zoneMaths.js';

export const MINUTE_MS = 60_000;

/** The requested length when the event type offers it, else its own length (minutes). */
export function lengthFor(eventType: CalFakeEventType, requested: number | undefined): number {
  if (requested !== undefined && eventType.lengthInMinutesOptions?.includes(requested))
    return requested;
  return eventType.lengthInMinutes;
}

/**
 * Whether a live booking blocks time: an accepted one; a pending one unless its event type has
 * `blockUnconfirmedBookingsInBooker: false` (Cal.com's `requiresConfirmationWillBlockSlot`: the busy
 * times count pending bookings only with it; INFERRED from the booking repository's busy-times query).
 */
function blocks(world: CalFakeWorld, booking: CalFakeBooking): boolean {
  if (booking.status === 'accepted') return true;
  if (booking.status !== 'pending') return false;
  const policy = world.eventTypes.get(booking.eventTypeId)?.confirmationPolicy;
  return policy?.blockUnconfirmedBookingsInBooker !== false;
}

/**
 * The live bookings of `sub` that block time, each with its own event type's buffers applied; a
 * seated booking names its event type and start, where it is no conflict (`isFree`).
 */
function busyIntervals(
  world: CalFakeWorld,
  sub: string,
  ignoreUid?: string,
): { start: number; end: number; seatedAt?: string }[] {
  return world.bookings
    .filter(
      (booking) => booking.ownerSub === sub && booking.uid !== ignoreUid && blocks(world, booking),
    )
    .map((booking) => {
      const type = world.eventTypes.get(booking.eventTypeId);
      return {
        start: booking.start - (type?.beforeEventBuffer ?? 0) * MINUTE_MS,
        end: booking.end + (type?.afterEventBuffer ?? 0) * MINUTE_MS,
        ...(booking.seats === undefined
          ? {}
          : { seatedAt: `${booking.eventTypeId}@${booking.start}` }),
      };
    });
}

/**
 * Every slot start of working hours whose event lies within [from, to], before notice and busy time:
 * each working day's window in the owner's zone, from its start, every `slotInterval` minutes.
 */
function workingSlots(
  world: CalFakeWorld,
  eventType: OwnedEventType,
  from: number,
  to: number,
  lengthMs: number,
): number[] {
  const user = world.users.get(eventType.ownerSub);
  const week = world.availabilityBySub.get(eventType.ownerSub);
  if (user === undefined || week === undefined || to < from) return [];
  // Cal.com's `frequency = slotInterval || duration || length`: the requested length, when there is
  // no interval, is also the step (packages/trpc/server/routers/viewer/slots/util.ts, research §2).
  const stepMs = eventType.slotInterval ? eventType.slotInterval * MINUTE_MS : lengthMs;
  const starts: number[] = [];
  const seen = new Set<number>();
  // Every local date from the day before `from` to the day after `to` covers every zone offset;
  // calendar arithmetic, not 24 h steps, so a 23 h or 25 h day is neither skipped nor repeated.
  const first = localParts(from - DAY_MS, user.timeZone);
  const last = localParts(to + DAY_MS, user.timeZone);
  const lastDay = Date.UTC(last.year, last.month - 1, last.day);
  for (let day = Date.UTC(first.year, first.month - 1, first.day); day <= lastDay; day += DAY_MS) {
    const date = new Date(day);
    const local = {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      weekday: date.getUTCDay(),
    };
    if (!week.days.includes(local.weekday)) continue;
    const at = (minute: number) =>
      zonedTimeToEpoch(
        local.year,
        local.month,
        local.day,
        Math.floor(minute / 60),
        minute % 60,
        user.timeZone,
      );
    const windowStart = at(week.startMinute);
    const windowEnd = at(week.endMinute);
    for (let start = windowStart; start + lengthMs <= windowEnd; start += stepMs) {
      if (start >= from && start + lengthMs <= to && !seen.has(start)) {
        seen.add(start);
        starts.push(start);
      }
    }
  }
  return starts.sort((a, b) => a - b);
}

/**
 * Whether the event at `start`, with its own buffers, overlaps none of `busy` (`busyIntervals`). A
 * seated booking of the same event type at the same start is no conflict: Cal.com's
 * checkForConflicts.ts @ 0249f2945a3fec49243d08fa54641f70dd274b60 skips a start that has seats, so
 * that time stays listed, full or not.
 */
function isFree(
  eventType: CalFakeEventType,
  start: number,
  lengthMs: number,
  busy: readonly { start: number; end: number; seatedAt?: string }[],
): boolean {
  const from = start - eventType.beforeEventBuffer * MINUTE_MS;
  const to = start + lengthMs + eventType.afterEventBuffer * MINUTE_MS;
  const seatedAt = `${eventType.id}@${start}`;
  return busy.every(
    (interval) => to <= interval.start || interval.end <= from || interval.seatedAt === seatedAt,
  );
}

export function slots(
  world: CalFakeWorld,
  eventTypeId: number,
  from: number,
  to: number,
  slotOptions: { duration?: number | undefined; ignoreBookingUid?: string | undefined } = {},
): CalFakeSlot[] {
  const eventType = world.eventTypes.get(eventTypeId);
  if (eventType === undefined) return [];
  // Cal.com's `eventLength = duration || length`: GET /v2/slots does not check `duration` against
  // the event type's lengths (research §2, the input service has no such check: inferred).
  const lengthMs = (slotOptions.duration || eventType.lengthInMinutes) * MINUTE_MS;
  const earliest = world.now() + eventType.minimumBookingNotice * MINUTE_MS;
  const busy = busyIntervals(world, eventType.ownerSub, slotOptions.ignoreBookingUid);
  // Reservations hide a time only here: POST /v2/bookings ignores them (Cal.com's Booker README:
  // "a reservation has lower priority than the actual booking"). Half-open, without buffers
  // (checkForConflicts.ts @ 0249f2945a3fec49243d08fa54641f70dd274b60).
  const held = reservedIntervals(world, eventType.ownerSub, eventTypeId);
  return workingSlots(world, eventType, from, to, lengthMs)
    .filter(
      (start) =>
        start >= earliest &&
        isFree(eventType, start, lengthMs, busy) &&
        held.every((row) => row.end <= start || row.start >= start + lengthMs),
    )
    .map((start) => {
      const seats = seatCounts(world, eventType, start);
      return { start, end: start + lengthMs, ...(seats === undefined ? {} : { seats }) };
    });
}
/** Whether `start` (with the event's length) is a free slot of working hours past the notice. */
export function checkStart(
  world: CalFakeWorld,
  eventType: OwnedEventType,
  start: number,
  lengthMs: number,
  ignoreUid: string | undefined,
): CalFakeFailure | undefined {
  const at = world.now();
  // Cal.com checks the notice window before availability; a start in the past gets its own message.
  if (start < at) return badRequest(CAL_MESSAGES.past);
  if (start < at + eventType.minimumBookingNotice * MINUTE_MS) {
    return badRequest(CAL_MESSAGES.outOfBounds);
  }
  const busy = busyIntervals(world, eventType.ownerSub, ignoreUid);
  const isSlot = workingSlots(world, eventType, start, start + lengthMs, lengthMs).includes(start);
  if (!isSlot || !isFree(eventType, start, lengthMs, busy)) {
    return badRequest(CAL_MESSAGES.unavailable);
  }
  return undefined;
}
