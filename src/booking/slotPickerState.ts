/**
 * The slot picker's calendar state without React or the DOM, as React Aria's `useCalendarState`:
 * the visible month, the chosen day and the grid's tab stop, and what each action (a click, a key of
 * the WAI-ARIA APG date grid, a month button) makes of them: each transition a function from one
 * state to the next. The hook keeps the state where each part is best observed and asks this module
 * for the next one.
 */

import {
  addDays,
  addMonthsToDay,
  isDay,
  isMonth,
  monthOf,
  startOfWeek,
  type Weekday,
} from '../time/days.js';

/** The visible month (`YYYY-MM`), the chosen day and the tab stop (`YYYY-MM-DD`). */
export interface SlotPickerState {
  month: string;
  selectedDay: string | undefined;
  /** The day focus was moved to; `undefined` for the month's default tab stop. */
  focusedDay: string | undefined;
  /** Whether DOM focus should follow the tab stop (after a key, not after a click). */
  moveFocus: boolean;
}

/** What a key does besides the key and the focused day. */
export interface SlotPickerKeyContext {
  weekStartsOn: Weekday;
  /** The text direction, so that ArrowRight goes to the next day in reading order. */
  direction: 'ltr' | 'rtl';
  /** With PageUp/PageDown: a year instead of a month. @default false */
  shiftKey?: boolean;
}

/**
 * The WAI-ARIA APG date grid's keys from the focused day `from`: the day that arrows, Home/End and
 * PageUp/PageDown (with Shift: a year) move the tab stop to, `null` for Enter and Space (choose
 * `from`), `undefined` for a key the grid leaves alone.
 */
export function keyTarget(
  key: string,
  from: string,
  { weekStartsOn, direction, shiftKey = false }: SlotPickerKeyContext,
): string | null | undefined {
  const forward = direction === 'rtl' ? -1 : 1;
  switch (key) {
    case 'ArrowRight':
      return addDays(from, forward);
    case 'ArrowLeft':
      return addDays(from, -forward);
    case 'ArrowDown':
      return addDays(from, 7);
    case 'ArrowUp':
      return addDays(from, -7);
    case 'Home':
      return startOfWeek(from, weekStartsOn);
    case 'End':
      return addDays(startOfWeek(from, weekStartsOn), 6);
    case 'PageUp':
      return addMonthsToDay(from, shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonthsToDay(from, shiftKey ? 12 : 1);
    case 'Enter':
    case ' ':
      return null;
    default:
      return undefined;
  }
}

/**
 * Moves the tab stop to `date`, and the month with it; never before `currentMonth`'s 1st (today's
 * month in the picker's zone). `moveFocus`: DOM focus follows (after a key, not after a click).
 */
export function focus(
  state: SlotPickerState,
  date: string,
  moveFocus: boolean,
  currentMonth: string,
): SlotPickerState {
  if (!isDay(date)) return state;
  const first = `${currentMonth}-01`;
  const focusedDay = date < first ? first : date;
  return { ...state, focusedDay, moveFocus, month: monthOf(focusedDay) };
}

/** Chooses `date` when it can be chosen (a day of the visible month, not past, with times). */
export function select(state: SlotPickerState, date: string, selectable: boolean): SlotPickerState {
  return selectable ? { ...state, selectedDay: date, focusedDay: date } : state;
}

/** Shows `month`, not one before `currentMonth`; the tab stop goes back to the month's default. */
export function goToMonth(
  state: SlotPickerState,
  month: string,
  currentMonth: string,
): SlotPickerState {
  if (!isMonth(month)) return state;
  const shown = month < currentMonth ? currentMonth : month;
  return { ...state, focusedDay: undefined, moveFocus: false, month: shown };
}

/** Chooses a day of any month and moves focus to it (the "next available" button). */
export function show(date: string): SlotPickerState {
  return { month: monthOf(date), selectedDay: date, focusedDay: date, moveFocus: true };
}

/**
 * The chosen slot's day changed from outside (a controlled slot, a new zone): it becomes the chosen
 * day, unless it is the chosen day already (a time chosen in the list: the tab stop stays put).
 */
export function followSlot(state: SlotPickerState, date: string | undefined): SlotPickerState {
  if (!date || state.selectedDay === date) return state;
  return { ...state, selectedDay: date, focusedDay: date, month: monthOf(date) };
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

/**
 * The tab stop while the person has neither moved it nor chosen a day in the month: the first day
 * with times, else today when in the month, else the 1st.
 */
export function defaultTabStop(
  month: string,
  today: string,
  firstAvailable: string | undefined,
): string {
  return firstAvailable ?? (monthOf(today) === month ? today : `${month}-01`);
}
