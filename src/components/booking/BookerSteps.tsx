'use client';

import type { ReactNode, RefObject } from 'react';
import type { CalBookerLayout } from '../../booking/slotPickerLayout.js';
import type { UseCalBookingFlowResult } from '../../react/useCalBookingFlow.js';
import { formatBookingTime, formatMinutes, formatTimeZoneName } from '../../time/format.js';
import type { HourCycle } from '../../time/locale.js';
import { BookingsErrorMessage } from '../BookingsErrorMessage.js';
import type { BookingsLabels, BookingsLabelsOverrides } from '../labels.js';
import { bookerDuration } from './BookerDuration.js';
import { bookerRecurrence } from './BookerRecurrence.js';
import { bookerTimeStep } from './BookerTimeStep.js';
import { CalBookingConfirmation } from './CalBookingConfirmation.js';
import { CalBookingForm } from './CalBookingForm.js';
import { CalEventTypeList } from './CalEventTypeList.js';
import { formerTime } from './FormerTime.js';

/** What `CalBooker` passes on to its flow steps' views. */
export interface BookerStepContext {
  headingId: string;
  /** The chosen slot, for the picker (kept in slotTaken while the times refetch). */
  selected: { start: string } | null;
  labels: BookingsLabels;
  labelsProp: BookingsLabelsOverrides | undefined;
  layout: CalBookerLayout | undefined;
  /** The layout the person switched to, and its setter (kept across the picker's remounts). */
  chosenLayout: [CalBookerLayout | undefined, (layout: CalBookerLayout) => void];
  hourCycle: HourCycle;
  showHiddenEventTypes: boolean;
  confirmation: RefObject<HTMLHeadingElement | null>;
}

/** The title and content of the flow's own steps, from choosing an event type to the confirmation. */
// A function, not a component: it holds no state, and the booker's heading is built from its title.
export function bookerFlowStep(
  flow: UseCalBookingFlowResult,
  summary: ReactNode,
  context: BookerStepContext,
): [title: string, content: ReactNode] {
  const { step, state } = flow;
  const { labels, labelsProp, hourCycle } = context;
  if (step === 'choosingEventType') {
    return [
      labels.bookerChooseEventType,
      <CalEventTypeList
        key="types"
        query={flow.eventTypes}
        onSelect={flow.selectEventType}
        showHidden={context.showHiddenEventTypes}
        labels={labelsProp}
      />,
    ];
  }
  if (step === 'choosingDay' || step === 'choosingSlot' || step === 'slotTaken') {
    return [
      labels.bookerChooseTime,
      <>
        {summary}
        {bookerDuration(flow, `${context.headingId}-duration`, labels)}
        {bookerTimeStep(
          flow,
          context.selected,
          labels,
          labelsProp,
          context.layout,
          context.chosenLayout,
        )}
      </>,
    ];
  }
  if (step === 'details' || step === 'submitting') {
    return [
      labels.bookerDetails,
      <>
        {summary}
        <CalBookingForm
          eventType={flow.eventType}
          mode={flow.isRescheduling ? 'reschedule' : 'book'}
          defaultValues={('values' in state ? state.values : undefined) ?? flow.formDefaults}
          onSubmit={flow.submit}
          submitting={step === 'submitting'}
          labels={labelsProp}
        />
      </>,
    ];
  }
  if (state.step === 'error') {
    return [
      labels.bookerFailed,
      <>
        {summary}
        <BookingsErrorMessage
          error={state.error}
          onRetry={() => flow.submit(state.values)}
          showDetail
          labels={labelsProp}
        />
      </>,
    ];
  }
  if (state.step === 'confirmed') {
    return [
      flow.isRescheduling ? labels.confirmationRescheduledTitle : labels.confirmationTitle,
      <CalBookingConfirmation
        key="confirmed"
        ref={context.confirmation}
        booking={state.booking}
        timeZone={flow.timeZone}
        hour12={hourCycle === 'h12'}
        title={flow.eventType?.title}
        occurrences={flow.occurrences}
        hideOrganizerEmail={flow.eventType?.hideOrganizerEmail === true}
        onBookAnother={flow.isRescheduling ? undefined : flow.reset}
        labels={labelsProp}
      />,
    ];
  }
  return [labels.bookerTitle, null];
}

/** The chosen event type and, once chosen, the time in the attendee's zone with its name. */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
export function eventSummary(
  flow: UseCalBookingFlowResult,
  labels: BookingsLabels,
  hourCycle: HourCycle,
  showFormerTime: boolean,
): ReactNode {
  const { eventType, selectedSlot, timeZone, step } = flow;
  const showTime = !!selectedSlot && step !== 'slotTaken' && step !== 'choosingSlot';
  // Cal.com's EventMeta: the former start alone, struck through, in the attendee's zone.
  const former = showFormerTime ? flow.bookingToReschedule?.data?.start : undefined;
  if (!eventType && !showTime) return null;
  return (
    <div className="aisq-booker__summary">
      {eventType ? (
        <p className="aisq-booker__event">
          <span className="aisq-booker__event-title">{eventType.title}</span>{' '}
          <span className="aisq-booker__event-length">
            {formatMinutes(flow.duration ?? eventType.lengthInMinutes, labels.locale)}
          </span>
        </p>
      ) : null}
      {former
        ? formerTime(
            former,
            formatBookingTime(former, undefined, timeZone, labels.locale, hourCycle),
            labels,
          )
        : null}
      {step === 'details' || step === 'submitting' || step === 'error'
        ? bookerRecurrence(flow, labels, hourCycle)
        : null}
      {showTime && selectedSlot ? (
        <p className="aisq-booker__when" data-zone={timeZone}>
          <span className="aisq-booker__time">
            {formatBookingTime(selectedSlot, undefined, timeZone, labels.locale, hourCycle)}
          </span>{' '}
          <span className="aisq-booker__zone">
            {formatTimeZoneName(timeZone, labels.locale, selectedSlot)}
          </span>
        </p>
      ) : null}
    </div>
  );
}
