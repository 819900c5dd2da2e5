/**
 * Dates and times for people, with `Intl` and `Date` only: every formatted time is in an explicit
 * zone, never the process's own, and comes with that zone's name. `Intl` objects are costly to make,
 * so each is made once per locale and options.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached `Intl.DateTimeFormat`; an unknown locale falls back to 'en', an unknown zone to UTC. */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      try {
        format = new Intl.DateTimeFormat('en', options);
      } catch {
        format = new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
      }
    }
    formats.set(key, format);
  }
  return format;
}

/** `compute` cached per locale (its `Intl` objects are costly to make), as `dateTimeFormat` is. */
export function perLocale<T>(compute: (locale: string) => T): (locale: string) => T {
  const cache = new Map<string, T>();
  return (locale) => {
    if (!cache.has(locale)) cache.set(locale, compute(locale));
    return cache.get(locale) as T;
  };
}

const RANGE: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

/**
 * "Monday, January 6, 2025, 9:00 – 9:30 AM" in `timeZone`, or with no `end` the start alone:
 * "Monday, January 6, 2025, 9:00 AM"; 12 or 24 h by `hourCycle` (`useCalHourCycle`).
 */
export function formatBookingTime(
  start: string | number,
  end: string | number | undefined,
  timeZone: string,
  locale: string,
  hourCycle: 'h12' | 'h23',
): string {
  const format = dateTimeFormat(locale, { ...RANGE, timeZone, hourCycle });
  return end === undefined
    ? format.format(new Date(start))
    : format.formatRange(new Date(start), new Date(end));
}

/**
 * The zone's name at an instant in the given style ('long': "Central European Standard Time"), or
 * `undefined` where the engine does not know the style (`shortOffset` came in 2021).
 */
export function zoneName(
  timeZone: string,
  locale: string,
  at: string | number,
  style: Intl.DateTimeFormatOptions['timeZoneName'],
): string | undefined {
  try {
    return dateTimeFormat(locale, { timeZone, timeZoneName: style })
      .formatToParts(new Date(at))
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
}

/**
 * The zone's name at that instant, with its IANA id: "Central European Standard Time (Europe/Paris)",
 * or the id alone when `Intl` has no name for it. `shown` is the id to show (e.g. Asia/Kolkata for
 * Asia/Calcutta). @default timeZone
 */
export function formatTimeZoneName(
  timeZone: string,
  locale: string,
  at: string | number,
  shown = timeZone,
): string {
  const name = zoneName(timeZone, locale, at, 'long');
  return name && name !== timeZone ? `${name} (${shown})` : shown;
}

const minutesFormat = /* @__PURE__ */ perLocale((locale) => {
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  } catch {
    return undefined;
  }
});

/** "30 minutes" in the locale ("30 min" where `Intl` cannot say). */
export function formatMinutes(minutes: number, locale: string): string {
  return minutesFormat(locale)?.format(minutes) ?? `${minutes} min`;
}

/**
 * "GMT+1", "GMT-7", "GMT+5:30", "GMT": the zone's offset at an instant, as `Intl` writes it in English
 * (`timeZoneName: 'shortOffset'`), so that no offset arithmetic is shipped for it. Some ICU versions
 * write a zero offset "GMT+0": it reads "GMT" everywhere.
 */
export const offsetLabel = (ms: number, timeZone: string): string =>
  (zoneName(timeZone, 'en', ms, 'shortOffset') ?? 'GMT').replace(/\+0$/, '');

/**
 * "Mon, Jan 6, 2025, 9:00 – 9:30 AM GMT": formats a booking's range with `Intl` in `timeZone` (the
 * viewer's zone when undefined), with the zone's short name. An unknown locale or zone gives the
 * viewer's zone in English. A malformed start comes back as given, and a malformed or non-positive
 * range as its start alone.
 */
export function bookingRangeFormat(
  locale: string,
  timeZone: string | undefined,
  hourCycle: 'h12' | 'h23',
): (range: { start: string; end: string }) => string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle,
    timeZoneName: 'short',
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en', options);
  }
  return ({ start, end }) => {
    const from = Date.parse(start);
    const to = Date.parse(end);
    return Number.isNaN(from)
      ? start
      : to > from
        ? format.formatRange(from, to)
        : format.format(from);
  };
}

/** Joins names as a conjunction in the locale ("A, B, and C"), in English for an unknown locale. */
export function listFormat(locale: string): (names: string[]) => string {
  let format: Intl.ListFormat;
  try {
    format = new Intl.ListFormat(locale);
  } catch {
    format = new Intl.ListFormat('en');
  }
  return (names) => format.format(names);
}
