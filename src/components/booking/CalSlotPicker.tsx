'use client';

import { type ReactNode, useCallback, useId } from 'react';
import type { UseCalSlotPickerOptions } from '../../react/calSlotPickerTypes.js';
import { useCalSlotPicker } from '../../react/useCalSlotPicker.js';
import { BookingsErrorMessage } from '../BookingsErrorMessage.js';
import { useBookingsLabels } from '../BookingsLabelsContext.js';
import { classNames } from '../classNames.js';
import type { BookingsLabelsOverrides } from '../labels.js';
import { lockedTimeZone } from './BookerSettingsSteps.js';
import { SlotPickerGrid } from './SlotPickerGrid.js';
import { SlotPickerTimes } from './SlotPickerTimes.js';
import { SlotPickerWeek, slotPickerLayoutSwitch } from './SlotPickerWeek.js';
import { TimeZoneCombobox } from './TimeZoneCombobox.js';

export type CalSlotPickerProps = UseCalSlotPickerOptions & {
  /**
   * Extra class names for the root element, which always has `aisq-slot-picker`.
   * @default undefined
   */
  className?: string;
  /**
   * How a seated event type's times tell their seats: "N seats left" (Cal.com's
   * `seats.showAvailabilityCount`), or with `false` how full each is ("Half full", "Nearly full").
   * A full time reads "Booking full" and cannot be chosen either way.
   * @default true
   */
  showSeatsCount?: boolean;
  /**
   * Labels for this picker only, merged over the `BookingsLabelsProvider`'s and the defaults
   * (`slotPicker…`, `retry`, `errorMessage`).
   * @default undefined
   */
  labels?: BookingsLabelsOverrides;
  /**
   * Locks the time zone (the event type's `lockTimeZoneToggleOnBookingPage`): instead of the selector,
   * the zone in a read-only field described by why; the times stay in `timeZone`. @default false
   */
  timeZoneLocked?: boolean;
};

/**
 * A day and time picker over `useCalSlotPicker`: a month grid with the days that have times marked
 * (the WAI-ARIA APG date picker grid: arrows, Home/End, PageUp/PageDown, Shift+PageUp/PageDown for a
 * year, Enter/Space), previous/next month buttons, the chosen day's times as toggle buttons in the
 * chosen zone (12/24 h), and a searchable time zone selector. One `GET /v2/slots` per month, the next
 * month prefetched when the browser is idle; a new zone asks again (Cal.com keys days by the zone).
 *
 * Root: `.aisq-slot-picker[data-state="idle" | "loading" | "ready" | "empty" | "error"]`; days are
 * `[role=gridcell][data-date][data-available][aria-disabled][aria-selected]`.
 */
export function CalSlotPicker({
  className,
  labels: labelsProp,
  showSeatsCount = true,
  timeZoneLocked,
  ...options
}: CalSlotPickerProps): ReactNode {
  const labels = useBookingsLabels(labelsProp);
  const picker = useCalSlotPicker({ locale: labels.locale, ...options });
  const id = useId();
  const monthId = `${id}-month`;
  const { focusDay, selectDay } = picker;
  const onChoose = useCallback(
    (date: string) => {
      focusDay(date);
      selectDay(date);
    },
    [focusDay, selectDay],
  );
  const { state } = picker;
  const loading = state === 'loading';
  const range = picker.layout !== 'month';

  return (
    <section
      className={classNames('aisq-slot-picker', className)}
      data-state={state}
      aria-label={labels.slotPickerTitle}
      aria-busy={loading || undefined}
      data-layout={picker.layout}
    >
      {slotPickerLayoutSwitch(picker.layouts, picker.layout, picker.setLayout, labels)}
      <div className="aisq-slot-picker__calendar">
        <div className="aisq-slot-picker__header">
          <button
            type="button"
            className="aisq-slot-picker__nav"
            data-direction="previous"
            aria-label={range ? labels.slotPickerPreviousDays : labels.slotPickerPreviousMonth}
            disabled={!(range ? picker.canGoToPreviousDays : picker.canGoToPreviousMonth)}
            onClick={range ? picker.previousDays : picker.previousMonth}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <p id={monthId} className="aisq-slot-picker__month" aria-live="polite">
            {range ? picker.rangeLabel : picker.monthLabel}
          </p>
          <button
            type="button"
            className="aisq-slot-picker__nav"
            data-direction="next"
            aria-label={range ? labels.slotPickerNextDays : labels.slotPickerNextMonth}
            onClick={range ? picker.nextDays : picker.nextMonth}
          >
            <span aria-hidden="true">›</span>
          </button>
        </div>
        {range ? (
          <SlotPickerWeek picker={picker} idPrefix={id} busy={loading} labels={labels} />
        ) : (
          <SlotPickerGrid
            labelledBy={monthId}
            weekdays={picker.weekdays}
            weeks={picker.weeks}
            busy={loading}
            store={picker.dayStore}
            fallback={picker.defaultFocusedDay}
            onKeyDown={picker.onGridKeyDown}
            onChoose={onChoose}
            labels={labels}
          />
        )}
        <div className="aisq-slot-picker__status" role="status">
          {loading ? <p className="aisq-slot-picker__loading">{labels.slotPickerLoading}</p> : null}
          {state === 'empty' && !range ? (
            <div className="aisq-slot-picker__empty">
              <p>{labels.slotPickerEmptyMonth}</p>
              <button
                type="button"
                className="aisq-button aisq-slot-picker__next-available"
                onClick={picker.showNextAvailable}
              >
                {picker.nextAvailableDay
                  ? labels.slotPickerNextAvailable(picker.labelOf(picker.nextAvailableDay))
                  : labels.slotPickerCheckNextMonth}
              </button>
            </div>
          ) : null}
        </div>
        {state === 'error' ? (
          <div className="aisq-slot-picker__error">
            <p>{labels.slotPickerError}</p>
            <BookingsErrorMessage
              error={picker.query.error}
              onRetry={() => void picker.query.refetch()}
              labels={labelsProp}
            />
          </div>
        ) : null}
      </div>
      <div className="aisq-slot-picker__side">
        {timeZoneLocked ? (
          lockedTimeZone(id, picker.timeZone, labels)
        ) : (
          <TimeZoneCombobox
            value={picker.timeZone}
            onChange={picker.setTimeZone}
            label={labels.slotPickerTimeZone}
            noMatch={labels.slotPickerTimeZoneNoMatch}
            optionLabel={labels.slotPickerTimeZoneOption}
          />
        )}
        {range ? null : (
          <SlotPickerTimes
            idPrefix={id}
            dayLabel={picker.selectedDayLabel}
            timeZoneLabel={picker.timeZoneLabel}
            times={picker.times}
            loading={loading}
            onSelect={picker.select}
            showSeatsCount={showSeatsCount}
            labels={labels}
          />
        )}
      </div>
    </section>
  );
}
