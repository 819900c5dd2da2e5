'use client';

import type { ReactNode } from 'react';
import type { CalBookerLayout } from '../../booking/slotPickerLayout.js';
import type { UseCalBookingFlowResult } from '../../react/useCalBookingFlow.js';
import type { BookingsLabels, BookingsLabelsOverrides } from '../labels.js';
import { CalSlotPicker, type CalSlotPickerProps } from './CalSlotPicker.js';

/**
 * `CalBooker`'s day and time step: the slot picker for the chosen event type, and above it, once
 * Cal.com refused the chosen time as taken (or refused to hold it), an alert saying so.
 */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
export function bookerTimeStep(
  flow: UseCalBookingFlowResult,
  /** The chosen slot, kept by `CalBooker` across its renders. */
  selected: CalSlotPickerProps['selected'],
  labels: BookingsLabels,
  labelsProp: BookingsLabelsOverrides | undefined,
  /** `CalBooker`'s `layout`; else the event type's `bookerLayouts` decide. */
  layout?: CalBookerLayout,
  /** The layout the person switched to, kept by `CalBooker` while the picker remounts (Back). */
  chosenLayout?: [CalBookerLayout | undefined, (layout: CalBookerLayout) => void],
): ReactNode {
  const { state, slotsParams: params } = flow;
  return (
    <>
      {flow.step === 'slotTaken' ? (
        <p className="aisq-booker__slot-taken" role="alert">
          {/* 422: the hold was refused (a refused booking is a 400). */}
          {flow.error?.status === 422 ? labels.bookerSlotHeld : labels.bookerSlotTaken}
        </p>
      ) : null}
      {params ? (
        <CalSlotPicker
          {...('eventTypeId' in params
            ? { eventTypeId: params.eventTypeId }
            : { eventTypeSlug: params.eventTypeSlug, username: params.username })}
          timeZone={flow.timeZone}
          onTimeZoneChange={flow.setTimeZone}
          timeZoneLocked={flow.timeZoneLocked}
          duration={params.duration}
          rescheduleUid={params.bookingUidToReschedule}
          defaultMonth={state.step !== 'choosingEventType' ? state.day?.slice(0, 7) : undefined}
          selected={selected}
          onSelect={flow.selectSlot}
          showSeatsCount={flow.eventType?.seats?.showAvailabilityCount !== false}
          labels={labelsProp}
          layout={layout}
          defaultLayout={chosenLayout?.[0]}
          onLayoutChange={layout ? undefined : chosenLayout?.[1]}
          bookerLayouts={flow.eventType?.bookerLayouts}
        />
      ) : null}
    </>
  );
}
