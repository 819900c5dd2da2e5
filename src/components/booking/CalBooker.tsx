'use client';

import { type ReactNode, type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CalBookingFlowStep } from '../../booking/flowMachine.js';
import type { CalBookerLayout } from '../../booking/slotPickerLayout.js';
import { useBookingsIdentity } from '../../react/useBookingsIdentity.js';
import {
  type UseCalBookingFlowOptions,
  type UseCalBookingFlowResult,
  useCalBookingFlow,
} from '../../react/useCalBookingFlow.js';
import { useCalHourCycle } from '../../react/useCalHourCycle.js';
import { BookingsErrorMessage } from '../BookingsErrorMessage.js';
import { useBookingsLabels } from '../BookingsLabelsContext.js';
import { classNames } from '../classNames.js';
import type { BookingsLabelsOverrides } from '../labels.js';
import { bookerSettingsStep } from './BookerSettingsSteps.js';
import { bookerFlowStep, eventSummary } from './BookerSteps.js';
import { withBookerSettingsLabels } from './bookerSettingsLabels.js';

/**
 * `data-state` of `CalBooker`'s root: the flow's step, `loading` while a rescheduled booking loads,
 * `cannotReschedule` when its event type was deleted, `notFound` when `username` and
 * `eventTypeSlug` name no event type the viewer may see, or `signInRequired` when the event type
 * takes signed-in people only and nobody is signed in.
 */
export type CalBookerState =
  | CalBookingFlowStep
  | 'loading'
  | 'cannotReschedule'
  | 'notFound'
  | 'signInRequired';

export type CalBookerProps = UseCalBookingFlowOptions & {
  /** Also offer hidden event types in the first step. @default false */
  showHiddenEventTypes?: boolean;
  /**
   * Reschedule mode: show the booking's former time, struck through, above the new one (as Cal.com's
   * booker does). `CalBookingsList`'s dialog shows it in its own header instead. @default true
   */
  showFormerTime?: boolean;
  /**
   * The day and time step's layout, as Cal.com atoms' `view`: `'month'`, `'week'` or `'column'`;
   * given, no layout switch shows. @default the event type's `bookerLayouts.defaultLayout`, else
   * `'month'`, with a switch among its enabled layouts
   */
  layout?: CalBookerLayout;
  /** Extra class names for the root, which always has `aisq-booker`. @default undefined */
  className?: string;
  /** Labels for the booker and everything in it. @default undefined */
  labels?: BookingsLabelsOverrides;
  /**
   * For an event type with `bookingRequiresAuthentication` and nobody signed in, the booker says so
   * instead of offering times; with this, it adds a "Sign in" button calling it. @default undefined
   */
  onSignInRequired?: () => void;
};

/** The steps with a Back button; choosingDay has one too unless the event type is pinned. */
const BACK_STEPS: readonly CalBookingFlowStep[] = [
  'choosingSlot',
  'slotTaken',
  'details',
  'error',
  'verifyingEmail',
];

/**
 * The whole booking flow in one component, with props like Cal.com atoms' Booker: choose an event type
 * (unless `eventTypeId` or `eventTypeSlug` + `username` pins one), a day and a time (`CalSlotPicker`),
 * enter the details (`CalBookingForm`), and see the confirmation (`CalBookingConfirmation`). A time
 * taken meanwhile leads back to the times with a message; with `rescheduleUid` it moves that booking.
 * Focus moves to each step's heading, except on Confirm: it stays on the button and a polite status
 * says "Booking…". A view over `useCalBookingFlow`.
 *
 * Root: `section.aisq-booker[data-state="choosingEventType" | "choosingDay" | "choosingSlot" | "details" |
 * "submitting" | "confirmed" | "slotTaken" | "error" | "verifyingEmail" | "loading" | "cannotReschedule" |
 * "notFound" | "signInRequired"]`. For a visitor (`jwt={null}`), pin the event type with `username`
 * and `eventTypeSlug`: the attendee's details come from the form.
 */
export function CalBooker({
  showHiddenEventTypes = false,
  showFormerTime = true,
  layout,
  className,
  labels: labelsProp,
  ...options
}: CalBookerProps): ReactNode {
  const labels = withBookerSettingsLabels(useBookingsLabels(labelsProp));
  const flow = useCalBookingFlow(options);
  const identity = useBookingsIdentity();
  const { step, state } = flow;
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmation = useRef<HTMLHeadingElement>(null);
  // The layout switched to survives Back from the details, which remounts the picker.
  const chosenLayout = useState<CalBookerLayout>();

  const rescheduled = flow.bookingToReschedule;
  const base = bookerState(flow);
  const loading = base === 'loading';
  // 12 or 24 h as the picker shows them: the user's Cal.com setting, else the locale's.
  const hourCycle = useCalHourCycle(undefined, labels.locale);
  const summary = eventSummary(flow, labels, hourCycle, showFormerTime);
  const settings = bookerSettingsStep(flow, labels, options.onSignInRequired, summary);
  const rootState = base === step ? (settings?.[0] ?? step) : base;

  useStepFocus(rootState, heading, confirmation);

  // In slotTaken the taken slot stays chosen, so that its day's times show while they refetch.
  const selected = useMemo(
    () => (flow.selectedSlot ? { start: flow.selectedSlot } : null),
    [flow.selectedSlot],
  );

  const canGoBack = BACK_STEPS.includes(step) || (step === 'choosingDay' && !state.fixed);

  let title: string;
  let content: ReactNode;
  if (loading) {
    title = labels.bookerRescheduleTitle;
    content = rescheduled?.error ? (
      <BookingsErrorMessage
        error={rescheduled.error}
        onRetry={() => void rescheduled.refetch()}
        labels={labelsProp}
      />
    ) : (
      <p className="aisq-booker__message">{labels.bookerLoading}</p>
    );
  } else if (rootState === 'cannotReschedule') {
    title = labels.bookerRescheduleTitle;
    content = <p className="aisq-booker__message">{labels.bookerCannotReschedule}</p>;
  } else if (rootState === 'notFound') {
    title = labels.bookerTitle;
    content = <p className="aisq-booker__message">{labels.bookerNotFound}</p>;
  } else if (settings) {
    [, title, content] = settings;
  } else {
    [title, content] = bookerFlowStep(flow, summary, {
      headingId,
      selected,
      labels,
      labelsProp,
      layout,
      chosenLayout,
      hourCycle,
      showHiddenEventTypes,
      confirmation,
    });
  }

  return (
    <section
      className={classNames('aisq-booker', className)}
      data-state={rootState}
      aria-label={flow.isRescheduling ? labels.bookerRescheduleTitle : labels.bookerTitle}
      aria-busy={loading || step === 'submitting' || undefined}
    >
      {step === 'confirmed' ? null : (
        <div className="aisq-booker__header">
          {canGoBack ? (
            <button type="button" className="aisq-booker__back" onClick={flow.back}>
              {labels.bookerBack}
            </button>
          ) : null}
          <h2 id={headingId} ref={heading} tabIndex={-1} className="aisq-booker__title">
            {title}
          </h2>
        </div>
      )}
      {/* Keyed by the user: what the steps hold (a chosen day, typed values) is the previous user's. */}
      <div className="aisq-booker__body" key={identity}>
        {content}
      </div>
      {/* Always in the DOM, so that "Booking…" is announced while focus stays on the button. */}
      <p className="aisq-booker__status" role="status">
        {step === 'submitting' ? labels.bookingFormSubmitting : null}
      </p>
    </section>
  );
}

/** The root's `data-state`: the step, unless a rescheduled booking loads or lost its event type, or the pinned type is not found. */
function bookerState(flow: UseCalBookingFlowResult): CalBookerState {
  const { step, bookingToReschedule: rescheduled } = flow;
  if (step === 'choosingEventType' && rescheduled) {
    if (!rescheduled.data) return 'loading';
    // Its event type was deleted: there are no times to move it to (and no other type will do).
    if (rescheduled.data.eventTypeId === null) return 'cannotReschedule';
  }
  return flow.eventTypeNotFound && step !== 'confirmed' ? 'notFound' : step;
}

/**
 * Each new step's heading takes focus (not on mount: the host decides where focus starts), but
 * Confirm keeps it on its button (details → submitting; submitting never goes back to details).
 */
function useStepFocus(
  rootState: CalBookerState,
  heading: RefObject<HTMLHeadingElement | null>,
  confirmation: RefObject<HTMLHeadingElement | null>,
): void {
  const shownStep = useRef(rootState);
  useEffect(() => {
    const from = shownStep.current;
    if (from === rootState) return;
    shownStep.current = rootState;
    if ((from === 'details' || from === 'verifyingEmail') && rootState === 'submitting') return;
    (rootState === 'confirmed' ? confirmation.current : heading.current)?.focus();
  }, [rootState, heading, confirmation]);
}
