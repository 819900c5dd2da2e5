'use client';

import { type FormEvent, useCallback, useMemo, useRef, useState } from 'react';
import {
  type CalBookingFieldLabels,
  type CalBookingFormField,
  type CalBookingFormFieldValue,
  calAskedFields,
  calBookingFormFields,
  dict,
  initialFieldValue,
  toCalBookingFormValues,
  validateCalBookingForm,
} from '../booking/fields.js';
import type { CalBookingFormValues } from '../booking/flowMachine.js';
import type { CalBookingField, CalEventType } from '../calapi/types.js';

/** `useCalBookingForm`'s options but its labels, which the components' labels binding resolves. */
export interface CalBookingFormStateOptions {
  /**
   * The event type whose `bookingFields` the form asks, and whose `locations` it offers: a choice
   * when there are several, the detail a location needs (the attendee's phone, address or place).
   */
  eventType?: Pick<CalEventType, 'bookingFields' | 'locations'> | undefined;
  /** Booking fields to ask instead of the event type's. @default eventType.bookingFields, else name, email, notes, guests */
  bookingFields?: readonly CalBookingField[] | null | undefined;
  /** `reschedule` asks only for the reason. @default 'book' */
  mode?: 'book' | 'reschedule';
  /** Values the fields start with. */
  defaultValues?: Partial<CalBookingFormValues> | undefined;
  /** Called with the values once every field is valid. */
  onSubmit?: ((values: CalBookingFormValues) => void) | undefined;
}

export interface UseCalBookingFormResult {
  /**
   * The fields asked now, in order: a location's detail field (name `location.<type>`) only while
   * that location is chosen in the `location` field.
   */
  fields: CalBookingFormField[];
  values: Record<string, CalBookingFormFieldValue>;
  /** Error message per field name (after a submit; then kept up to date as the person types). */
  errors: Record<string, string>;
  /** How many submits found problems (0 before any): a new summary announcement each time. */
  failedSubmits: number;
  setValue: (name: string, value: CalBookingFormFieldValue) => void;
  /** Validates; on success calls `onSubmit`, else moves focus to the first invalid field. */
  handleSubmit: (event?: FormEvent) => void;
  /** Validates without submitting: the values, or the errors. */
  validate: () =>
    | { ok: true; values: CalBookingFormValues }
    | { ok: false; errors: Record<string, string> };
  /** A ref for the element that takes focus for the field (the first of a group). */
  fieldRef: (name: string) => (element: HTMLElement | null) => void;
}

/**
 * The state behind `useCalBookingForm`, with its labels resolved: the event type's booking fields
 * normalized, values, per-field errors once a submit was tried, and focus on the first invalid field.
 */
export function useCalBookingFormState(
  { eventType, bookingFields, mode = 'book', defaultValues, onSubmit }: CalBookingFormStateOptions,
  labels: CalBookingFieldLabels,
): UseCalBookingFormResult {
  const source = bookingFields ?? eventType?.bookingFields;
  const locations = eventType?.locations;
  const all = useMemo(
    () => calBookingFormFields(source, mode, labels, locations),
    [source, mode, labels, locations],
  );
  const [edited, setEdited] = useState(dict<CalBookingFormFieldValue>);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const values = useMemo(() => {
    const held = dict<CalBookingFormFieldValue>();
    for (const field of all) {
      held[field.name] = edited[field.name] ?? initialFieldValue(field, defaultValues);
    }
    return held;
  }, [all, edited, defaultValues]);
  const fields = useMemo(() => calAskedFields(all, values), [all, values]);

  const errorsOf = useCallback(
    (current: Record<string, CalBookingFormFieldValue>) =>
      validateCalBookingForm(all, current, labels),
    [all, labels],
  );
  // Errors show only after a submit was tried; then they follow every keystroke.
  const errors = useMemo(
    () => (failedSubmits > 0 ? errorsOf(values) : dict<string>()),
    [failedSubmits, errorsOf, values],
  );

  const elements = useRef(new Map<string, HTMLElement>());
  const refs = useRef(new Map<string, (element: HTMLElement | null) => void>());
  const fieldRef = useCallback((name: string) => {
    let ref = refs.current.get(name);
    if (!ref) {
      ref = (element) => {
        if (element) elements.current.set(name, element);
        else elements.current.delete(name);
      };
      refs.current.set(name, ref);
    }
    return ref;
  }, []);

  const validate = useCallback(() => {
    const found = errorsOf(values);
    return Object.keys(found).length === 0
      ? { ok: true as const, values: toCalBookingFormValues(all, values) }
      : { ok: false as const, errors: found };
  }, [errorsOf, values, all]);

  const handleSubmit = useCallback(
    (event?: FormEvent) => {
      event?.preventDefault();
      const result = validate();
      if (result.ok) {
        onSubmit?.(result.values);
        return;
      }
      setFailedSubmits((count) => count + 1);
      const first = fields.find((field) => result.errors[field.name] !== undefined);
      if (first) elements.current.get(first.name)?.focus();
    },
    [validate, onSubmit, fields],
  );

  const setValue = useCallback((name: string, value: CalBookingFormFieldValue) => {
    setEdited((previous) => Object.assign(dict(), previous, { [name]: value }));
  }, []);

  return { fields, values, errors, failedSubmits, setValue, handleSubmit, validate, fieldRef };
}
