'use client';

import type { ReactNode } from 'react';
import type { UseCalBookingFormResult } from '../../react/useCalBookingForm.js';
import { classNames } from '../classNames.js';
import type { BookingsLabels } from '../labels.js';

type FormField = UseCalBookingFormResult['fields'][number];
type FieldValue = Parameters<UseCalBookingFormResult['setValue']>[1];

const INPUT_TYPES: Partial<Record<FormField['type'], string>> = {
  email: 'email',
  phone: 'tel',
  url: 'url',
};

const AUTOCOMPLETE: Partial<Record<FormField['target'], string>> = {
  name: 'name',
  email: 'email',
};

/**
 * One field of `CalBookingForm`: its label (with "(optional)" when it may be left empty), its control
 * (a group of radios or checkboxes, a checkbox, or a text control), its hint and its error, each tied
 * to the control (`aria-invalid`, `aria-describedby`).
 */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
// Called once per field, so its root carries the field's name as its key.
export function bookingFormField(
  id: string,
  field: FormField,
  form: UseCalBookingFormResult,
  labels: BookingsLabels,
): ReactNode {
  const value = form.values[field.name] ?? '';
  const error = form.errors[field.name];
  const hint = field.type === 'multiemail' ? labels.bookingFormGuestsHint : undefined;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  const set = (next: FieldValue) => form.setValue(field.name, next);
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

  // The event type's one location: shown, as there is nothing to choose.
  if (field.locations && field.options.length === 1) {
    return (
      <div key={field.name} className={className} data-field={field.name}>
        <p className="aisq-booking-form__label">{field.label}</p>
        <p className="aisq-booking-form__location">{field.options[0]?.label}</p>
      </div>
    );
  }

  if (field.type === 'radio' || field.type === 'checkbox') {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return (
      <fieldset
        key={field.name}
        className={className}
        data-field={field.name}
        aria-describedby={describedBy}
      >
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
      <div key={field.name} className={className} data-field={field.name}>
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

  return (
    <div key={field.name} className={className} data-field={field.name}>
      <label className="aisq-booking-form__label" htmlFor={id}>
        {field.label}
        {optional}
      </label>
      {textControl(id, field, typeof value === 'string' ? value : '', ref, common, set, labels)}
      {messages}
    </div>
  );
}

/** The control of a text-like field: a select with a first empty choice, a textarea or an input. */
// A function, not a component: it holds no state, and positional inputs minify to less than props.
function textControl(
  id: string,
  field: FormField,
  text: string,
  inputRef: (element: HTMLElement | null) => void,
  aria: { 'aria-invalid': true | undefined; 'aria-describedby': string | undefined },
  onChange: (value: string) => void,
  labels: BookingsLabels,
): ReactNode {
  // What the three controls share; the select has no placeholder, the input also says its type.
  const shared = {
    ref: inputRef,
    id,
    className: 'aisq-booking-form__input',
    value: text,
    required: field.required,
    ...aria,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  if (field.type === 'select') {
    return (
      <select {...shared}>
        <option value="">{labels.bookingFormChoose}</option>
        {field.options.map((option, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: Cal.com may repeat an option value; the items hold no state.
          <option key={`${index}-${option.value}`} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  if (field.type === 'textarea') {
    return <textarea {...shared} placeholder={field.placeholder} rows={3} />;
  }
  return (
    <input
      {...shared}
      type={INPUT_TYPES[field.type] ?? 'text'}
      inputMode={field.type === 'number' ? 'decimal' : undefined}
      autoComplete={AUTOCOMPLETE[field.target]}
      placeholder={field.placeholder}
    />
  );
}
