'use client';

import { useCallback } from 'react';
import { isMonth, monthOf } from '../time/days.js';
import { dayOf, isTimeZone, viewerTimeZone } from '../time/zones.js';
import type { CalSlotPickerSlot, UseCalSlotPickerOptions } from './calSlotPickerTypes.js';
import { useControllableState } from './useControllableState.js';
import { useKnownTimeZone } from './useKnownTimeZone.js';

/**
 * The slot picker's three values that a host may control: the zone (controlled with
 * `onTimeZoneChange`, else the prop is where the picker starts and moves it when it changes), the
 * chosen slot (controlled when `selected` is given) and the month (controlled when `month` is a
 * valid month), with the chosen slot's day in the zone. `[timeZone, setTimeZone, selected, select,
 * selectedSlotDay, month, setMonth]`.
 */
export function useSlotPickerValues(options: UseCalSlotPickerOptions) {
  const { timeZone: timeZoneProp, onTimeZoneChange } = options;
  // The zone is controlled with onTimeZoneChange; without it the prop is where the picker starts.
  const [wantedZone, setZone] = useControllableState({
    prop: timeZoneProp,
    defaultProp: () => timeZoneProp ?? viewerTimeZone(),
    onChange: onTimeZoneChange,
    controlled: !!onTimeZoneChange && timeZoneProp !== undefined,
    follow: true,
  });
  const timeZone = useKnownTimeZone(wantedZone);
  const setTimeZone = useCallback(
    (zone: string) => {
      if (isTimeZone(zone)) setZone(zone);
    },
    [setZone],
  );
  const [selected, select] = useControllableState<CalSlotPickerSlot | null>({
    prop: options.selected,
    defaultProp: null,
    // Only `select` sets it, always with a slot.
    onChange: options.onSelect as ((slot: CalSlotPickerSlot | null) => void) | undefined,
  });
  const selectedMs = selected ? Date.parse(selected.start) : Number.NaN;
  const selectedSlotDay = Number.isNaN(selectedMs) ? undefined : dayOf(selectedMs, timeZone);
  const { defaultMonth, month: monthProp } = options;
  const currentMonth = () => monthOf(dayOf(Date.now(), timeZone));
  const [month, setMonth] = useControllableState({
    prop: isMonth(monthProp) ? monthProp : undefined,
    defaultProp: () =>
      isMonth(defaultMonth)
        ? defaultMonth
        : selectedSlotDay
          ? monthOf(selectedSlotDay)
          : currentMonth(),
    onChange: options.onMonthChange,
  });

  return [timeZone, setTimeZone, selected, select, selectedSlotDay, month, setMonth] as const;
}
