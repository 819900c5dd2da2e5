/**
 * Time zones with `Intl` and `Date` only (no React), for the hooks and the components alike: whether
 * `Intl` knows a zone, the viewer's zone, a zone's offset at an instant and the day (`YYYY-MM-DD`) an
 * instant falls on in a zone. Offsets come from `Intl`, asked at a few instants per week of a zone
 * (see `window`) rather than once per instant, so grouping a month of slots by day costs a handful of
 * `Intl` calls, not one per slot; DST changes stay exact.
 */

export const DAY_MS = 86_400_000;

export const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The `YYYY-MM-DD` of a UTC-midnight epoch. */
export function dayFromUtc(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

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
/** Cached probes per zone: instants (ascending) and the zone's offset at each. */
const probes = new Map<string, { at: number[]; offset: number[] }>();

/** The zone's offset at `ms` from the cache, else from `Intl` (then cached). */
function probe(timeZone: string, ms: number): number {
  let zone = probes.get(timeZone);
  // Bounded: a page uses a few zones and a few months of each; starting over only costs calls.
  if (!zone || zone.at.length > 2000) {
    if (probes.size > 50) probes.clear();
    zone = { at: [], offset: [] };
    probes.set(timeZone, zone);
  }
  const index = firstAtOrAfter(zone.at, ms);
  if (zone.at[index] === ms) return zone.offset[index] as number;
  const offset = askOffset(ms, timeZone);
  zone.at.splice(index, 0, ms);
  zone.offset.splice(index, 0, offset);
  return offset;
}

/** The index of the first element `>= ms` of an ascending list (its length when none). */
function firstAtOrAfter(list: readonly number[], ms: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < ms) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Two probes around `ms`, at most `SPAN_MS` apart: `[a, offset at a, b, offset at b]`. Probes sit on
 * a weekly grid (shared by every instant of that week) and, near a DST change, between.
 */
function window(ms: number, timeZone: string): [number, number, number, number] {
  const zone = probes.get(timeZone);
  if (zone) {
    const after = firstAtOrAfter(zone.at, ms);
    const before = zone.at[after] === ms ? after : after - 1;
    const a = zone.at[before];
    const b = zone.at[after];
    if (a !== undefined && b !== undefined && b - a <= SPAN_MS) {
      return [a, zone.offset[before] as number, b, zone.offset[after] as number];
    }
  }
  const a = Math.floor(ms / SPAN_MS) * SPAN_MS;
  return [a, probe(timeZone, a), a + SPAN_MS, probe(timeZone, a + SPAN_MS)];
}

/** The zone's offset from UTC at an instant, in minutes (Europe/Berlin in winter: 60). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const [, before, , after] = window(ms, timeZone);
  // Across a DST change, this instant's own (cached) probe rather than closing in on the change.
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
  let [a, before, b, after] = window(ms, timeZone);
  if (before === after) {
    // The instants of this day within the window share the answer: slots in order reuse it.
    const from = Math.floor((ms + before * 60_000) / DAY_MS) * DAY_MS - before * 60_000;
    last = {
      zone: timeZone,
      from: Math.max(from, a),
      to: Math.min(from + DAY_MS, b),
      day: dayAt(before),
    };
    return last.day;
  }
  for (;;) {
    const day = dayAt(before);
    if (before === after || dayAt(after) === day) return day;
    if (b - a <= 2000) return dayAt(probe(timeZone, Math.floor(ms / 1000) * 1000));
    const middle = a + Math.floor((b - a) / 2000) * 1000;
    const offset = probe(timeZone, middle);
    if (ms <= middle) [b, after] = [middle, offset];
    else [a, before] = [middle, offset];
  }
}

/** The viewer's zone, `UTC` where `Intl` does not say. */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
