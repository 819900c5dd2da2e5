/**
 * Time zones with `Intl` and `Date` only (no React), for the hooks and the components alike: whether
 * `Intl` knows a zone, the viewer's zone, a zone's offset at an instant and the day (`YYYY-MM-DD`) an
 * instant falls on in a zone. Each asks `Intl` for the zone's offset at the instant in question, so
 * DST changes are exact.
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

/** The zone's offset from UTC at an instant, in minutes (Europe/Berlin in winter: 60). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClock(whole, timeZone) - whole) / 60_000);
}

/** The day (`YYYY-MM-DD`) an instant falls on in a zone. */
export function dayOf(ms: number, timeZone: string): string {
  return dayFromUtc(Math.floor(wallClock(ms, timeZone) / DAY_MS) * DAY_MS);
}

/** The viewer's zone, `UTC` where `Intl` does not say. */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
