'use client';

import { memo, type ReactNode } from 'react';
import type { CalSlotPickerSlot, CalSlotPickerTime } from '../../react/calSlotPickerTypes.js';
import type { BookingsLabels } from '../labels.js';

export interface SlotPickerTimesProps {
  /** Ids for the day's title and the zone line, which name the list together. */
  idPrefix: string;
  /** The chosen day in full, or undefined before one is chosen. */
  dayLabel: string | undefined;
  /** "Europe/Berlin (GMT+1)". */
  timeZoneLabel: string;
  times: CalSlotPickerTime[];
  loading: boolean;
  onSelect: (slot: CalSlotPickerSlot) => void;
  labels: BookingsLabels;
}

/**
 * The chosen day's times as toggle buttons (`aria-pressed`), named by the day and the zone they are
 * shown in. Memoised: the only part that renders when a day is chosen.
 */
export const SlotPickerTimes = /* @__PURE__ */ memo(function SlotPickerTimes({
  idPrefix,
  dayLabel,
  timeZoneLabel,
  times,
  loading,
  onSelect,
  labels,
}: SlotPickerTimesProps): ReactNode {
  const titleId = `${idPrefix}-day`;
  const zoneId = `${idPrefix}-zone`;
  let body: ReactNode;
  if (!dayLabel) {
    body = <p className="aisq-slot-picker__hint">{labels.slotPickerChooseDay}</p>;
  } else if (times.length === 0) {
    body = (
      <p className="aisq-slot-picker__hint">
        {loading ? labels.slotPickerLoading : labels.slotPickerNoTimesOnDay}
      </p>
    );
  } else {
    body = (
      <ul className="aisq-slot-picker__time-list" aria-labelledby={`${titleId} ${zoneId}`}>
        {times.map((time) => (
          <li key={time.slot.start}>
            <button
              type="button"
              className="aisq-slot-picker__time"
              aria-pressed={time.selected}
              data-selected={time.selected || undefined}
              onClick={() => onSelect(time.slot)}
            >
              <time dateTime={time.slot.start}>{time.label}</time>
            </button>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="aisq-slot-picker__times">
      {dayLabel ? (
        <p id={titleId} className="aisq-slot-picker__day-title">
          {dayLabel}
        </p>
      ) : null}
      <p id={zoneId} className="aisq-slot-picker__zone-note">
        {labels.slotPickerTimesIn(timeZoneLabel)}
      </p>
      {body}
    </div>
  );
});
