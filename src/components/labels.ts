import type { BookingsErrorKind } from '../client/errors.js';
import { DAY_MS } from '../time/days.js';
import { type AccountLabels, defaultAccountLabels } from './accountLabels.js';
import { type BookerLabels, defaultBookerLabels } from './booking/bookerLabels.js';
import type { BookerSettingsLabels } from './booking/bookerSettingsLabels.js';
import { type BookingFormLabels, defaultBookingFormLabels } from './booking/bookingFormLabels.js';
import {
  type BookingsListLabels,
  defaultBookingsListLabels,
} from './booking/bookingsListLabels.js';
import {
  type ConfirmationLabels,
  defaultConfirmationLabels,
} from './booking/confirmationLabels.js';
import {
  defaultEventTypeListLabels,
  type EventTypeListLabels,
} from './booking/eventTypeListLabels.js';
import { defaultSeatsLabels, type SeatsLabels } from './booking/seatsLabels.js';
import { defaultSlotPickerLabels, type SlotPickerLabels } from './booking/slotPickerLabels.js';
import { type CommonLabels, defaultCommonLabels } from './commonLabels.js';

/**
 * Every user-facing string the components render, with English defaults in `defaultBookingsLabels`.
 * Replace any of them for the whole app with `<BookingsLabelsProvider labels={…}>`, or for one
 * component with its `labels` prop; strings that include a value are functions.
 *
 * Text from Cal.com, AISquare or the person using the page (titles, names, reasons, field labels,
 * server details, typed addresses) reaches a label function already isolated, between U+2068 and
 * U+2069 (FSI…PDI), so a right-to-left or reversing character in it cannot reorder the sentence
 * around it. The components isolate it where they call the function, so your overrides get it the
 * same way: keep the argument whole. Dates, times, zones and numbers the components format with
 * `Intl` themselves arrive as they are.
 */
// Each component's labels are a defaults object in a module beside it (e.g.
// `booking/bookingsListLabels.ts`): the English text and a JSDoc on what each is for, written once;
// this type is theirs together.
export interface BookingsLabels
  extends CommonLabels,
    SlotPickerLabels,
    EventTypeListLabels,
    BookingFormLabels,
    ConfirmationLabels,
    BookerLabels,
    AccountLabels,
    BookingsListLabels,
    SeatsLabels,
    // Optional: their defaults live beside CalBooker (bookerSettingsLabels.ts), not in the object below.
    Partial<BookerSettingsLabels> {}

/** The parts' types together, as `Object.assign` makes their objects one. */
type Intersection<Parts extends object[]> = Parts extends [
  infer First,
  ...infer Rest extends object[],
]
  ? First & Intersection<Rest>
  : unknown;

/** The English labels every component starts from (read-only). */
// Not frozen, and made by one call marked pure (an object spread costs more bytes, and bundlers take
// it for a possible getter call), so that bundlers drop it from apps that use no component.
// `Object.assign` is typed here for any number of parts (the library's type is `any` past three), so
// a missing part is a type error.
export const defaultBookingsLabels: Readonly<BookingsLabels> = /* @__PURE__ */ (
  Object.assign as <Parts extends object[]>(target: object, ...parts: Parts) => Intersection<Parts>
)(
  {},
  defaultCommonLabels,
  defaultSlotPickerLabels,
  defaultEventTypeListLabels,
  defaultBookingFormLabels,
  defaultConfirmationLabels,
  defaultBookerLabels,
  defaultAccountLabels,
  defaultBookingsListLabels,
  defaultSeatsLabels,
);

/**
 * Labels to replace: any subset, and any subset of the per-kind error strings
 * (`{ errorMessage: { network: 'Offline?' } }` keeps the other kinds' defaults).
 */
export type BookingsLabelsOverrides = Partial<
  Omit<BookingsLabels, 'errorMessage' | 'errorNextStep'>
> & {
  errorMessage?: Partial<Record<BookingsErrorKind, string>>;
  errorNextStep?: Partial<Record<BookingsErrorKind, string>>;
};

/**
 * Merges overrides over labels; `undefined` values keep what is there. The per-kind error strings
 * merge one level down, the same way.
 */
export function mergeBookingsLabels(
  base: BookingsLabels,
  overrides: BookingsLabelsOverrides | undefined,
): BookingsLabels {
  return overrides ? (mergeDefined(base, overrides) as unknown as BookingsLabels) : base;
}

function mergeDefined(base: object, overrides: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    merged[key] =
      key === 'errorMessage' || key === 'errorNextStep'
        ? mergeDefined(merged[key] as object, value)
        : value;
  }
  return merged;
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "in 4 minutes", "in 12 seconds", "now": the time until `ms` from now in the largest whole unit,
 * with `Intl.RelativeTimeFormat` in `locale` (falling back to 'en' for an unknown locale).
 */
export function formatTimeUntil(ms: number, locale: string): string {
  let format: Intl.RelativeTimeFormat;
  try {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  } catch {
    format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  }
  const remaining = Math.max(0, ms);
  for (const [unit, size] of UNITS) {
    if (remaining >= size) return format.format(Math.floor(remaining / size), unit);
  }
  return format.format(Math.ceil(remaining / 1000), 'second');
}
