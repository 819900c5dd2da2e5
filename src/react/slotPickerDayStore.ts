'use client';

import { useState, useSyncExternalStore } from 'react';
import type { CalSlotPickerDayStore } from './calSlotPickerTypes.js';

type Days = ReturnType<CalSlotPickerDayStore['get']>;

/** The store of the chosen day and the tab stop, told only when a patched field changes. */
export function createDayStore(
  selectedDay: string | undefined,
): CalSlotPickerDayStore & { set(patch: Partial<Days>): void } {
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
      if ((Object.keys(patch) as (keyof Days)[]).every((key) => next[key] === state[key])) {
        return;
      }
      state = next;
      for (const listener of listeners) listener();
    },
  };
}

/**
 * One day store per picker, starting on the chosen slot's day, with the chosen day and the tab stop
 * the hook renders from (each cell subscribes to its own part instead): `[store, selectedDay,
 * focusedDay]`.
 */
export function useDayStore(selectedSlotDay: string | undefined) {
  const [store] = useState(() => createDayStore(selectedSlotDay));
  const getSelectedDay = () => store.get().selectedDay;
  const getFocusedDay = () => store.get().focusedDay;
  const selectedDay = useSyncExternalStore(store.subscribe, getSelectedDay, getSelectedDay);
  const focusedDay = useSyncExternalStore(store.subscribe, getFocusedDay, getFocusedDay);
  return [store, selectedDay, focusedDay] as const;
}
