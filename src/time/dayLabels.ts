/** A month's day labels ("Monday, March 15, 2027") from one `Intl` call instead of one per day. */

import { daysInMonth, pad, utcOf, weekdayOf } from './days.js';

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
