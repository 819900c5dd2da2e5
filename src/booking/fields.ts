/**
 * The event type's booking fields as form fields, and their validation: pure functions, so
 * `useCalBookingForm`, a server action or another framework ask the same questions and accept the same
 * answers. Messages come from the labels passed in; text from Cal.com or the person reaches them
 * isolated (see `isolate`).
 */
import * as z from 'zod/mini';
import type { CalBookingField, CalLocation } from '../calapi/types.js';
import {
  BODY_RESERVE_BYTES,
  jsonBytes,
  MAX_BODY_BYTES,
  MAX_EMAIL,
  MAX_GUESTS,
  MAX_NAME,
  MAX_TEXT,
} from './caps.js';
import type { CalBookingFormValues } from './flowMachine.js';
import { isolate } from './isolate.js';
import {
  type CalLocationDetail,
  type CalLocationLabels,
  calBookableLocations,
  calLocationDetail,
  calLocationName,
  E164_PHONE,
  toCalBookingLocationInput,
} from './locations.js';

/** The input a booking field renders as. */
export type CalBookingFormFieldType =
  | 'text'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'number'
  | 'url'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'boolean'
  | 'multiemail';

/** Where a field's answer goes in `CalBookingFormValues`. */
export type CalBookingFormFieldTarget =
  | 'name'
  | 'email'
  | 'notes'
  | 'guests'
  | 'rescheduleReason'
  | 'response'
  | 'location';

/** One field of the form, normalized from Cal.com's booking field. */
export interface CalBookingFormField {
  /** The booking field's slug: the key of its answer in `responses`. */
  name: string;
  /** The input it renders as. */
  type: CalBookingFormFieldType;
  /** Its label: Cal.com's, or the labels' for name, e-mail, notes, guests and the reason. */
  label: string;
  /** Cal.com's placeholder, if it has one. */
  placeholder: string | undefined;
  /** Whether it must be answered (always for the attendee's name and e-mail). */
  required: boolean;
  /** For select, radio and checkbox fields. */
  options: { value: string; label: string }[];
  /** Where its answer goes in `CalBookingFormValues`. */
  target: CalBookingFormFieldTarget;
  /**
   * The location choice (name `location`): the event type's bookable locations, in the order of
   * `options`, whose values are their indexes. A detail field (the attendee's phone, address or
   * place) has the one it details instead.
   */
  locations?: readonly CalLocation[];
  /** A detail field is asked only while the location choice's value is this. */
  when?: string;
}

/** A field's value while editing: text for inputs, a list for checkbox groups, a flag for booleans. */
export type CalBookingFormFieldValue = string | string[] | boolean;

/**
 * The labels the fields are named and validated with: these members of `BookingsLabels`, documented
 * there (the main entry's `defaultBookingsLabels` holds the English ones). A function receives the
 * text it is given isolated (`isolate`), as every label function does.
 */
export type CalBookingFieldLabels = Record<
  | 'bookingFormName'
  | 'bookingFormEmail'
  | 'bookingFormNotes'
  | 'bookingFormGuests'
  | 'bookingFormRescheduleReason'
  | 'bookingFormErrorEmail'
  | 'bookingFormErrorPhone'
  | 'bookingFormErrorNumber'
  | 'bookingFormErrorUrl'
  | 'bookingFormErrorOption'
  | 'bookingFormErrorTooLongTotal'
  | 'bookingFormLocation'
  | 'bookingFormLocationYourPhone'
  | 'bookingFormLocationYourAddress'
  | 'bookingFormLocationYourPlace',
  string
> &
  CalLocationLabels & {
    bookingFormErrorRequired: (label: string) => string;
    bookingFormErrorGuest: (address: string) => string;
    bookingFormErrorTooLong: (max: number) => string;
    bookingFormErrorTooManyGuests: (max: number) => string;
  };

/**
 * Cal.com's field types that render as themselves; `text` and any unknown type render as text. A
 * literal, not a `.split` call: a call at module level is kept in every bundle of the shared chunk.
 */
const TYPES = [
  'textarea',
  'email',
  'phone',
  'number',
  'url',
  'select',
  'radio',
  'checkbox',
  'boolean',
  'multiemail',
];
/** Cal.com's other field types that render as one of `TYPES` (`name` and `address` are text). */
const TYPE_ALIASES: Record<string, CalBookingFormFieldType> = {
  attendeePhoneNumber: 'phone',
  multiselect: 'checkbox',
};

/**
 * `record[key]` only when the record has it as its own: slugs such as `constructor`, `toString` or
 * `__proto__` never read `Object.prototype`.
 */
const own = <T>(record: Readonly<Record<string, T>> | null | undefined, key: string) =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** An object without a prototype, where `__proto__` is a key like any other. */
export const dict = <T>(): Record<string, T> => Object.create(null);

// Cal.com's location chooser and system fields are not questions for the attendee, nor is a field
// Cal.com could not map (`unknown`, its JSON in `bookingField`).
const SKIPPED_TYPES = new Set(['radioInput', 'system', 'hidden', 'unknown']);

/** Digits, spaces and the usual separators, an optional leading +, at least 6 digits. */
const PHONE = /^\+?(?:[\s().-]*\d){6,15}[\s().-]*$/;
const GUEST_SEPARATOR = /[\s,;]+/;

function optionsOf(field: CalBookingField): { value: string; label: string }[] {
  const options: unknown = field.options;
  return (Array.isArray(options) ? options : []).flatMap((option: unknown) => {
    if (typeof option === 'string') return [{ value: option, label: option }];
    if (option && typeof option === 'object') {
      const { value, label } = option as { value?: unknown; label?: unknown };
      const v = typeof value === 'string' ? value : typeof label === 'string' ? label : undefined;
      return v === undefined ? [] : [{ value: v, label: typeof label === 'string' ? label : v }];
    }
    return [];
  });
}

/** One field, with no placeholder nor options unless given. */
const formField = (
  name: string,
  type: CalBookingFormFieldType,
  label: string,
  required: boolean,
  target: CalBookingFormFieldTarget,
  placeholder?: string,
  options: CalBookingFormField['options'] = [],
): CalBookingFormField => ({ name, type, label, placeholder, required, options, target });

/**
 * The fields to ask, from Cal.com's booking fields (or, with none, name, e-mail, notes and guests), in
 * their order: `mode: 'reschedule'` asks only for the reason. The attendee's name and e-mail are
 * always asked; hidden, system and location fields never are.
 */
export function calBookingFormFields(
  bookingFields: readonly CalBookingField[] | null | undefined,
  mode: 'book' | 'reschedule',
  labels: CalBookingFieldLabels,
  /** The event type's `locations`: a choice after the e-mail, and what the choice needs. @default none */
  locations?: readonly CalLocation[] | null,
): CalBookingFormField[] {
  if (mode === 'reschedule') {
    return [
      formField(
        'rescheduleReason',
        'textarea',
        labels.bookingFormRescheduleReason,
        false,
        'rescheduleReason',
      ),
    ];
  }
  const source = bookingFields?.length
    ? bookingFields
    : [
        { type: 'name', slug: 'name', required: true },
        { type: 'email', slug: 'email', required: true },
        { type: 'textarea', slug: 'notes', required: false },
        { type: 'multiemail', slug: 'guests', required: false },
      ];
  const ownLabel: Partial<Record<CalBookingFormFieldTarget, string>> = {
    name: labels.bookingFormName,
    email: labels.bookingFormEmail,
    notes: labels.bookingFormNotes,
    guests: labels.bookingFormGuests,
  };
  const fields: CalBookingFormField[] = [];
  const has = (target: CalBookingFormFieldTarget) => fields.some((f) => f.target === target);
  for (const field of source) {
    const name = field.slug ?? field.name ?? '';
    // A repeated slug would share its answer: asked once.
    if (!name || field.hidden === true || name === 'rescheduleReason') continue;
    if (fields.some((f) => f.name === name)) continue;
    if (SKIPPED_TYPES.has(field.type) || name === 'location') continue;
    const target: CalBookingFormFieldTarget =
      // Cal.com takes the attendee's name as one string, also where the form splits it.
      name === 'name' || field.type === 'name' || field.type === 'splitName'
        ? 'name'
        : name === 'email' || name === 'notes' || name === 'guests'
          ? name
          : 'response';
    if (target !== 'response' && has(target)) continue;
    fields.push(
      formField(
        name,
        target === 'email'
          ? 'email'
          : target === 'guests'
            ? 'multiemail'
            : TYPES.includes(field.type)
              ? (field.type as CalBookingFormFieldType)
              : (own(TYPE_ALIASES, field.type) ?? 'text'),
        ownLabel[target] ?? (field.label || name),
        // Cal.com always needs the attendee's name and e-mail.
        target === 'name' || target === 'email' || field.required === true,
        target,
        (typeof field.placeholder === 'string' && field.placeholder) || undefined,
        optionsOf(field),
      ),
    );
  }
  // The attendee's name and e-mail are asked even when the event type does not list them.
  for (const target of ['email', 'name'] as const) {
    if (!has(target)) {
      fields.unshift(
        formField(
          target,
          target === 'email' ? 'email' : 'text',
          ownLabel[target] as string,
          true,
          target,
        ),
      );
    }
  }
  // Where Cal.com's form asks it: after the e-mail.
  fields.splice(
    fields.findIndex((field) => field.target === 'email') + 1,
    0,
    ...locationFields(locations, labels),
  );
  return fields;
}

/**
 * The location choice (a radio group; one location alone is shown, not chosen) and, for each
 * location the attendee completes, its detail field, asked while that location is chosen. None when
 * the only location needs nothing from the attendee: Cal.com then books it without being told.
 */
function locationFields(
  source: readonly CalLocation[] | null | undefined,
  labels: CalBookingFieldLabels,
): CalBookingFormField[] {
  const locations = calBookableLocations(source);
  const details = locations.flatMap((location, index) => {
    const detail = calLocationDetail(location);
    if (!detail) return [];
    const [type, label] = DETAIL_FIELDS[detail];
    const field = formField(`location.${location.type}`, type, labels[label], true, 'location');
    return [{ ...field, locations: [location], when: String(index) }];
  });
  if (!locations[1] && !details[0]) return [];
  const choice = formField(
    'location',
    'radio',
    labels.bookingFormLocation,
    true,
    'location',
    undefined,
    locations.map((location, index) => ({
      value: String(index),
      label: calLocationName(location, labels),
    })),
  );
  return [{ ...choice, locations }, ...details];
}

/** How each kind of detail is asked: its input and its label. */
const DETAIL_FIELDS: Record<
  CalLocationDetail,
  [CalBookingFormFieldType, keyof CalBookingFieldLabels & `bookingFormLocation${string}`]
> = {
  phone: ['phone', 'bookingFormLocationYourPhone'],
  address: ['textarea', 'bookingFormLocationYourAddress'],
  location: ['text', 'bookingFormLocationYourPlace'],
};

/** The fields asked with these values: a location's detail only while that location is chosen. */
export function calAskedFields(
  fields: readonly CalBookingFormField[],
  values: Readonly<Record<string, CalBookingFormFieldValue>>,
): CalBookingFormField[] {
  return fields.filter(
    (field) => field.when === undefined || own(values, 'location') === field.when,
  );
}

function emptyValue(field: CalBookingFormField): CalBookingFormFieldValue {
  return field.type === 'checkbox' ? [] : field.type === 'boolean' ? false : '';
}

/** A field's value before the person edits it: its default, else empty. */
export function initialFieldValue(
  field: CalBookingFormField,
  defaults: Partial<CalBookingFormValues> | undefined,
): CalBookingFormFieldValue {
  if (field.target === 'location') {
    // The location given (e.g. kept from before going back), else the event type's first; a
    // detail field's `locations` is the one it details.
    const given = defaults?.location as Record<string, unknown> | undefined;
    const locations = field.locations ?? [];
    const index = locations.findIndex(
      (location) => location.type === given?.type && location.integration === given.integration,
    );
    if (field.when === undefined) return String(Math.max(index, 0));
    const detail = locations[0] && calLocationDetail(locations[0]);
    return index === 0 && detail ? String(given?.[detail] ?? '') : '';
  }
  const given =
    field.target === 'response' ? own(defaults?.responses, field.name) : defaults?.[field.target];
  if (given === undefined || given === null) return emptyValue(field);
  if (field.type === 'checkbox') return Array.isArray(given) ? given.map(String) : [String(given)];
  if (field.type === 'boolean') return given === true || given === 'true';
  if (Array.isArray(given)) return given.join(', ');
  return String(given);
}

const isEmpty = (value: CalBookingFormFieldValue) =>
  value === false || (Array.isArray(value) ? value.length === 0 : String(value).trim() === '');

const guestsOf = (value: CalBookingFormFieldValue) =>
  String(value)
    .split(GUEST_SEPARATOR)
    .filter((address) => address !== '');

/** The most characters a field's answer may have (see caps.ts). */
const maxLength = (field: CalBookingFormField) =>
  field.target === 'name' ? MAX_NAME : field.type === 'email' ? MAX_EMAIL : MAX_TEXT;

/** The guests' schema, the one without a label in it: made once. */
const GUEST = /* @__PURE__ */ z.email();

/** Each field's schema, with the labels it was made with (other labels make it again). */
const schemas = new WeakMap<
  CalBookingFormField,
  [CalBookingFieldLabels, z.ZodMiniType | undefined]
>();

/** The first problem with one field's value, or undefined. Validated with zod/mini. */
export function validateCalBookingField(
  field: CalBookingFormField,
  value: CalBookingFormFieldValue,
  labels: CalBookingFieldLabels,
): string | undefined {
  if (isEmpty(value)) {
    return field.required ? labels.bookingFormErrorRequired(isolate(field.label)) : undefined;
  }
  // The caps come before any format check, so no pattern ever runs over megabytes.
  if (field.type === 'multiemail') {
    const addresses = guestsOf(value);
    if (field.target === 'guests' && addresses.length > MAX_GUESTS) {
      return labels.bookingFormErrorTooManyGuests(MAX_GUESTS);
    }
    if (addresses.some((address) => address.length > MAX_EMAIL)) {
      return labels.bookingFormErrorTooLong(MAX_EMAIL);
    }
    const bad = addresses.find((address) => !GUEST.safeParse(address).success);
    return bad === undefined ? undefined : labels.bookingFormErrorGuest(isolate(bad));
  }
  const max = maxLength(field);
  const long =
    typeof value === 'string'
      ? value.trim().length > max
      : Array.isArray(value) && value.some((item) => item.length > max);
  if (long) return labels.bookingFormErrorTooLong(max);
  let cached = schemas.get(field);
  if (cached?.[0] !== labels) {
    const values = field.options.map((option) => option.value) as [string, ...string[]];
    const option = { error: labels.bookingFormErrorOption };
    let made: z.ZodMiniType | undefined;
    switch (field.type) {
      case 'email':
        made = z.email({ error: labels.bookingFormErrorEmail });
        break;
      case 'phone':
        // Cal.com takes a location's phone in E.164 only (`@IsPhoneNumber`): with its + and country code.
        made = z.string().check(
          z.regex(field.target === 'location' ? E164_PHONE : PHONE, {
            error: labels.bookingFormErrorPhone,
          }),
        );
        break;
      case 'number':
        made = z
          .string()
          .check(z.refine((v) => Number.isFinite(Number(v)), labels.bookingFormErrorNumber));
        break;
      case 'url':
        made = z.url({ protocol: /^https?$/, error: labels.bookingFormErrorUrl });
        break;
      case 'select':
      case 'radio':
        made = values.length > 0 ? z.enum(values, option) : z.string();
        break;
      case 'checkbox':
        made = values.length > 0 ? z.array(z.enum(values, option)) : z.array(z.string());
    }
    cached = [labels, made];
    schemas.set(field, cached);
  }
  const schema = cached[1];
  if (!schema) return undefined;
  const input = typeof value === 'string' ? value.trim() : value;
  const result = schema.safeParse(input);
  return result.success
    ? undefined
    : (result.error.issues[0]?.message ?? labels.bookingFormErrorOption);
}

/**
 * The form's values as `useCalBookingFlow`'s `submit` and the request builders take them: text
 * trimmed, guests split, numbers as numbers, empty answers left out (an unchecked boolean is `false`).
 */
export function toCalBookingFormValues(
  fields: readonly CalBookingFormField[],
  values: Readonly<Record<string, CalBookingFormFieldValue>>,
): CalBookingFormValues {
  const result: CalBookingFormValues = {
    name: '',
    email: '',
    notes: '',
    guests: [],
    responses: dict(),
  };
  for (const field of calAskedFields(fields, values)) {
    const value = own(values, field.name) ?? emptyValue(field);
    const text = typeof value === 'string' ? value.trim() : '';
    switch (field.target) {
      case 'guests':
        result.guests = guestsOf(value);
        break;
      case 'location': {
        // The choice's value is the index of the chosen location; its detail, when asked, follows.
        const chosen = field.locations?.[Number(text)];
        if (field.when === undefined && chosen) {
          const detail = fields.find((f) => f.when === text);
          result.location = toCalBookingLocationInput(
            chosen,
            detail ? String(own(values, detail.name) ?? '') : '',
          );
        }
        break;
      }
      case 'response':
        if (isEmpty(value) && field.type !== 'boolean') break;
        result.responses[field.name] =
          field.type === 'number' ? Number(text) : typeof value === 'string' ? text : value;
        break;
      default:
        result[field.target] = text;
    }
  }
  return result;
}

/**
 * When the answers as the request carries them exceed the body cap (less what the rest of the request
 * takes), the name of the field with the longest answer; else undefined.
 */
function answersOverBodyCap(
  fields: readonly CalBookingFormField[],
  values: Readonly<Record<string, CalBookingFormFieldValue>>,
): string | undefined {
  const answers = toCalBookingFormValues(fields, values);
  if (jsonBytes(answers) <= MAX_BODY_BYTES - BODY_RESERVE_BYTES) return undefined;
  let longest: string | undefined;
  let most = -1;
  for (const field of fields) {
    const size = jsonBytes(own(values, field.name) ?? '');
    if (size > most) {
      most = size;
      longest = field.name;
    }
  }
  return longest;
}

/**
 * Every field's first problem, by field name (empty when the values can be sent): each field
 * validated with `validateCalBookingField`, then, when each is within its cap, the answers together
 * against the request's size cap (the longest answer marked).
 */
export function validateCalBookingForm(
  fields: readonly CalBookingFormField[],
  values: Readonly<Record<string, CalBookingFormFieldValue>>,
  labels: CalBookingFieldLabels,
): Record<string, string> {
  const errors = dict<string>();
  for (const field of calAskedFields(fields, values)) {
    const error = validateCalBookingField(field, own(values, field.name) ?? '', labels);
    if (error !== undefined) errors[field.name] = error;
  }
  // Each answer within its cap, yet too much together for the request: the longest is marked.
  if (Object.keys(errors).length === 0) {
    const longest = answersOverBodyCap(fields, values);
    if (longest) errors[longest] = labels.bookingFormErrorTooLongTotal;
  }
  return errors;
}
