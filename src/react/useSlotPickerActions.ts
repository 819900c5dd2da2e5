'use client';

import { type KeyboardEvent, useCallback, useEffect, useRef } from 'react';
import * as slotPicker from '../booking/slotPickerState.js';
import { isDay, type Weekday } from '../time/days.js';
import type { CalSlotPickerDay } from './calSlotPickerTypes.js';
import type { createDayStore } from './slotPickerDayStore.js';
import { textDirection } from './textDirection.js';

/**
 * The slot picker's actions over its pure state (`src/booking/slotPickerState.ts`): the month is the
 * host's or the picker's (`setMonth`), the chosen day and the tab stop live in the day store. The
 * grid's keys read the focused cell and the text direction from the DOM, once per key.
 * `[focusDay, selectDay, goToMonth, onGridKeyDown, showDay]`.
 */
export function useSlotPickerActions(
  store: ReturnType<typeof createDayStore>,
  month: string,
  setMonth: (month: string) => void,
  currentMonth: string,
  dayIndex: Map<string, CalSlotPickerDay>,
  weekStartsOn: Weekday,
  selectedSlotDay: string | undefined,
) {
  const update = useCallback(
    (change: (state: slotPicker.SlotPickerState) => slotPicker.SlotPickerState) => {
      const next = change({ month, ...store.get() });
      const { selectedDay, focusedDay, moveFocus } = next;
      store.set({ selectedDay, focusedDay, moveFocus });
      if (next.month !== month) setMonth(next.month);
    },
    [month, store, setMonth],
  );
  const focusDay = useCallback(
    (date: string, { moveFocus = false }: { moveFocus?: boolean } = {}) =>
      update((state) => slotPicker.focus(state, date, moveFocus, currentMonth)),
    [update, currentMonth],
  );
  const selectDay = useCallback(
    (date: string) =>
      update((state) => slotPicker.select(state, date, dayIndex.get(date)?.disabled === false)),
    [update, dayIndex],
  );
  const goToMonth = useCallback(
    (next: string) => update((state) => slotPicker.goToMonth(state, next, currentMonth)),
    [update, currentMonth],
  );
  const onGridKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      // Keys come from the focused cell; reading it there keeps this handler (and the grid) stable.
      const from =
        (event.target as HTMLElement).closest?.('[data-date]')?.getAttribute('data-date') ??
        store.get().focusedDay;
      if (!isDay(from)) return;
      const target = slotPicker.keyTarget(event.key, from, {
        weekStartsOn,
        direction: textDirection(event.currentTarget),
        shiftKey: event.shiftKey,
      });
      if (target === undefined) return;
      event.preventDefault();
      if (target === null) selectDay(from);
      else focusDay(target, { moveFocus: true });
    },
    [weekStartsOn, selectDay, focusDay, store],
  );

  // A slot chosen from outside, or a new zone, moves the chosen day to the slot's day in that zone;
  // only when that day changes, so that moving to another month or choosing another day stays put.
  const syncedSlotDay = useRef(selectedSlotDay);
  useEffect(() => {
    if (syncedSlotDay.current === selectedSlotDay) return;
    syncedSlotDay.current = selectedSlotDay;
    update((state) => slotPicker.followSlot(state, selectedSlotDay));
  }, [selectedSlotDay, update]);

  /** Chooses and focuses a day of any month (the button of an empty month). */
  const showDay = (date: string) => update(() => slotPicker.show(date));
  return [focusDay, selectDay, goToMonth, onGridKeyDown, showDay] as const;
}
