import type { UseQueryResult } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import type { CalSlotSeats } from '../booking/seats.js';
import type { CalBookerLayout } from '../booking/slotPickerLayout.js';
import type { CalEventType, CalEventTypeRef, CalSlot, CalSlots } from '../calapi/types.js';
import type { Weekday } from '../time/days.js';
import type { HourCycle } from '../time/locale.js';
import type { CalQueryError } from './useCalApi.js';

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
  /**
   * The layout, as Cal.com's Booker views: a month grid and the chosen day's times, a week of days
   * with their times side by side, or the chosen day and the next four as columns of times. Given
   * without `onLayoutChange` it is fixed and no layout switch shows; with it, it is controlled.
   * @default `defaultLayout`, else `bookerLayouts.defaultLayout`, else `'month'`
   */
  layout?: CalBookerLayout;
  /** The first layout shown, when the event type enables it; the person may switch. @default undefined */
  defaultLayout?: CalBookerLayout;
  /** Called with the layout the person switched to. @default undefined */
  onLayoutChange?: (layout: CalBookerLayout) => void;
  /**
   * The event type's `bookerLayouts` (`CalBooker` passes its event type's): its default layout and
   * the layouts the switch offers. @default all three layouts, month first (Cal.com's default)
   */
  bookerLayouts?: CalEventType['bookerLayouts'];
};

/** One day of the week or column layout, with its times. */
export interface CalSlotPickerRangeDay {
  /** `YYYY-MM-DD`, a day of `timeZone`. */
  date: string;
  /** "Monday, March 15, 2027". */
  label: string;
  /** "Mon 15". */
  shortLabel: string;
  /** Whether its month's slots are loaded. */
  known: boolean;
  times: CalSlotPickerTime[];
}

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
  /**
   * A seated event type's seats at this time (booked, left, total, how full); `undefined` for other
   * event types. A `full` time cannot be booked (Cal.com answers 409).
   */
  seats: CalSlotSeats | undefined;
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
  /** The layout shown. */
  layout: CalBookerLayout;
  /** The layouts a switch offers; empty when the layout is fixed or only one is enabled. */
  layouts: CalBookerLayout[];
  setLayout(layout: CalBookerLayout): void;
  /** The week or column layout's days with their times; empty in the month layout. */
  days: CalSlotPickerRangeDay[];
  /** "Mar 15 – 21, 2027": the days shown, in the week and column layouts. */
  rangeLabel: string;
  canGoToPreviousDays: boolean;
  /** The week or the columns before (never before today) and after. */
  previousDays(): void;
  nextDays(): void;
}
