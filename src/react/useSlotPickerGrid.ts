'use client';

import { useMemo } from 'react';
import type { CalSlot } from '../calapi/types.js';
import { dayLabels } from '../time/dayLabels.js';
import { monthWeeks, utcOf, type Weekday } from '../time/days.js';
import { dateTimeFormat } from '../time/format.js';
import type { CalSlotPickerDay } from './calSlotPickerTypes.js';

const FULL_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeZone: 'UTC' };

/**
 * The slot picker's month grid: its days with times marked (from `byDay`, once `known`), its
 * column headers from `weekStartsOn` and the month's and days' names in `locale`. `[weeks, dayIndex,
 * firstAvailable, weekdays, monthLabel, fullDate]`: a tuple, as the picker's other parts return,
 * because property names survive minification and these are read once.
 */
export function useSlotPickerGrid(
  month: string,
  weekStartsOn: Weekday,
  today: string,
  known: boolean,
  byDay: Map<string, CalSlot[]>,
  locale: string,
) {
  // One formatter for every cell's label and `labelOf`, looked up once per render (dateTimeFormat
  // caches it: the same object for the same locale, so a stable dependency).
  const fullDate = dateTimeFormat(locale, FULL_DATE);
  const weeks = useMemo(() => {
    // The month's labels from one Intl call (see dayLabels), not one per day.
    const labelOf = dayLabels(fullDate, month);
    return monthWeeks(month, weekStartsOn).map((week) =>
      week.map((date): CalSlotPickerDay | null => {
        if (!date) return null;
        const past = date < today;
        const available = known && !past && (byDay.get(date)?.length ?? 0) > 0;
        return {
          date,
          dayOfMonth: Number(date.slice(8)),
          label: labelOf(date),
          known,
          available,
          past,
          today: date === today,
          disabled: past || (known && !available),
        };
      }),
    );
  }, [month, weekStartsOn, today, known, byDay, fullDate]);
  const dayIndex = useMemo(() => {
    const index = new Map<string, CalSlotPickerDay>();
    for (const week of weeks) for (const day of week) if (day) index.set(day.date, day);
    return index;
  }, [weeks]);
  const firstAvailable = useMemo(
    () => [...dayIndex.values()].find((day) => day.available)?.date,
    [dayIndex],
  );
  const weekdays = useMemo(() => {
    // 1970-01-04 was a Sunday.
    return Array.from({ length: 7 }, (_, column) => {
      const ms = Date.UTC(1970, 0, 4 + ((weekStartsOn + column) % 7));
      return {
        short: dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(ms),
        long: dateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(ms),
      };
    });
  }, [weekStartsOn, locale]);
  const monthLabel = useMemo(
    () =>
      dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        utcOf(month),
      ),
    [locale, month],
  );
  return [weeks, dayIndex, firstAvailable, weekdays, monthLabel, fullDate] as const;
}
