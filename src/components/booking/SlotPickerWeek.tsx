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
 * The week and column layouts: the days shown, previous/next buttons, and the days' times as a
 * WAI-ARIA grid (a column per day headed by its full date, named by the days and the zone): one tab
 * stop, ↑/↓ a time, ←/→ a day (in reading order), Home/End, Ctrl+Home/End, PageUp/PageDown the
 * days before or after. The times are toggle buttons (`aria-pressed`).
 */
// A function, not a component: its state lives in `SlotPickerTimeGrid`; positional inputs minify.
export function slotPickerWeek(
  picker: UseCalSlotPickerResult,
  idPrefix: string,
  busy: boolean,
  labels: BookingsLabels,
): ReactNode {
  const rangeId = `${idPrefix}-range`;
  return (
    <>
      <div className="aisq-slot-picker__header">
        <button
          type="button"
          className="aisq-slot-picker__nav"
          data-direction="previous"
          aria-label={labels.slotPickerPreviousDays}
          disabled={!picker.canGoToPreviousDays}
          onClick={picker.previousDays}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <p id={rangeId} className="aisq-slot-picker__month" aria-live="polite">
          {picker.rangeLabel}
        </p>
        <button
          type="button"
          className="aisq-slot-picker__nav"
          data-direction="next"
          aria-label={labels.slotPickerNextDays}
          onClick={picker.nextDays}
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <p id={`${idPrefix}-zone`} className="aisq-slot-picker__zone-note">
        {labels.slotPickerTimesIn(picker.timeZoneLabel)}
      </p>
      <SlotPickerTimeGrid
        picker={picker}
        labelledBy={`${rangeId} ${idPrefix}-zone`}
        busy={busy}
        labels={labels}
      />
    </>
  );
}

function SlotPickerTimeGrid({
  picker,
  labelledBy,
  busy,
  labels,
}: {
  picker: UseCalSlotPickerResult;
  labelledBy: string;
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
  const focusTab = () => grid.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the days' times change.
  useEffect(() => {
    if (paging && counts.some(Boolean)) {
      setPaging(false);
      focusTab();
    }
  }, [paging, days]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = timeGridMove(
      event.key,
      tab,
      counts,
      textDirection(event.currentTarget),
      event.ctrlKey,
    );
    if (target === undefined) return;
    event.preventDefault();
    if (Array.isArray(target)) {
      setMoved(target);
      grid.current?.querySelector<HTMLElement>(`[data-cell="${target}"]`)?.focus();
    } else {
      setMoved(undefined);
      setPaging(true);
      if (target < 0) picker.previousDays();
      else picker.nextDays();
    }
  };

  return (
    <table
      ref={grid}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a grid is a table the keys move in.
      role="grid"
      className="aisq-slot-picker__week"
      data-layout={picker.layout}
      aria-labelledby={labelledBy}
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
                      data-cell={`${column},${row}`}
                      tabIndex={tab[0] === column && tab[1] === row ? 0 : -1}
                      aria-pressed={time.selected}
                      data-selected={time.selected || undefined}
                      onClick={() => {
                        setMoved([column, row]);
                        picker.select(time.slot);
                      }}
                    >
                      <time dateTime={time.slot.start}>{time.label}</time>
                    </button>
                  ) : row === 0 && day.known ? (
                    <span className="aisq-slot-picker__hint">{labels.slotPickerNoTimesOnDay}</span>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
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
