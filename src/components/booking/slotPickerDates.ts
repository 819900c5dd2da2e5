'use client';

/**
 * Calendar and time-zone arithmetic for `CalSlotPicker`, with `Intl` and `Date` only.
 *
 * Days are `YYYY-MM-DD` strings and months `YYYY-MM` strings: calendar values, free of any zone, so
 * that the process's own zone (`TZ`) never leaks in. Day arithmetic runs on `Date.UTC`, where every
 * day is 24 hours long. Only two functions meet instants: `dayOf` (the day of an instant in a zone,
 * from `src/react/timeZones.ts`, which the hooks share) and `startOfDay` (the instant a day begins in
 * a zone); both use the zone's offsets as `Intl` gives them (asked a few times a week of the zone,
 * more around a DST change), so DST changes are exact.
 */

import { DAY_MS, dayFromUtc, offsetMinutes, pad, partsFormat } from '../../react/timeZones.js';
import { perLocale, zoneName } from './bookingTime.js';

// Not merged with src/fake/time.ts on purpose: the fake's own zone maths checks this one.
export { dayOf, isTimeZone, viewerTimeZone } from '../../react/timeZones.js';

/** 0 = Sunday ... 6 = Saturday, as `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** UTC midnight of a `YYYY-MM-DD` (or the 1st of a `YYYY-MM`). */
export function utcOf(day: string): number {
  return Date.UTC(
    Number(day.slice(0, 4)),
    Number(day.slice(5, 7)) - 1,
    Number(day.slice(8, 10)) || 1,
  );
}

export const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utcOf(value));

export const isMonth = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

export const monthOf = (day: string): string => day.slice(0, 7);

export const addDays = (day: string, days: number): string =>
  dayFromUtc(utcOf(day) + days * DAY_MS);

const weekdayOf = (day: string): Weekday => new Date(utcOf(day)).getUTCDay() as Weekday;

function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

export function addMonths(month: string, months: number): string {
  const date = new Date(
    Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + months, 1),
  );
  return dayFromUtc(date.getTime()).slice(0, 7);
}

/** The same day of the month `months` away, clamped to that month's length (Jan 31 + 1 = Feb 28). */
export function addMonthsToDay(day: string, months: number): string {
  const month = addMonths(monthOf(day), months);
  const date = Math.min(Number(day.slice(8, 10)), daysInMonth(month));
  return `${month}-${pad(date)}`;
}

/** The first day of the week containing `day`. */
export function startOfWeek(day: string, weekStartsOn: Weekday): string {
  return addDays(day, -((weekdayOf(day) - weekStartsOn + 7) % 7));
}

/**
 * The month as rows of 7 cells, the first column being `weekStartsOn`; cells outside the month are
 * `null`. 4 to 6 rows.
 */
export function monthWeeks(month: string, weekStartsOn: Weekday): (string | null)[][] {
  const first = `${month}-01`;
  const count = daysInMonth(month);
  const lead = (weekdayOf(first) - weekStartsOn + 7) % 7;
  const weeks: (string | null)[][] = [];
  for (let index = -lead; index < count; index += 7) {
    const week: (string | null)[] = [];
    for (let column = 0; column < 7; column++) {
      const date = index + column;
      week.push(date >= 0 && date < count ? addDays(first, date) : null);
    }
    weeks.push(week);
  }
  return weeks;
}

// --- day labels -------------------------------------------------------------------------------------

/** Calendars whose months and days are the Gregorian ones (the year may differ). */
const SOLAR_CALENDARS = ['gregory', 'iso8601', 'buddhist', 'roc'];

/**
 * Per date formatter: the text of its weekday field for each weekday (0 = Sunday) and of its day
 * field for each date (index = date), or `null` where labels cannot be put together from them.
 */
const fieldTexts = new WeakMap<Intl.DateTimeFormat, { weekday: string[]; day: string[] } | null>();
/** Per date formatter: the labels made so far, by day. */
const dayLabelCache = new WeakMap<Intl.DateTimeFormat, Map<string, string>>();

function fieldTextsOf(format: Intl.DateTimeFormat) {
  let texts = fieldTexts.get(format);
  if (texts !== undefined) return texts;
  texts = null;
  if (SOLAR_CALENDARS.includes(format.resolvedOptions().calendar)) {
    const weekday: string[] = [];
    const day = [''];
    // Asked once per formatter; January 2023 starts on a Sunday.
    for (let date = 1; date <= 31; date++) {
      const parts = format.formatToParts(Date.UTC(2023, 0, date));
      day.push(parts.find((part) => part.type === 'day')?.value ?? '');
      if (date <= 7) weekday.push(parts.find((part) => part.type === 'weekday')?.value ?? '');
    }
    texts = { weekday, day };
  }
  fieldTexts.set(format, texts);
  return texts;
}

/**
 * The label of any day through `format` (a date formatter in UTC, e.g. `dateStyle: 'full'`), with
 * the days of `month` made from one `formatToParts` call of its 1st: in a Gregorian month a day's
 * label differs from the 1st's only in its weekday and day fields, whose texts are asked once per
 * formatter. The month's last day is checked against `Intl`; if it differs (or the calendar is not
 * Gregorian), each day is formatted on its own from then on. Labels are cached per formatter.
 */
export function dayLabels(format: Intl.DateTimeFormat, month: string): (day: string) => string {
  let cache = dayLabelCache.get(format);
  if (!cache || cache.size > 400) {
    cache = new Map();
    dayLabelCache.set(format, cache);
  }
  const labels = cache;
  const first = `${month}-01`;
  // The month's own key (`YYYY-MM`) marks it as done.
  const texts = labels.has(month) ? null : fieldTextsOf(format);
  labels.set(month, '');
  if (texts) {
    const parts = format.formatToParts(utcOf(first));
    const weekday = weekdayOf(first);
    const count = daysInMonth(month);
    const made = Array.from({ length: count }, (_, index) =>
      parts
        .map((part) =>
          part.type === 'weekday'
            ? texts.weekday[(weekday + index) % 7]
            : part.type === 'day'
              ? texts.day[index + 1]
              : part.value,
        )
        .join(''),
    );
    if (made[count - 1] === format.format(utcOf(`${month}-${pad(count)}`))) {
      made.forEach((label, index) => {
        labels.set(`${month}-${pad(index + 1)}`, label);
      });
    } else {
      fieldTexts.set(format, null);
    }
  }
  return (day) => {
    let label = labels.get(day);
    if (label === undefined) {
      label = format.format(utcOf(day));
      labels.set(day, label);
    }
    return label;
  };
}

// --- zones ------------------------------------------------------------------------------------------

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

/**
 * "GMT+1", "GMT-7", "GMT+5:30", "GMT": the zone's offset at an instant, as `Intl` writes it in English
 * (`timeZoneName: 'shortOffset'`), so that no offset arithmetic is shipped for it. Some ICU versions
 * write a zero offset "GMT+0": it reads "GMT" everywhere.
 */
export const offsetLabel = (ms: number, timeZone: string): string =>
  (zoneName(timeZone, 'en', ms, 'shortOffset') ?? 'GMT').replace(/\+0$/, '');

/**
 * A short list for engines without `Intl.supportedValuesOf` (before 2022); the current zone is always
 * offered as well.
 */
const FALLBACK_ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
];

/** Every zone `Intl` supports (a short built-in list where it cannot say), `UTC` included. */
export function supportedTimeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  let zones: string[];
  try {
    zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : FALLBACK_ZONES;
  } catch {
    zones = FALLBACK_ZONES;
  }
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/**
 * Current names of zones that CLDR, hence `Intl` in most engines, still gives under their old names
 * (`supportedValuesOf` lists Asia/Calcutta, not Asia/Kolkata).
 */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'America/Godthab': 'America/Nuuk',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
};

/** The zone's current name, for showing and searching (Asia/Calcutta: Asia/Kolkata); not for `Intl`. */
export const zoneDisplayName = (zone: string): string =>
  Object.hasOwn(ZONE_NAMES, zone) ? (ZONE_NAMES[zone] as string) : zone;

/**
 * One name per zone, whatever link or case it came as (Asia/Calcutta, asia/kolkata: Asia/Kolkata), to
 * compare zones; an unknown zone as given.
 */
export function canonicalZone(zone: string): string {
  let id = zone;
  try {
    id = partsFormat(zone).resolvedOptions().timeZone;
  } catch {
    // unknown to Intl: compared as given
  }
  return zoneDisplayName(id);
}

// --- locale -----------------------------------------------------------------------------------------

export type HourCycle = 'h12' | 'h23';

/** The locale's 12/24 h habit ('h11' counts as 12 h, 'h24' as 24 h). */
export const localeHourCycle = /* @__PURE__ */ perLocale((locale): HourCycle => {
  try {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
  } catch {
    return 'h23';
  }
});

/**
 * 12 or 24 h as `CalSlotPicker` shows times: the user's Cal.com `timeFormat` (12 or 24), else the
 * locale's habit. Every component that shows a time of day uses it (`useCalHourCycle`).
 */
export function calHourCycle(timeFormat: number | null | undefined, locale: string): HourCycle {
  return timeFormat === 12 ? 'h12' : timeFormat === 24 ? 'h23' : localeHourCycle(locale);
}

const WEEKDAY_NAMES = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

/** Cal.com's `weekStart` ('Monday', 'Sunday', ...) as a weekday; `undefined` when unknown. */
export function weekdayFromName(name: unknown): Weekday | undefined {
  const index = typeof name === 'string' ? WEEKDAY_NAMES.indexOf(name.toLowerCase()) : -1;
  return index < 0 ? undefined : (index as Weekday);
}

/**
 * The locale's first day of the week from `Intl.Locale#getWeekInfo` (or the older `weekInfo`
 * getter), Monday where the engine cannot say.
 */
export const localeWeekStart = /* @__PURE__ */ perLocale((locale): Weekday => {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay;
    // Intl numbers the days 1 (Monday) to 7 (Sunday).
    if (typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7) {
      return (firstDay % 7) as Weekday;
    }
  } catch {
    // an unknown locale: the default below
  }
  return 1;
});
