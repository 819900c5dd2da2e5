'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import {
  type KeyboardEvent,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { CalEventTypeRef, CalSlot, CalSlots, CalSlotsParams } from '../../calapi/types.js';
import type { CalQueryError } from '../../react/useCalApi.js';
import { useCalMe } from '../../react/useCalQueries.js';
import { useCalSlots } from '../../react/useCalSlots.js';
import { useKnownTimeZone } from '../../react/useKnownTimeZone.js';
import { dayLabels } from '../../time/dayLabels.js';
import {
  addDays,
  addMonths,
  addMonthsToDay,
  isDay,
  isMonth,
  monthOf,
  monthWeeks,
  startOfWeek,
  utcOf,
  type Weekday,
} from '../../time/days.js';
import { dateTimeFormat, offsetLabel } from '../../time/format.js';
import {
  calHourCycle,
  type HourCycle,
  localeWeekStart,
  weekdayFromName,
} from '../../time/locale.js';
import { dayOf, isTimeZone, startOfDay, viewerTimeZone } from '../../time/zones.js';
import { BookingsLabelsContext } from '../BookingsLabelsContext.js';

export type { Weekday } from '../../time/days.js';
export type { HourCycle } from '../../time/locale.js';

/** A slot as `onSelect` receives it: Cal.com's own `{ start, end? }`, `start` with the zone's offset. */
export type CalSlotPickerSlot = CalSlot;

/** Options of `useCalSlotPicker`; `CalSlotPicker` takes the same as props. */
export type UseCalSlotPickerOptions = CalEventTypeRef & {
  /**
   * The zone the days and times are shown in, and the slots are asked in. With `onTimeZoneChange` it
   * is controlled; without it, it is the initial zone and the picker's selector changes it.
   * Cal.com keys the days by the zone it was asked in, so a new zone costs one new slots request
   * per month (the slots are instants: the same slot may move to another day). One `Intl` does not
   * know gives the viewer's zone (with a warning in development).
   * @default the viewer's zone, `Intl.DateTimeFormat().resolvedOptions().timeZone`
   */
  timeZone?: string;
  /** Called with the zone the person chose in the selector. @default undefined */
  onTimeZoneChange?: (timeZone: string) => void;
  /** For event types with several lengths: the length in minutes. @default the event type's */
  duration?: number;
  /** The booking being rescheduled: its own time is then offered (`bookingUidToReschedule`). */
  rescheduleUid?: string;
  /**
   * The chosen slot. Given (a slot or `null`), the picker is controlled and shows this one as chosen;
   * `undefined` leaves the choice to the picker. @default undefined
   */
  selected?: CalSlotPickerSlot | null;
  /** Called when a time is chosen, with the slot as Cal.com sent it. */
  onSelect?: (slot: CalSlotPickerSlot) => void;
  /** The visible month, `YYYY-MM` (controlled, with `onMonthChange`). @default undefined */
  month?: string;
  /**
   * The first visible month, `YYYY-MM`. @default the month of `selected`, else the current month in
   * `timeZone`
   */
  defaultMonth?: string;
  /** Called with the month (`YYYY-MM`) the person moved to. @default undefined */
  onMonthChange?: (month: string) => void;
  /**
   * 12 or 24 hour times. @default the user's Cal.com `timeFormat` (`useCalMe`), else the locale's
   */
  hourCycle?: HourCycle;
  /**
   * The first column of the grid, 0 (Sunday) to 6. @default the user's Cal.com `weekStart`, else the
   * locale's (`Intl.Locale#getWeekInfo`), else Monday
   */
  weekStartsOn?: Weekday;
  /** BCP 47 locale of the month, day and time names. @default the labels' `locale` */
  locale?: string;
};

/** One day of the month grid. */
export interface CalSlotPickerDay {
  /** `YYYY-MM-DD`, a day of `timeZone`. */
  date: string;
  /** Day of the month, 1 to 31. */
  dayOfMonth: number;
  /** The full date in the locale, e.g. "Monday, March 15, 2027". */
  label: string;
  /** Whether this month's slots are loaded (not while loading or showing the previous month's). */
  known: boolean;
  /** At least one time on this day. */
  available: boolean;
  /** Before today in `timeZone`. */
  past: boolean;
  /** Today in `timeZone`. */
  today: boolean;
  /** Not choosable: past, or known to have no times. */
  disabled: boolean;
}

/** One time of the chosen day. */
export interface CalSlotPickerTime {
  slot: CalSlotPickerSlot;
  /** The time in `timeZone`, 12 or 24 h, e.g. "9:30 AM" or "09:30". */
  label: string;
  selected: boolean;
}

/** `data-state` of `CalSlotPicker`'s root. */
export type CalSlotPickerState = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/**
 * The chosen and the focused day, outside React state so that each day cell can subscribe to its own
 * part (`useSyncExternalStore`): choosing a day then re-renders two cells and the times, not the grid.
 */
export interface CalSlotPickerDayStore {
  get(): { selectedDay: string | undefined; focusedDay: string | undefined; moveFocus: boolean };
  subscribe(listener: () => void): () => void;
  /** Clears the request to move DOM focus (after the cell took it); tells no one. */
  focusMoved(): void;
}

export interface UseCalSlotPickerResult {
  state: CalSlotPickerState;
  /** The visible month, `YYYY-MM`. */
  month: string;
  /** "March 2027". */
  monthLabel: string;
  /** Column headers from `weekStartsOn`: "Mon" and "Monday". */
  weekdays: { short: string; long: string }[];
  /** The month in rows of 7, `null` outside the month. */
  weeks: (CalSlotPickerDay | null)[][];
  canGoToPreviousMonth: boolean;
  goToMonth(month: string): void;
  previousMonth(): void;
  nextMonth(): void;
  /** The chosen day (`YYYY-MM-DD`), whose times `times` lists. */
  selectedDay: string | undefined;
  /** "Monday, March 15, 2027" for `selectedDay`. */
  selectedDayLabel: string | undefined;
  /** The grid's one tab stop (roving tabindex). */
  focusedDay: string;
  /**
   * The tab stop while the person has neither moved it nor chosen a day in this month: the first day
   * with times, else today, else the 1st.
   */
  defaultFocusedDay: string;
  /** Chooses a day; ignored for a disabled one. */
  selectDay(date: string): void;
  /** Moves the tab stop (and the month with it); `moveFocus` also moves DOM focus there. */
  focusDay(date: string, options?: { moveFocus?: boolean }): void;
  /** The WAI-ARIA date grid keys: arrows, Home/End, PageUp/PageDown (with Shift: a year), Enter/Space. */
  onGridKeyDown(event: KeyboardEvent<HTMLElement>): void;
  /** The chosen day's times, in `timeZone`. */
  times: CalSlotPickerTime[];
  selected: CalSlotPickerSlot | null;
  select(slot: CalSlotPickerSlot): void;
  timeZone: string;
  setTimeZone(timeZone: string): void;
  /** "Europe/Berlin (GMT+1)", the offset on the chosen day (else mid-month). */
  timeZoneLabel: string;
  hourCycle: HourCycle;
  weekStartsOn: Weekday;
  locale: string;
  /** When this month has no times: the first day with times next month, once known. */
  nextAvailableDay: string | undefined;
  /**
   * Goes to `nextAvailableDay`, chosen and focused; to the next month when it is not known. For the
   * button of an empty month.
   */
  showNextAvailable(): void;
  /** The full date in the locale: "Monday, March 15, 2027". */
  labelOf(date: string): string;
  /** The visible month's slots query (`isPlaceholderData` while the previous month stands in). */
  query: UseQueryResult<CalSlots, CalQueryError>;
  dayStore: CalSlotPickerDayStore;
}

function createDayStore(selectedDay: string | undefined): CalSlotPickerDayStore & {
  set(patch: Partial<ReturnType<CalSlotPickerDayStore['get']>>): void;
} {
  let state = { selectedDay, focusedDay: selectedDay, moveFocus: false };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    focusMoved() {
      state = { ...state, moveFocus: false };
    },
    set(patch) {
      const next = { ...state, ...patch };
      if ((Object.keys(patch) as (keyof typeof state)[]).every((key) => next[key] === state[key])) {
        return;
      }
      state = next;
      for (const listener of listeners) listener();
    },
  };
}

const FULL_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeZone: 'UTC' };

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
 * The grid's tab stop: the day focus was moved to, else the chosen day, when in `month`; else
 * `fallback`. Day cells compute it from the store, so that only the two cells it moves between render.
 */
export function tabStop(
  days: { focusedDay: string | undefined; selectedDay: string | undefined },
  month: string,
  fallback: string,
): string {
  if (days.focusedDay && monthOf(days.focusedDay) === month) return days.focusedDay;
  if (days.selectedDay && monthOf(days.selectedDay) === month) return days.selectedDay;
  return fallback;
}

const sameInstant = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && (a === b || Date.parse(a) === Date.parse(b));

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
  const {
    timeZone: timeZoneProp,
    onTimeZoneChange,
    duration,
    rescheduleUid,
    selected: selectedProp,
    onSelect,
    month: monthProp,
    defaultMonth,
    onMonthChange,
    hourCycle: hourCycleProp,
    weekStartsOn: weekStartsOnProp,
  } = options;
  const labelsLocale = useContext(BookingsLabelsContext).locale;
  const locale = options.locale ?? labelsLocale;

  // --- zone: controlled with onTimeZoneChange, else the prop is where the picker starts ----------
  const [ownZone, setOwnZone] = useState(() => timeZoneProp ?? viewerTimeZone());
  const [zonePropSeen, setZonePropSeen] = useState(timeZoneProp);
  if (zonePropSeen !== timeZoneProp) {
    setZonePropSeen(timeZoneProp);
    if (timeZoneProp !== undefined) setOwnZone(timeZoneProp);
  }
  const wantedZone = onTimeZoneChange && timeZoneProp !== undefined ? timeZoneProp : ownZone;
  const timeZone = useKnownTimeZone(wantedZone);
  const setTimeZone = useCallback(
    (zone: string) => {
      if (!isTimeZone(zone)) return;
      setOwnZone(zone);
      onTimeZoneChange?.(zone);
    },
    [onTimeZoneChange],
  );

  // --- the chosen slot: controlled when `selected` is given ----------------------------------------
  const [ownSelected, setOwnSelected] = useState<CalSlotPickerSlot | null>(null);
  const selected = selectedProp !== undefined ? selectedProp : ownSelected;
  const select = useCallback(
    (slot: CalSlotPickerSlot) => {
      setOwnSelected(slot);
      onSelect?.(slot);
    },
    [onSelect],
  );
  const selectedMs = selected ? Date.parse(selected.start) : Number.NaN;
  const selectedSlotDay = Number.isNaN(selectedMs) ? undefined : dayOf(selectedMs, timeZone);

  // --- days: the chosen one and the tab stop, in a store the cells subscribe to -------------------
  const [store] = useState(() => createDayStore(selectedSlotDay));
  const getSelectedDay = () => store.get().selectedDay;
  const getFocusedDay = () => store.get().focusedDay;
  const selectedDay = useSyncExternalStore(store.subscribe, getSelectedDay, getSelectedDay);
  const storedFocus = useSyncExternalStore(store.subscribe, getFocusedDay, getFocusedDay);

  // --- month: controlled with onMonthChange ----------------------------------------------------------
  const today = dayOf(Date.now(), timeZone);
  const currentMonth = monthOf(today);
  const [ownMonth, setOwnMonth] = useState(() =>
    isMonth(defaultMonth)
      ? defaultMonth
      : selectedSlotDay
        ? monthOf(selectedSlotDay)
        : currentMonth,
  );
  const month = isMonth(monthProp) ? monthProp : ownMonth;
  const setMonth = useCallback(
    (next: string) => {
      setOwnMonth(next);
      onMonthChange?.(next);
    },
    [onMonthChange],
  );

  // A slot chosen from outside, or a new zone, moves the chosen day to the slot's day in that zone;
  // only when that day changes, so that moving to another month or choosing another day stays put.
  const syncedSlotDay = useRef(selectedSlotDay);
  useEffect(() => {
    if (syncedSlotDay.current === selectedSlotDay) return;
    syncedSlotDay.current = selectedSlotDay;
    // A time chosen in the list is on the chosen day already: the tab stop stays where it is.
    if (!selectedSlotDay || store.get().selectedDay === selectedSlotDay) return;
    store.set({ selectedDay: selectedSlotDay, focusedDay: selectedSlotDay });
    if (monthOf(selectedSlotDay) !== month) setMonth(monthOf(selectedSlotDay));
  }, [selectedSlotDay, store, month, setMonth]);

  // --- the user's Cal.com preferences, only when a prop leaves them open ---------------------------
  const needMe = hourCycleProp === undefined || weekStartsOnProp === undefined;
  const me = useCalMe({ enabled: needMe });
  const hourCycle = hourCycleProp ?? calHourCycle(me.data?.timeFormat, locale);
  const weekStartsOn: Weekday =
    weekStartsOnProp ?? weekdayFromName(me.data?.weekStart) ?? localeWeekStart(locale);

  // --- slots: one request per month, the next month prefetched -------------------------------------
  const ref = eventTypeRef(options);
  const refKey = ref && JSON.stringify(ref);
  // The chosen day's times come from its own month's slots (cached) when another month is shown.
  const otherMonth =
    selectedDay && monthOf(selectedDay) !== month ? monthOf(selectedDay) : undefined;
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

  // --- the grid ------------------------------------------------------------------------------------
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
  const isEmpty = known && firstAvailable === undefined;

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

  const defaultFocusedDay = firstAvailable ?? (monthOf(today) === month ? today : `${month}-01`);
  const focusedDay = tabStop({ focusedDay: storedFocus, selectedDay }, month, defaultFocusedDay);

  const firstAllowed = `${currentMonth}-01`;
  const focusDay = useCallback(
    (date: string, { moveFocus = false }: { moveFocus?: boolean } = {}) => {
      if (!isDay(date)) return;
      const target = date < firstAllowed ? firstAllowed : date;
      store.set({ focusedDay: target, moveFocus });
      if (monthOf(target) !== month) setMonth(monthOf(target));
    },
    [firstAllowed, month, setMonth, store],
  );

  const selectDay = useCallback(
    (date: string) => {
      const day = dayIndex.get(date);
      if (!day || day.disabled) return;
      store.set({ selectedDay: date, focusedDay: date });
    },
    [dayIndex, store],
  );

  const goToMonth = useCallback(
    (next: string) => {
      if (!isMonth(next)) return;
      const target = next < currentMonth ? currentMonth : next;
      // The tab stop goes back to its default in the new month (the first day with times).
      store.set({ focusedDay: undefined, moveFocus: false });
      if (target !== month) setMonth(target);
    },
    [currentMonth, month, setMonth, store],
  );

  const onGridKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      // Keys come from the focused cell; reading it there keeps this handler (and the grid) stable.
      const from =
        (event.target as HTMLElement).closest?.('[data-date]')?.getAttribute('data-date') ??
        store.get().focusedDay;
      if (!isDay(from)) return;
      const rtl = (event.currentTarget.closest('[dir]')?.getAttribute('dir') ?? '') === 'rtl';
      let target: string | undefined;
      switch (event.key) {
        case 'ArrowRight':
          target = addDays(from, rtl ? -1 : 1);
          break;
        case 'ArrowLeft':
          target = addDays(from, rtl ? 1 : -1);
          break;
        case 'ArrowDown':
          target = addDays(from, 7);
          break;
        case 'ArrowUp':
          target = addDays(from, -7);
          break;
        case 'Home':
          target = startOfWeek(from, weekStartsOn);
          break;
        case 'End':
          target = addDays(startOfWeek(from, weekStartsOn), 6);
          break;
        case 'PageUp':
          target = addMonthsToDay(from, event.shiftKey ? -12 : -1);
          break;
        case 'PageDown':
          target = addMonthsToDay(from, event.shiftKey ? 12 : 1);
          break;
        case 'Enter':
        case ' ':
          event.preventDefault();
          selectDay(from);
          return;
        default:
          return;
      }
      event.preventDefault();
      focusDay(target, { moveFocus: true });
    },
    [weekStartsOn, selectDay, focusDay, store],
  );

  // --- the chosen day's times, from its own month's slots (cached) when another month is shown ------
  const chosenMonth = useCalSlots(otherParams, { prefetchNextRange: false });
  const chosenByDay = useMemo(
    () => (otherMonth ? groupByDay(chosenMonth.data, timeZone) : byDay),
    [otherMonth, chosenMonth.data, timeZone, byDay],
  );
  const daySlots = selectedDay ? chosenByDay.get(selectedDay) : undefined;
  const selectedStart = selected?.start;
  const times = useMemo(() => {
    const timeFormat = dateTimeFormat(locale, {
      hour: 'numeric',
      minute: '2-digit',
      hourCycle,
      timeZone,
    });
    return (daySlots ?? []).map((slot) => ({
      slot,
      label: timeFormat.format(Date.parse(slot.start)),
      selected: sameInstant(slot.start, selectedStart),
    }));
  }, [daySlots, locale, hourCycle, timeZone, selectedStart]);

  // --- the next month, once prefetched, is grouped by day while the browser is idle ----------------
  // Moving there then renders from that grouping (cached per answer) instead of grouping a month of
  // slots on the click. This observer only reads the cache; useCalSlots above prefetches.
  const upcoming = useCalSlots(nextParams, { prefetchNextRange: false, enabled: false });
  const upcomingData = upcoming.isPlaceholderData ? undefined : upcoming.data;
  useEffect(() => {
    if (!upcomingData) return;
    const group = () => void groupByDay(upcomingData, timeZone);
    const idle = globalThis.requestIdleCallback;
    if (idle) {
      const handle = idle(group, { timeout: 1_000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(group, 50);
    return () => clearTimeout(timer);
  }, [upcomingData, timeZone]);

  // --- when this month has none: the next month (prefetched anyway) tells where the next times are --
  const lookAhead = useCalSlots(isEmpty ? nextParams : undefined, { prefetchNextRange: false });
  const lookedAhead = isEmpty && lookAhead.isSuccess && !lookAhead.isPlaceholderData;
  const nextAvailableDay = useMemo(
    () =>
      lookedAhead
        ? [...groupByDay(lookAhead.data, timeZone).keys()].filter((day) => day > today).sort()[0]
        : undefined,
    [lookedAhead, lookAhead.data, timeZone, today],
  );

  const showNextAvailable = () => {
    if (!nextAvailableDay) {
      goToMonth(addMonths(month, 1));
      return;
    }
    // The button goes away with the empty month: focus goes to the day instead.
    store.set({ selectedDay: nextAvailableDay, focusedDay: nextAvailableDay, moveFocus: true });
    setMonth(monthOf(nextAvailableDay));
  };
  const labelOf = (date: string) => dayLabels(fullDate, monthOf(date))(date);

  const state: CalSlotPickerState = !params
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

  const zoneDay = selectedDay ?? `${month}-15`;
  const timeZoneLabel = useMemo(
    () => `${timeZone} (${offsetLabel(utcOf(zoneDay) + 43_200_000, timeZone)})`,
    [timeZone, zoneDay],
  );
  const monthLabel = useMemo(
    () =>
      dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        utcOf(month),
      ),
    [locale, month],
  );

  return {
    state,
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
    focusedDay,
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
    showNextAvailable,
    labelOf,
    query: query as UseQueryResult<CalSlots, CalQueryError>,
    dayStore: store,
  };
}
