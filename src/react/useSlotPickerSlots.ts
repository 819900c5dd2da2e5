'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { calSlotSeats } from '../booking/seats.js';
import type { CalEventTypeRef, CalSlot, CalSlots, CalSlotsParams } from '../calapi/types.js';
import { addMonths } from '../time/days.js';
import { dateTimeFormat } from '../time/format.js';
import type { HourCycle } from '../time/locale.js';
import { dayOf, startOfDay } from '../time/zones.js';
import type { CalSlotPickerState, CalSlotPickerTime } from './calSlotPickerTypes.js';
import type { CalQueryError } from './useCalApi.js';
import { useCalSlots } from './useCalSlots.js';
import { whenIdle } from './whenIdle.js';

/** The event type part of the props only, so that unrelated props never change the query key. */
function eventTypeRef(options: CalEventTypeRef): CalEventTypeRef | undefined {
  if ('eventTypeId' in options && typeof options.eventTypeId === 'number') {
    return { eventTypeId: options.eventTypeId };
  }
  if ('eventTypeSlug' in options && options.eventTypeSlug && options.username) {
    return { eventTypeSlug: options.eventTypeSlug, username: options.username };
  }
  return undefined;
}

/**
 * One month of slots, in instants: from the month's first midnight in `timeZone` to the last
 * millisecond before the next month's, so that every day of the month in that zone is covered
 * whatever the zone's offset.
 */
function monthParams(
  ref: CalEventTypeRef,
  month: string,
  timeZone: string,
  duration: number | undefined,
  rescheduleUid: string | undefined,
): CalSlotsParams {
  return {
    ...ref,
    start: new Date(startOfDay(`${month}-01`, timeZone)).toISOString(),
    end: new Date(startOfDay(`${addMonths(month, 1)}-01`, timeZone) - 1).toISOString(),
    timeZone,
    ...(duration !== undefined ? { duration } : {}),
    ...(rescheduleUid ? { bookingUidToReschedule: rescheduleUid } : {}),
  };
}

/** Each answer's days, per zone: a month shown again (or standing in) is not grouped again. */
const groupedDays = new WeakMap<CalSlots, Map<string, Map<string, CalSlot[]>>>();

/**
 * Slots per day of `timeZone`, computed from the instants (whatever zone the keys were made in).
 * `dayOf` places them with the zone's offsets, so a month costs a few `Intl` calls, not one per slot.
 */
function groupByDay(data: CalSlots | undefined, timeZone: string): Map<string, CalSlot[]> {
  const days = new Map<string, CalSlot[]>();
  if (!data) return days;
  let zones = groupedDays.get(data);
  if (!zones) {
    zones = new Map();
    groupedDays.set(data, zones);
  }
  const grouped = zones.get(timeZone);
  if (grouped) return grouped;
  zones.set(timeZone, days);
  // Each start is parsed once and sorted (stably, only when out of order) before grouping, so every
  // day's list is in order and `dayOf` meets the instants in order (it reuses a day's answer).
  const timed: [number, CalSlot][] = [];
  let ordered = true;
  for (const list of Object.values(data)) {
    for (const slot of list) {
      const ms = Date.parse(slot.start);
      if (Number.isNaN(ms)) continue;
      if (ms < (timed[timed.length - 1]?.[0] ?? ms)) ordered = false;
      timed.push([ms, slot]);
    }
  }
  if (!ordered) timed.sort((a, b) => a[0] - b[0]);
  for (const [ms, slot] of timed) {
    const day = dayOf(ms, timeZone);
    const list = days.get(day);
    if (list) list.push(slot);
    else days.set(day, [slot]);
  }
  return days;
}

/**
 * The slot picker's slots: the visible month's (the next month prefetched when the browser is idle,
 * then grouped by day while it is idle again), and the chosen day's month's when another is shown.
 * `[params, nextParams, query, known, byDay, chosenByDay, otherKnown]`.
 */
export function useMonthSlots(
  options: CalEventTypeRef & { duration?: number; rescheduleUid?: string },
  month: string,
  otherMonth: string | undefined,
  timeZone: string,
) {
  const { duration, rescheduleUid } = options;
  const ref = eventTypeRef(options);
  const refKey = ref && JSON.stringify(ref);
  // The params of this month, of the next (prefetched; looked ahead in when this one has no times)
  // and of the chosen day's month when another is shown: computed once per change, not per render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `ref` is compared by value through `refKey`.
  const [params, nextParams, otherParams] = useMemo(() => {
    if (!ref) return [];
    const paramsOf = (at: string) => monthParams(ref, at, timeZone, duration, rescheduleUid);
    return [
      paramsOf(month),
      paramsOf(addMonths(month, 1)),
      otherMonth ? paramsOf(otherMonth) : undefined,
    ];
  }, [refKey, month, otherMonth, timeZone, duration, rescheduleUid]);
  const query = useCalSlots(params, { prefetchNextRange: () => nextParams });
  const known = query.isSuccess && !query.isPlaceholderData;
  const byDay = useMemo(() => groupByDay(query.data, timeZone), [query.data, timeZone]);

  // The chosen day's times come from its own month's slots (cached) when another month is shown.
  const chosenMonth = useCalSlots(otherParams, { prefetchNextRange: false });
  const chosenByDay = useMemo(
    () => (otherMonth ? groupByDay(chosenMonth.data, timeZone) : byDay),
    [otherMonth, chosenMonth.data, timeZone, byDay],
  );

  // The next month, once prefetched, is grouped by day while the browser is idle: moving there then
  // renders from that grouping (cached per answer) instead of grouping a month of slots on the click.
  // This observer only reads the cache; the query above prefetches.
  const upcoming = useCalSlots(nextParams, { prefetchNextRange: false, enabled: false });
  const upcomingData = upcoming.isPlaceholderData ? undefined : upcoming.data;
  useEffect(() => {
    if (!upcomingData) return;
    const group = () => void groupByDay(upcomingData, timeZone);
    return whenIdle(group, 1_000, 50);
  }, [upcomingData, timeZone]);

  const result = query as UseQueryResult<CalSlots, CalQueryError>;
  const otherKnown = !otherMonth || (chosenMonth.isSuccess && !chosenMonth.isPlaceholderData);
  return [params, nextParams, result, known, byDay, chosenByDay, otherKnown] as const;
}

/** When the month has no times (`isEmpty`): the first day with times after `today` next month. */
export function useNextAvailableDay(
  nextParams: CalSlotsParams | undefined,
  isEmpty: boolean,
  timeZone: string,
  today: string,
): string | undefined {
  // The next month is prefetched anyway: this observer shares its request.
  const lookAhead = useCalSlots(isEmpty ? nextParams : undefined, { prefetchNextRange: false });
  const lookedAhead = isEmpty && lookAhead.isSuccess && !lookAhead.isPlaceholderData;
  return useMemo(
    () =>
      lookedAhead
        ? [...groupByDay(lookAhead.data, timeZone).keys()].filter((day) => day > today).sort()[0]
        : undefined,
    [lookedAhead, lookAhead.data, timeZone, today],
  );
}

const sameInstant = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && (a === b || Date.parse(a) === Date.parse(b));

/** The chosen day's times in `timeZone`, 12 or 24 h, the chosen slot marked. */
export function useSlotTimes(
  daySlots: CalSlot[] | undefined,
  selectedStart: string | undefined,
  locale: string,
  hourCycle: HourCycle,
  timeZone: string,
): CalSlotPickerTime[] {
  return useMemo(
    () => timesOf(daySlots, selectedStart, timeFormatOf(locale, hourCycle, timeZone)),
    [daySlots, locale, hourCycle, timeZone, selectedStart],
  );
}

/** The formatter of the picker's times (cached by `dateTimeFormat`). */
export const timeFormatOf = (locale: string, hourCycle: HourCycle, timeZone: string) =>
  dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', hourCycle, timeZone });

/** A day's slots as the picker's times, the chosen one marked. */
export function timesOf(
  daySlots: CalSlot[] | undefined,
  selectedStart: string | undefined,
  timeFormat: Intl.DateTimeFormat,
): CalSlotPickerTime[] {
  return (daySlots ?? []).map((slot) => ({
    slot,
    label: timeFormat.format(Date.parse(slot.start)),
    selected: sameInstant(slot.start, selectedStart),
    seats: calSlotSeats(slot),
  }));
}

/** `data-state` of the picker, from the visible month's query. */
export function slotPickerStatus(
  params: CalSlotsParams | undefined,
  query: UseQueryResult<CalSlots, CalQueryError>,
  known: boolean,
  isEmpty: boolean,
): CalSlotPickerState {
  return !params
    ? 'idle'
    : query.isError && !query.data
      ? 'error'
      : !known
        ? query.fetchStatus === 'idle' && !query.data
          ? 'idle'
          : 'loading'
        : isEmpty
          ? 'empty'
          : 'ready';
}
