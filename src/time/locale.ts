/** A locale's habits: 12 or 24 h, and the first day of the week (with Cal.com's own settings first). */

import type { Weekday } from './days.js';
import { perLocale } from './format.js';

export type HourCycle = 'h12' | 'h23';

/** The locale without a `locale` label or prop: the English the default labels are in. */
export const DEFAULT_LOCALE = 'en';

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
