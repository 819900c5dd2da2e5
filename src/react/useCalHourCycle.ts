'use client';

import { calHourCycle, type HourCycle } from '../time/locale.js';
import { useCalMe } from './useCalQueries.js';

/**
 * 12 or 24 h, by `CalSlotPicker`'s rule: `hourCycle` when given, else the user's Cal.com `timeFormat`
 * (`useCalMe`, asked only when `hourCycle` is not given), else the locale's.
 */
export function useCalHourCycle(hourCycle: HourCycle | undefined, locale: string): HourCycle {
  const me = useCalMe({ enabled: !hourCycle });
  return hourCycle ?? calHourCycle(me.data?.timeFormat, locale);
}
