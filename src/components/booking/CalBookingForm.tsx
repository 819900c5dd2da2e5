'use client';

import { type ReactNode, useId } from 'react';
import type { CalBookingFormField, CalBookingFormFieldValue } from '../../booking/fields.js';
import type { CalBookingFormValues } from '../../booking/flowMachine.js';
import type { CalBookingField, CalEventType } from '../../calapi/types.js';
import { useBookingsLabels } from '../BookingsLabelsContext.js';
import { classNames } from '../classNames.js';
import type { BookingsLabels, BookingsLabelsOverrides } from '../labels.js';
import { type UseCalBookingFormResult, useCalBookingForm } from './useCalBookingForm.js';

/** `data-state` of `CalBookingForm`'s root. */
export type CalBookingFormState = 'editing' | 'invalid' | 'submitting';

export interface CalBookingFormProps {
  /** The event type whose `bookingFields` the form asks. @default undefined (name, e-mail, notes, guests) */
  eventType?: Pick<CalEventType, 'bookingFields'> | undefined;
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
 * The attendee's details: name, e-mail, notes, guests and the event type's own questions, validated
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
  const form = useCalBookingForm({
    eventType,
    bookingFields,
    mode,
    defaultValues,
    labels: labelsProp,
    onSubmit: (values) => {
      if (!submitting) onSubmit(values);
    },
  });
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
      {form.fields.map((field) => (
        <Field
          key={field.name}
          id={`${id}-${field.name}`}
          field={field}
          form={form}
          labels={labels}
        />
      ))}
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

const INPUT_TYPES: Partial<Record<CalBookingFormField['type'], string>> = {
  email: 'email',
  phone: 'tel',
  url: 'url',
};

const AUTOCOMPLETE: Partial<Record<CalBookingFormField['target'], string>> = {
  name: 'name',
  email: 'email',
};

function Field({
  id,
  field,
  form,
  labels,
}: {
  id: string;
  field: CalBookingFormField;
  form: UseCalBookingFormResult;
  labels: BookingsLabels;
}): ReactNode {
  const value = form.values[field.name] ?? '';
  const error = form.errors[field.name];
  const hint = field.type === 'multiemail' ? labels.bookingFormGuestsHint : undefined;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  const set = (next: CalBookingFormFieldValue) => form.setValue(field.name, next);
  const ref = form.fieldRef(field.name);
  const common = {
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': describedBy,
  };
  const optional = field.required ? null : (
    <>
      {' '}
      <span className="aisq-booking-form__optional">{labels.bookingFormOptional}</span>
    </>
  );
  const messages = (
    <>
      {hint ? (
        <p id={hintId} className="aisq-booking-form__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="aisq-booking-form__error">
          {error}
        </p>
      ) : null}
    </>
  );
  const className = classNames(
    'aisq-booking-form__field',
    error && 'aisq-booking-form__field--invalid',
  );

  if (field.type === 'radio' || field.type === 'checkbox') {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return (
      <fieldset className={className} data-field={field.name} aria-describedby={describedBy}>
        <legend className="aisq-booking-form__label">
          {field.label}
          {optional}
        </legend>
        {field.options.map((option, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: Cal.com may repeat an option value; the items hold no state.
          <label key={`${index}-${option.value}`} className="aisq-booking-form__option">
            <input
              ref={index === 0 ? ref : undefined}
              type={field.type}
              name={id}
              value={option.value}
              checked={chosen.includes(option.value)}
              required={field.type === 'radio' && field.required}
              {...common}
              onChange={(event) => {
                if (field.type === 'radio') set(option.value);
                else
                  set(
                    event.target.checked
                      ? [...chosen, option.value]
                      : chosen.filter((v) => v !== option.value),
                  );
              }}
            />
            {option.label}
          </label>
        ))}
        {messages}
      </fieldset>
    );
  }

  if (field.type === 'boolean') {
    return (
      <div className={className} data-field={field.name}>
        <label className="aisq-booking-form__option">
          <input
            ref={ref}
            id={id}
            type="checkbox"
            checked={value === true}
            required={field.required}
            {...common}
            onChange={(event) => set(event.target.checked)}
          />
          {field.label}
          {optional}
        </label>
        {messages}
      </div>
    );
  }

  const text = typeof value === 'string' ? value : '';
  let control: ReactNode;
  if (field.type === 'select') {
    control = (
      <select
        ref={ref}
        id={id}
        className="aisq-booking-form__input"
        value={text}
        required={field.required}
        {...common}
        onChange={(event) => set(event.target.value)}
      >
        <option value="">{labels.bookingFormChoose}</option>
        {field.options.map((option, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: Cal.com may repeat an option value; the items hold no state.
          <option key={`${index}-${option.value}`} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'textarea') {
    control = (
      <textarea
        ref={ref}
        id={id}
        className="aisq-booking-form__input"
        value={text}
        placeholder={field.placeholder}
        required={field.required}
        rows={3}
        {...common}
        onChange={(event) => set(event.target.value)}
      />
    );
  } else {
    control = (
      <input
        ref={ref}
        id={id}
        className="aisq-booking-form__input"
        type={INPUT_TYPES[field.type] ?? 'text'}
        inputMode={field.type === 'number' ? 'decimal' : undefined}
        autoComplete={AUTOCOMPLETE[field.target]}
        value={text}
        placeholder={field.placeholder}
        required={field.required}
        {...common}
        onChange={(event) => set(event.target.value)}
      />
    );
  }
  return (
    <div className={className} data-field={field.name}>
      <label className="aisq-booking-form__label" htmlFor={id}>
        {field.label}
        {optional}
      </label>
      {control}
      {messages}
    </div>
  );
}
