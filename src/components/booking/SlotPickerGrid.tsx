'use client';

import { type KeyboardEvent, memo, type ReactNode } from 'react';
import type { CalSlotPickerDay, CalSlotPickerDayStore } from '../../react/calSlotPickerTypes.js';
import type { BookingsLabels } from '../labels.js';
import { SlotPickerDay } from './SlotPickerDay.js';

export interface SlotPickerGridProps {
  /** Id of the element naming the grid (the month). */
  labelledBy: string;
  weekdays: { short: string; long: string }[];
  weeks: (CalSlotPickerDay | null)[][];
  busy: boolean;
  store: CalSlotPickerDayStore;
  fallback: string;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onChoose: (date: string) => void;
  labels: BookingsLabels;
}

/**
 * The month grid of the WAI-ARIA APG date picker: `role="grid"` named by the month, a table with weekday
 * column headers (named by the full weekday) and one cell per day. Memoised: choosing a day does not render it.
 */
export const SlotPickerGrid = /* @__PURE__ */ memo(function SlotPickerGrid({
  labelledBy,
  weekdays,
  weeks,
  busy,
  store,
  fallback,
  onKeyDown,
  onChoose,
  labels,
}: SlotPickerGridProps): ReactNode {
  return (
    // The APG date picker's own markup: a table with the grid role (keys on the table, per cell focus).
    <table
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a grid is a table the keys move in.
      role="grid"
      className="aisq-slot-picker__grid"
      aria-labelledby={labelledBy}
      aria-busy={busy || undefined}
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr>
          {weekdays.map((weekday) => (
            // The APG date picker's header: the short name shown, the full one as `abbr` for
            // screen readers (an aria-label over a hidden span reads as an empty header to axe).
            <th key={weekday.long} scope="col" abbr={weekday.long}>
              {weekday.short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => {
          const key = week.find((day) => day)?.date ?? '';
          return (
            <tr key={key}>
              {week.map((day, column) =>
                day ? (
                  <SlotPickerDay
                    key={day.date}
                    day={day}
                    name={
                      day.available
                        ? labels.slotPickerDayAvailable(day.label)
                        : day.disabled
                          ? labels.slotPickerDayUnavailable(day.label)
                          : day.label
                    }
                    store={store}
                    fallback={fallback}
                    onChoose={onChoose}
                  />
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the blank cells of a row are positional.
                  <td key={column} className="aisq-slot-picker__blank" />
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
