/**
 * Free slots: working hours in the owner's zone, stepped by the event type's interval, after the
 * minimum notice and clear of other bookings with their buffers; and the same check for one start.
 *
 * @module
 */
import { badRequest, CAL_MESSAGES } from './failures.js';
import type { CalFakeEventType, CalFakeFailure } from './modelTypes.js';
import type { CalFakeWorld, OwnedEventType } from './world.js';
import { DAY_MS, localParts, zonedTimeToEpoch } from './zoneMaths.js';

export const MINUTE_MS = 60_000;

/** The requested length when the event type offers it, else its own length (minutes). */
export function lengthFor(eventType: CalFakeEventType, requested: number | undefined): number {
  if (requested !== undefined && eventType.lengthInMinutesOptions?.includes(requested))
    return requested;
  return eventType.lengthInMinutes;
}

/** The live bookings of `sub` that block time, each with its own event type's buffers applied. */
function busyIntervals(
  world: CalFakeWorld,
  sub: string,
  ignoreUid?: string,
): { start: number; end: number }[] {
  return world.bookings
    .filter(
      (booking) =>
        booking.ownerSub === sub &&
        booking.uid !== ignoreUid &&
        (booking.status === 'accepted' || booking.status === 'pending'),
    )
    .map((booking) => {
      const type = world.eventTypes.get(booking.eventTypeId);
      return {
        start: booking.start - (type?.beforeEventBuffer ?? 0) * MINUTE_MS,
        end: booking.end + (type?.afterEventBuffer ?? 0) * MINUTE_MS,
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

/** Whether the event at `start`, with its own buffers, overlaps none of `busy` (`busyIntervals`). */
function isFree(
  eventType: CalFakeEventType,
  start: number,
  lengthMs: number,
  busy: readonly { start: number; end: number }[],
): boolean {
  const from = start - eventType.beforeEventBuffer * MINUTE_MS;
  const to = start + lengthMs + eventType.afterEventBuffer * MINUTE_MS;
  return busy.every((interval) => to <= interval.start || interval.end <= from);
}

export function slots(
  world: CalFakeWorld,
  eventTypeId: number,
  from: number,
  to: number,
  slotOptions: { duration?: number | undefined; ignoreBookingUid?: string | undefined } = {},
): { start: number; end: number }[] {
  const eventType = world.eventTypes.get(eventTypeId);
  if (eventType === undefined) return [];
  // Cal.com's `eventLength = duration || length`: GET /v2/slots does not check `duration` against
  // the event type's lengths (research §2, the input service has no such check: inferred).
  const lengthMs = (slotOptions.duration || eventType.lengthInMinutes) * MINUTE_MS;
  const earliest = world.now() + eventType.minimumBookingNotice * MINUTE_MS;
  const busy = busyIntervals(world, eventType.ownerSub, slotOptions.ignoreBookingUid);
  return workingSlots(world, eventType, from, to, lengthMs)
    .filter((start) => start >= earliest && isFree(eventType, start, lengthMs, busy))
    .map((start) => ({ start, end: start + lengthMs }));
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
