'use client';

import { memo, type ReactNode } from 'react';
import type { CalSlotSeats } from '../../booking/seats.js';
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
  /** A seated time reads "N seats left" rather than how full it is. */
  showSeatsCount: boolean;
  labels: BookingsLabels;
}

/** A seated time's seats in words: Cal.com's Booker's count, or its fullness, or "Booking full". */
const seatsText = (seats: CalSlotSeats, showCount: boolean, labels: BookingsLabels) =>
  seats.fullness === 'full'
    ? labels.slotPickerBookingFull
    : showCount
      ? labels.slotPickerSeatsLeft(seats.remaining)
      : labels[
          seats.fullness === 'nearlyFull'
            ? 'slotPickerSeatsNearlyFull'
            : seats.fullness === 'halfFull'
              ? 'slotPickerSeatsHalfFull'
              : 'slotPickerSeatsAvailable'
        ];

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
  showSeatsCount,
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
        {times.map(({ slot, label, selected, seats }) => {
          // A full seated time stays in the list, focusable and read as "Booking full", but cannot
          // be chosen (Cal.com's Booker disables it; `aria-disabled` keeps it announced).
          const full = seats?.fullness === 'full';
          return (
            <li key={slot.start}>
              <button
                type="button"
                className="aisq-slot-picker__time"
                aria-pressed={selected}
                aria-disabled={full || undefined}
                data-selected={selected || undefined}
                data-seats={seats?.fullness}
                onClick={() => {
                  if (!full) onSelect(slot);
                }}
              >
                <time dateTime={slot.start}>{label}</time>
                {seats ? (
                  <span className="aisq-slot-picker__seats">
                    {seatsText(seats, showSeatsCount, labels)}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
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
