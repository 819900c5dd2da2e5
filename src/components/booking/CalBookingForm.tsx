'use client';

import { type ReactNode, useId } from 'react';
import type { CalBookingFormValues } from '../../booking/flowMachine.js';
import type { CalBookingField, CalEventType } from '../../calapi/types.js';
import {
  type CalBookingFormStateOptions,
  type UseCalBookingFormResult,
  useCalBookingFormState,
} from '../../react/useCalBookingForm.js';
import { useBookingsLabels } from '../BookingsLabelsContext.js';
import { classNames } from '../classNames.js';
import type { BookingsLabelsOverrides } from '../labels.js';
import { bookingFormField } from './BookingFormField.js';

export interface UseCalBookingFormOptions extends CalBookingFormStateOptions {
  /** Labels to replace for this form (any subset). @default {} (the provider's, else the English defaults) */
  labels?: BookingsLabelsOverrides | undefined;
}

/**
 * The booking form's state and validation, for `CalBookingForm` or a host's own form: the event
 * type's booking fields normalized (name, e-mail, notes and guests always; text, textarea, e-mail,
 * phone, number, url, select, radio, checkbox/multiselect and boolean questions), values, per-field
 * errors validated with zod/mini once a submit was tried, and focus moved to the first invalid field.
 */
// The state is react/'s hook; this binds it to the components' labels, which it takes words from.
export function useCalBookingForm(options: UseCalBookingFormOptions = {}): UseCalBookingFormResult {
  return useCalBookingFormState(options, useBookingsLabels(options.labels));
}

/** `data-state` of `CalBookingForm`'s root. */
export type CalBookingFormState = 'editing' | 'invalid' | 'submitting';

export interface CalBookingFormProps {
  /**
   * The event type whose `bookingFields` the form asks and whose `locations` it offers.
   * @default undefined (name, e-mail, notes, guests)
   */
  eventType?: Pick<CalEventType, 'bookingFields' | 'locations'> | undefined;
  /** Booking fields to ask instead of the event type's. @default undefined */
  bookingFields?: readonly CalBookingField[] | null | undefined;
  /** `reschedule` asks only for the reason. @default 'book' */
  mode?: 'book' | 'reschedule';
  /** Values the fields start with. @default undefined */
  defaultValues?: Partial<CalBookingFormValues> | undefined;
  /** Called with valid values. */
  onSubmit: (values: CalBookingFormValues) => void;
  /** While the booking request runs: the button says so and further submits are ignored. @default false */
  submitting?: boolean;
  /** Shown above the fields, e.g. the chosen time. @default undefined */
  children?: ReactNode;
  /** Extra class names for the root `<form>`, which always has `aisq-booking-form`. @default undefined */
  className?: string;
  /** Labels for this form only. @default undefined */
  labels?: BookingsLabelsOverrides;
}

/**
 * The attendee's details: name, e-mail, the location (a choice among the event type's, with the
 * attendee's phone, address or place where it needs one), notes, guests and the event type's own questions, validated
 * with zod/mini on submit. Each error is tied to its field (`aria-invalid`, `aria-describedby`), a
 * summary is announced (`aria-live`), and focus moves to the first invalid field. A view over
 * `useCalBookingForm`.
 *
 * Root: `form.aisq-booking-form[data-state="editing" | "invalid" | "submitting"]`.
 */
export function CalBookingForm({
  eventType,
  bookingFields,
  mode = 'book',
  defaultValues,
  onSubmit,
  submitting = false,
  children,
  className,
  labels: labelsProp,
}: CalBookingFormProps): ReactNode {
  const labels = useBookingsLabels(labelsProp);
  const form = useCalBookingFormState(
    {
      eventType,
      bookingFields,
      mode,
      defaultValues,
      onSubmit: (values) => {
        if (!submitting) onSubmit(values);
      },
    },
    labels,
  );
  const id = useId();
  const errorCount = Object.keys(form.errors).length;
  const state: CalBookingFormState = submitting
    ? 'submitting'
    : errorCount > 0
      ? 'invalid'
      : 'editing';
  return (
    <form
      className={classNames('aisq-booking-form', className)}
      data-state={state}
      aria-label={labels.bookingFormTitle}
      aria-busy={submitting || undefined}
      noValidate
      onSubmit={form.handleSubmit}
    >
      {children}
      {form.fields.map((field) => bookingFormField(`${id}-${field.name}`, field, form, labels))}
      {/* Always in the DOM so that screen readers hear it change; a new key per failed submit. */}
      <p className="aisq-booking-form__summary" aria-live="assertive" aria-atomic="true">
        {errorCount > 0 ? (
          <span key={form.failedSubmits}>{labels.bookingFormErrorSummary(errorCount)}</span>
        ) : null}
      </p>
      <button
        type="submit"
        className="aisq-booking-form__submit"
        aria-disabled={submitting || undefined}
      >
        {submitting
          ? labels.bookingFormSubmitting
          : mode === 'reschedule'
            ? labels.bookingFormSubmitReschedule
            : labels.bookingFormSubmit}
      </button>
    </form>
  );
}
