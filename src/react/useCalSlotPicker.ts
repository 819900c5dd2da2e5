'use client';

import { useMemo } from 'react';
import { defaultTabStop, tabStop } from '../booking/slotPickerState.js';
import { dayLabels } from '../time/dayLabels.js';
import { addMonths, monthOf, utcOf, type Weekday } from '../time/days.js';
import { offsetLabel } from '../time/format.js';
import { calHourCycle, localeWeekStart, weekdayFromName } from '../time/locale.js';
import { dayOf } from '../time/zones.js';
import type { UseCalSlotPickerOptions, UseCalSlotPickerResult } from './calSlotPickerTypes.js';
import { useLabelsLocale } from './labelsContext.js';
import { useDayStore } from './slotPickerDayStore.js';
import { useCalMe } from './useCalQueries.js';
import { useSlotPickerActions } from './useSlotPickerActions.js';
import { useSlotPickerGrid } from './useSlotPickerGrid.js';
import { useRangeDays, useSlotPickerLayout } from './useSlotPickerLayout.js';
import {
  slotPickerStatus,
  useMonthSlots,
  useNextAvailableDay,
  useSlotTimes,
} from './useSlotPickerSlots.js';
import { useSlotPickerValues } from './useSlotPickerValues.js';

/**
 * The state behind `CalSlotPicker`, for hosts that draw their own: the visible month's days with
 * slots marked (one `GET /v2/slots` per month, the next month prefetched when the browser is idle,
 * the previous month's data standing in while the next loads), the chosen day's times in `timeZone`,
 * 12/24 h, the week start, and the grid's keyboard handling (WAI-ARIA APG date picker grid).
 *
 * Changing the zone asks again: Cal.com keys the days by the zone it was asked in, and a month's range
 * starts at that zone's midnight, so one new request per month seen in the new zone.
 */
export function useCalSlotPicker(options: UseCalSlotPickerOptions): UseCalSlotPickerResult {
  const { hourCycle: hourCycleProp } = options;
  const labelsLocale = useLabelsLocale();
  const locale = options.locale ?? labelsLocale;

  // The parts return tuples, named here: property names would survive minification.
  const [timeZone, setTimeZone, selected, select, selectedSlotDay, month, setMonth] =
    useSlotPickerValues(options);
  // The chosen day and the tab stop live in a store the day cells subscribe to.
  const [store, selectedDay, storedFocus] = useDayStore(selectedSlotDay);
  const today = dayOf(Date.now(), timeZone);
  const currentMonth = monthOf(today);

  // The user's Cal.com preferences, only when a prop leaves them open.
  const me = useCalMe({
    enabled: hourCycleProp === undefined || options.weekStartsOn === undefined,
  });
  const hourCycle = hourCycleProp ?? calHourCycle(me.data?.timeFormat, locale);
  const weekStartsOn: Weekday =
    options.weekStartsOn ?? weekdayFromName(me.data?.weekStart) ?? localeWeekStart(locale);

  const [
    layout,
    layouts,
    setLayout,
    dates,
    shownMonth,
    rangeMonth,
    canGoToPreviousDays,
    previousDays,
    nextDays,
  ] = useSlotPickerLayout(options, selectedDay, month, setMonth, today, weekStartsOn);
  const otherMonth =
    rangeMonth ??
    (selectedDay && monthOf(selectedDay) !== month ? monthOf(selectedDay) : undefined);
  const [params, nextParams, query, known, byDay, chosenByDay, otherKnown] = useMonthSlots(
    options,
    shownMonth,
    otherMonth,
    timeZone,
  );
  const [days, rangeLabel] = useRangeDays(
    dates,
    shownMonth,
    [byDay, known, chosenByDay, otherKnown],
    selected?.start,
    locale,
    hourCycle,
    timeZone,
  );
  const [weeks, dayIndex, firstAvailable, weekdays, monthLabel, fullDate] = useSlotPickerGrid(
    shownMonth,
    weekStartsOn,
    today,
    known,
    byDay,
    locale,
  );
  const isEmpty = dates.length
    ? known && otherKnown && days.every((day) => !day.times.length)
    : known && firstAvailable === undefined;
  const defaultFocusedDay = defaultTabStop(month, today, firstAvailable);

  // Every change of the month, the chosen day or the tab stop goes through the pure state.
  const [focusDay, selectDay, goToMonth, onGridKeyDown, showDay] = useSlotPickerActions(
    store,
    month,
    setMonth,
    currentMonth,
    dayIndex,
    weekStartsOn,
    selectedSlotDay,
  );

  const daySlots = selectedDay ? chosenByDay.get(selectedDay) : undefined;
  const times = useSlotTimes(daySlots, selected?.start, locale, hourCycle, timeZone);
  const nextAvailableDay = useNextAvailableDay(nextParams, isEmpty, timeZone, today);
  const labelOf = (date: string) => dayLabels(fullDate, monthOf(date))(date);
  const zoneDay = selectedDay ?? dates[0] ?? `${month}-15`;
  const timeZoneLabel = useMemo(
    () => `${timeZone} (${offsetLabel(utcOf(zoneDay) + 43_200_000, timeZone)})`,
    [timeZone, zoneDay],
  );

  return {
    state: slotPickerStatus(params, query, known, isEmpty),
    month,
    monthLabel,
    weekdays,
    weeks,
    canGoToPreviousMonth: month > currentMonth,
    goToMonth,
    previousMonth: () => goToMonth(addMonths(month, -1)),
    nextMonth: () => goToMonth(addMonths(month, 1)),
    selectedDay,
    selectedDayLabel: selectedDay ? labelOf(selectedDay) : undefined,
    focusedDay: tabStop({ focusedDay: storedFocus, selectedDay }, month, defaultFocusedDay),
    defaultFocusedDay,
    selectDay,
    focusDay,
    onGridKeyDown,
    times,
    selected,
    select,
    timeZone,
    setTimeZone,
    timeZoneLabel,
    hourCycle,
    weekStartsOn,
    locale,
    nextAvailableDay,
    // The button goes away with the empty month: focus goes to the day instead.
    showNextAvailable: () =>
      nextAvailableDay ? showDay(nextAvailableDay) : goToMonth(addMonths(month, 1)),
    labelOf,
    query,
    dayStore: store,
    layout,
    layouts,
    setLayout,
    days,
    rangeLabel,
    canGoToPreviousDays,
    previousDays,
    nextDays,
  };
}
