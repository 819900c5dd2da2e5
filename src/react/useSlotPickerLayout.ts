'use client';

import { useMemo, useState } from 'react';
import { type CalBookerLayout, resolveLayout, visibleDays } from '../booking/slotPickerLayout.js';
import type { CalSlot } from '../calapi/types.js';
import { addDays, monthOf, utcOf, type Weekday } from '../time/days.js';
import { dateTimeFormat } from '../time/format.js';
import type { HourCycle } from '../time/locale.js';
import type { CalSlotPickerRangeDay, UseCalSlotPickerOptions } from './calSlotPickerTypes.js';
import { useControllableState } from './useControllableState.js';
import { timeFormatOf, timesOf } from './useSlotPickerSlots.js';

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The slot picker's layout (the prop fixes it; else the host's or the person's choice among the
 * event type's enabled layouts) and, in the week and column layouts, the days shown: from a day kept
 * while times are chosen in them (the chosen day, else the month's first day not past), moved a week
 * or the columns' count at a time and never before today. The months to ask slots for are those of
 * the first day not past and of the last day. `[layout, layouts, setLayout, days, shownMonth,
 * otherMonth, canGoToPreviousDays, previousDays, nextDays]`.
 */
export function useSlotPickerLayout(
  options: UseCalSlotPickerOptions,
  selectedDay: string | undefined,
  month: string,
  setMonth: (month: string) => void,
  today: string,
  weekStartsOn: Weekday,
) {
  const { layout: layoutProp, onLayoutChange } = options;
  const controlled = !!onLayoutChange && layoutProp !== undefined;
  const [wanted, setWanted] = useControllableState<CalBookerLayout | undefined>({
    prop: layoutProp,
    defaultProp: options.defaultLayout,
    onChange: onLayoutChange as ((layout: CalBookerLayout | undefined) => void) | undefined,
    controlled,
  });
  const [layout, layouts] = resolveLayout(
    controlled ? undefined : layoutProp,
    wanted,
    options.bookerLayouts,
  );
  const [anchor, setAnchor] = useState<string>();
  const from = anchor ?? selectedDay ?? later(`${month}-01`, today);
  const days = visibleDays(layout, from, weekStartsOn);
  // Kept once shown, so that choosing a time (a new chosen day) does not move the columns.
  if (days.length && anchor === undefined) setAnchor(from);
  const first = days[0] ?? from;
  const last = days[days.length - 1] ?? from;
  const shownMonth = days.length ? monthOf(later(first, today)) : month;
  const otherMonth = monthOf(last) !== shownMonth ? monthOf(last) : undefined;
  const move = (by: number) => {
    const next = later(addDays(first, by * days.length), today);
    setAnchor(next);
    setMonth(monthOf(next));
  };
  const setLayout = (next: CalBookerLayout) => {
    // A switch starts from the chosen day again.
    setAnchor(undefined);
    setWanted(next);
  };
  return [
    layout,
    layouts,
    setLayout,
    days,
    shownMonth,
    layout === 'month' ? undefined : otherMonth,
    first > today,
    () => move(-1),
    () => move(1),
  ] as const;
}

/**
 * The week or column layout's days with their times (from the slots of their month) and the range's
 * label: `[days, rangeLabel]`.
 */
export function useRangeDays(
  dates: string[],
  shownMonth: string,
  slots: [Map<string, CalSlot[]>, boolean, Map<string, CalSlot[]>, boolean],
  selectedStart: string | undefined,
  locale: string,
  hourCycle: HourCycle,
  timeZone: string,
) {
  const [byDay, known, otherByDay, otherKnown] = slots;
  const key = dates.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `dates` is compared by value through `key`.
  return useMemo(() => {
    const timeFormat = timeFormatOf(locale, hourCycle, timeZone);
    const full = dateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const short = dateTimeFormat(locale, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
    const days = dates.map((date): CalSlotPickerRangeDay => {
      const own = monthOf(date) === shownMonth;
      return {
        date,
        label: full.format(utcOf(date)),
        shortLabel: short.format(utcOf(date)),
        known: own ? known : otherKnown,
        times: timesOf((own ? byDay : otherByDay).get(date), selectedStart, timeFormat),
      };
    });
    const range = dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const [first, last] = [dates[0], dates[dates.length - 1]];
    return [days, first && last ? range.formatRange(utcOf(first), utcOf(last)) : ''] as const;
  }, [
    key,
    shownMonth,
    byDay,
    known,
    otherByDay,
    otherKnown,
    selectedStart,
    locale,
    hourCycle,
    timeZone,
  ]);
}
