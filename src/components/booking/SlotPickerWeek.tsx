'use client';

import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import {
  type CalBookerLayout,
  type TimeCell,
  timeGridMove,
} from '../../booking/slotPickerLayout.js';
import type { UseCalSlotPickerResult } from '../../react/calSlotPickerTypes.js';
import { textDirection } from '../../react/textDirection.js';
import type { BookingsLabels } from '../labels.js';

/**
 * The week and column layouts' days and times, under the picker's header: a WAI-ARIA grid with a
 * column per day (headed by its full date) named by the days shown and the zone, one tab stop, ↑/↓ a
 * time, ←/→ a day (in reading order), Home/End the first/last day, PageUp/PageDown the days before
 * or after. The times are toggle buttons (`aria-pressed`).
 */
export function SlotPickerWeek({
  picker,
  idPrefix,
  busy,
  labels,
}: {
  picker: UseCalSlotPickerResult;
  /** The picker's ids: `-month` names the days shown, `-zone` is this zone line's. */
  idPrefix: string;
  busy: boolean;
  labels: BookingsLabels;
}): ReactNode {
  const { days } = picker;
  const counts = days.map((day) => day.times.length);
  const rows = Math.max(1, ...counts);
  const chosen = days.flatMap((day, column) =>
    day.times.flatMap((time, row): TimeCell[] => (time.selected ? [[column, row]] : [])),
  )[0];
  const [moved, setMoved] = useState<TimeCell>();
  // The tab stop: the cell moved to while it still holds a time, else the chosen time, else the first.
  const tab: TimeCell = (moved && (counts[moved[0]] ?? 0) > moved[1] ? moved : chosen) ?? [
    Math.max(0, counts.findIndex(Boolean)),
    0,
  ];
  const grid = useRef<HTMLTableElement>(null);
  // After PageUp/PageDown, focus goes to the new days' tab stop once they have times.
  const [paging, setPaging] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the days' times change.
  useEffect(() => {
    if (paging && counts.some(Boolean)) {
      setPaging(false);
      grid.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
    }
  }, [paging, days]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = timeGridMove(event.key, tab, counts, textDirection(event.currentTarget));
    if (target === undefined) return;
    event.preventDefault();
    if (Array.isArray(target)) {
      setMoved(target);
      // The header is row 0 of the table.
      (
        grid.current?.rows[target[1] + 1]?.cells[target[0]]?.firstChild as HTMLElement | null
      )?.focus();
    } else {
      setMoved(undefined);
      setPaging(true);
      if (target < 0) picker.previousDays();
      else picker.nextDays();
    }
  };

  return (
    <>
      <p id={`${idPrefix}-zone`} className="aisq-slot-picker__zone-note">
        {labels.slotPickerTimesIn(picker.timeZoneLabel)}
      </p>
      <table
        ref={grid}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a grid is a table the keys move in.
        role="grid"
        className="aisq-slot-picker__week"
        aria-labelledby={`${idPrefix}-month ${idPrefix}-zone`}
        aria-busy={busy || undefined}
        onKeyDown={onKeyDown}
      >
        <thead>
          <tr>
            {days.map((day, column) => (
              <th key={day.date} scope="col" abbr={day.label} style={{ '--c': column } as never}>
                {day.shortLabel}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are the days' n-th times.
            <tr key={row}>
              {days.map((day, column) => {
                const time = day.times[row];
                return (
                  // In a table with the grid role a cell is a gridcell (HTML-AAM).
                  <td key={day.date} style={{ '--c': column, '--r': row } as never}>
                    {time ? (
                      <button
                        type="button"
                        className="aisq-slot-picker__time"
                        tabIndex={tab[0] === column && tab[1] === row ? 0 : -1}
                        aria-pressed={time.selected}
                        // A full seated time stays, announced, but cannot be chosen (as in the month list).
                        aria-disabled={time.seats?.fullness === 'full' || undefined}
                        data-selected={time.selected || undefined}
                        data-seats={time.seats?.fullness}
                        onClick={() => {
                          setMoved([column, row]);
                          if (time.seats?.fullness !== 'full') picker.select(time.slot);
                        }}
                      >
                        <time dateTime={time.slot.start}>{time.label}</time>
                      </button>
                    ) : row === 0 && day.known ? (
                      <span className="aisq-slot-picker__hint">
                        {labels.slotPickerNoTimesOnDay}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The layout switch, as Cal.com's header toggle: a group of toggle buttons. */
export function slotPickerLayoutSwitch(
  layouts: CalBookerLayout[],
  layout: CalBookerLayout,
  setLayout: (layout: CalBookerLayout) => void,
  labels: BookingsLabels,
): ReactNode {
  return layouts.length ? (
    // biome-ignore lint/a11y/useSemanticElements: a toggle group of buttons, not form fields.
    <div className="aisq-slot-picker__layouts" role="group" aria-label={labels.slotPickerLayout}>
      {layouts.map((each) => (
        <button
          key={each}
          type="button"
          className="aisq-slot-picker__layout"
          aria-pressed={each === layout}
          onClick={() => setLayout(each)}
        >
          {
            {
              month: labels.slotPickerLayoutMonth,
              week: labels.slotPickerLayoutWeek,
              column: labels.slotPickerLayoutColumn,
            }[each]
          }
        </button>
      ))}
    </div>
  ) : null;
}
