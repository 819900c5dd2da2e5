'use client';

import { useCalMe } from '../../react/useCalQueries.js';
import { calHourCycle, type HourCycle } from './slotPickerDates.js';

/**
 * 12 or 24 h, by `CalSlotPicker`'s rule: `hourCycle` when given, else the user's Cal.com `timeFormat`
 * (`useCalMe`), else the locale's. With `ask` false, `/v2/me` is read only if the page loaded it.
 */
export function useCalHourCycle(
  hourCycle: HourCycle | undefined,
  locale: string,
  ask = true,
): HourCycle {
  const me = useCalMe({ enabled: ask && !hourCycle });
  return hourCycle ?? calHourCycle(me.data?.timeFormat, locale);
}
