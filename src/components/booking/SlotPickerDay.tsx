'use client';

import { memo, type ReactNode, useEffect, useRef, useSyncExternalStore } from 'react';
import { tabStop } from '../../booking/slotPickerState.js';
import type { CalSlotPickerDay, CalSlotPickerDayStore } from '../../react/calSlotPickerTypes.js';
import { monthOf } from '../../time/days.js';

export interface SlotPickerDayProps {
  day: CalSlotPickerDay;
  /** The accessible name: the full date and whether it has times. */
  name: string;
  store: CalSlotPickerDayStore;
  /** The month's tab stop while nobody moved it (`defaultFocusedDay`). */
  fallback: string;
  onChoose: (date: string) => void;
}

/**
 * One day of the grid (`role="gridcell"`). It reads whether it is chosen or the tab stop from the
 * store, so choosing a day renders the two cells whose state changed, not the grid.
 */
export const SlotPickerDay = /* @__PURE__ */ memo(function SlotPickerDay({
  day,
  name,
  store,
  fallback,
  onChoose,
}: SlotPickerDayProps): ReactNode {
  const { date } = day;
  // The store's first state is the server's too (the chosen day from `selected`).
  const getIsTabStop = () => tabStop(store.get(), monthOf(date), fallback) === date;
  const getIsSelected = () => store.get().selectedDay === date;
  const isTabStop = useSyncExternalStore(store.subscribe, getIsTabStop, getIsTabStop);
  const isSelected = useSyncExternalStore(store.subscribe, getIsSelected, getIsSelected);
  const ref = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    // Keyboard moves (also into another month, whose cells mount) take DOM focus along.
    if (isTabStop && store.get().moveFocus) {
      store.focusMoved();
      ref.current?.focus();
    }
  }, [isTabStop, store]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the grid handles its cells' keys (APG grid).
    <td
      ref={ref}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a grid table's cells are gridcells.
      role="gridcell"
      className="aisq-slot-picker__day"
      tabIndex={isTabStop ? 0 : -1}
      aria-label={name}
      aria-selected={isSelected}
      aria-disabled={day.disabled || undefined}
      aria-current={day.today ? 'date' : undefined}
      data-date={date}
      data-available={day.available || undefined}
      data-past={day.past || undefined}
      data-today={day.today || undefined}
      data-selected={isSelected || undefined}
      onClick={() => onChoose(date)}
    >
      {day.dayOfMonth}
    </td>
  );
});
