/**
 * Time zones with `Intl` and `Date` only: whether `Intl` knows a zone, the viewer's zone, a zone's
 * offset at an instant, the day (`YYYY-MM-DD`) an instant falls on in a zone and the instant a day
 * begins there, and the zones' names. Offsets come from `Intl`, asked at a few instants per week of a
 * zone (see `around`) rather than once per instant, so grouping a month of slots by day costs a
 * handful of `Intl` calls, not one per slot; DST changes stay exact.
 */

import { DAY_MS, dayFromUtc, utcOf } from './days.js';

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The cached en-US, 24 h, numeric `Intl.DateTimeFormat` of a zone; throws for a zone `Intl` does not know. */
export function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** Whether `Intl` knows the zone. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    partsFormat(value);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of an instant in a zone, as if it were UTC (so `- ms` is the zone's offset). */
function wallClock(ms: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    (fields.hour ?? 0) % 24,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
}

/** The zone's offset at an instant as `Intl` says it, in minutes: one `formatToParts` call. */
function askOffset(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClock(whole, timeZone) - whole) / 60_000);
}

/**
 * Two instants at most this far apart at which a zone has the same offset have that offset at every
 * instant between them: no zone in the tz database changes its offset and back within a week (the
 * closest pairs, Ramadan suspensions of DST, are about a month apart).
 */
const SPAN_MS = 7 * DAY_MS;
/** Offsets `Intl` gave, per zone and instant: at each week's edges, and halfway closer to a DST change. */
const probes = new Map<string, Map<number, number>>();

/** The zone's offset at `ms` from the cache, else from `Intl` (then cached). */
function probe(timeZone: string, ms: number): number {
  let zone = probes.get(timeZone);
  // Bounded: a page uses a few zones and a few months of each; starting over only costs calls.
  if (!zone || zone.size > 1000) {
    if (probes.size > 50) probes.clear();
    zone = new Map();
    probes.set(timeZone, zone);
  }
  let offset = zone.get(ms);
  if (offset === undefined) {
    offset = askOffset(ms, timeZone);
    zone.set(ms, offset);
  }
  return offset;
}

/**
 * Two probes `a <= ms <= b` and the offsets there: the edges of `ms`'s week, then, while the offsets
 * differ (a DST change between), halfway towards `ms` through the probes made so far, and through
 * new ones while `narrow(before, after)` says the difference matters. `[before, after, a, b]`.
 */
function around(
  ms: number,
  timeZone: string,
  narrow: (before: number, after: number) => boolean,
): [number, number, number, number] {
  let a = Math.floor(ms / SPAN_MS) * SPAN_MS;
  let b = a + SPAN_MS;
  let before = probe(timeZone, a);
  let after = probe(timeZone, b);
  while (before !== after && b - a > 2000) {
    const middle = a + Math.floor((b - a) / 2000) * 1000;
    if (!probes.get(timeZone)?.has(middle) && !narrow(before, after)) break;
    const offset = probe(timeZone, middle);
    if (ms <= middle) [b, after] = [middle, offset];
    else [a, before] = [middle, offset];
  }
  return [before, after, a, b];
}

/** The zone's offset from UTC at an instant, in minutes (Europe/Berlin in winter: 60). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const [before, after] = around(ms, timeZone, () => false);
  // Across a DST change, this instant's own probe rather than closing in on the change.
  return before === after ? before : probe(timeZone, Math.floor(ms / 1000) * 1000);
}

/** The last day `dayOf` found where one offset held, and the instants of it that share the answer. */
let last = { zone: '', from: 0, to: 0, day: '' };

/**
 * The day (`YYYY-MM-DD`) an instant falls on in a zone. No `Intl` call once the week's probes are
 * cached when one offset holds around `ms`, or when the offsets before and after a DST change put
 * it on the same day; otherwise the probes close in on the change until they do.
 */
export function dayOf(ms: number, timeZone: string): string {
  if (timeZone === last.zone && ms >= last.from && ms < last.to) return last.day;
  const dayAt = (offset: number) =>
    dayFromUtc(Math.floor((ms + offset * 60_000) / DAY_MS) * DAY_MS);
  const [before, after, a, b] = around(ms, timeZone, (x, y) => dayAt(x) !== dayAt(y));
  if (before !== after) {
    return dayAt(
      dayAt(before) === dayAt(after) ? before : probe(timeZone, Math.floor(ms / 1000) * 1000),
    );
  }
  // The instants of this day between the probes share the answer: slots in order reuse it.
  const start = Math.floor((ms + before * 60_000) / DAY_MS) * DAY_MS - before * 60_000;
  last = {
    zone: timeZone,
    from: Math.max(start, a),
    to: Math.min(start + DAY_MS, b),
    day: dayAt(before),
  };
  return last.day;
}

/** The viewer's zone, `UTC` where `Intl` does not say. */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * The instant a day begins in a zone: its local midnight, or, where a DST change skips midnight,
 * the first instant of the day.
 */
export function startOfDay(day: string, timeZone: string): number {
  const wall = utcOf(day);
  // Two passes settle on the offset in force at the result; a skipped midnight lands after the gap
  // (the result's own wall clock is then still the day before).
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return guess + offsetMinutes(guess, timeZone) * 60_000 < wall ? guess + 3_600_000 : guess;
}
