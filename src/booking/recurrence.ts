/**
 * A recurring event type's occurrences, computed before booking so the attendee sees their dates.
 * Cal.com steps each start on the attendee's wall clock (its input service builds the series in
 * `attendee.timeZone`), so a weekly 09:00 stays 09:00 across a DST change; a monthly or yearly step
 * that lands past a month's end falls on its last day.
 */
import type { CalBooking, CalEventType } from '../calapi/types.js';
import { DAY_MS } from '../time/days.js';
import { offsetMinutes } from '../time/zones.js';

/** A recurring event type's `recurrence` (Cal.com's 2024-06-14 event-type output). */
export type CalRecurrence = NonNullable<CalEventType['recurrence']>;

const MINUTE_MS = 60_000;

/**
 * The starts (ISO 8601, UTC) of the first `count` occurrences of a series from `start`, stepped by
 * `recurrence.frequency` × `recurrence.interval` on the wall clock of `timeZone`; at most
 * `recurrence.occurrences` of them, and none for an unparsable `start`.
 */
export function calOccurrenceStarts(
  start: string,
  recurrence: Pick<CalRecurrence, 'frequency' | 'interval' | 'occurrences'>,
  count: number,
  timeZone: string,
): string[] {
  const ms = Date.parse(start);
  const starts: string[] = [];
  if (Number.isNaN(ms)) return starts;
  const offset = (at: number) => offsetMinutes(at, timeZone) * MINUTE_MS;
  // The wall clock as if it were UTC: its date parts step without any zone in the way.
  const wall = new Date(ms + offset(ms));
  const day = wall.getUTCDate();
  const months = ({ monthly: 1, yearly: 12 } as Record<string, number>)[recurrence.frequency] ?? 0;
  for (let index = 0; index < Math.min(count, recurrence.occurrences); index += 1) {
    const step = index * recurrence.interval;
    const local = new Date(wall);
    // Day 1 first, so that no month overflows; past a shorter month's end, its last day (day 0 of the next).
    local.setUTCDate(1);
    local.setUTCMonth(local.getUTCMonth() + step * months);
    local.setUTCDate(months ? day : day + 7 * step);
    if (months && local.getUTCDate() !== day) local.setUTCDate(0);
    // Wall time back to an instant: the offset at a first guess, then at the instant that gives.
    const at = local.getTime();
    starts.push(new Date(at - offset(at - offset(at))).toISOString());
  }
  return starts;
}

/**
 * A page of bookings with each recurring series as one entry, its occurrences in page order (the
 * first stands for it), and each other booking alone: how a list shows a series as one item.
 */
export function groupCalBookingSeries(bookings: readonly CalBooking[]): CalBooking[][] {
  const bySeries = new Map<string, CalBooking[]>();
  const groups: CalBooking[][] = [];
  for (const booking of bookings) {
    // Only a series groups: a seated booking may come once per seat under one uid.
    const key = booking.recurringBookingUid;
    const group = key ? bySeries.get(key) : undefined;
    if (group) group.push(booking);
    else {
      groups.push([booking]);
      if (key) bySeries.set(key, groups[groups.length - 1] as CalBooking[]);
    }
  }
  return groups;
}

/**
 * A series' rhythm read from its first two occurrences (a booking carries no rule): whole weeks
 * apart is weekly, else monthly. Undefined for a lone booking.
 */
export function calSeriesRecurrence(
  series: readonly Pick<CalBooking, 'start'>[],
): Pick<CalRecurrence, 'frequency' | 'interval'> | undefined {
  const [first, second] = series;
  if (!first || !second) return undefined;
  const days = Math.round(Math.abs(Date.parse(second.start) - Date.parse(first.start)) / DAY_MS);
  return days % 7
    ? { frequency: 'monthly', interval: Math.round(days / 30.4) }
    : { frequency: 'weekly', interval: days / 7 };
}
