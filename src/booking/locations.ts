/**
 * An event type's locations as the attendee chooses among them: which can be booked, what the
 * attendee must supply, what to call each, and Cal.com's booking input for the choice. Pure, so
 * `useCalBookingForm`, a server action or another framework make the same choice the same way. The
 * mapping is Cal.com's `transformLocation` (apps/api/v2/src/ee/bookings/2024-08-13/services/
 * input.service.ts @ 01598ed41a205884e52f5c03577b81e41bce0fff).
 */
import type { CalBookingLocationInput, CalLocation } from '../calapi/fields.js';

/** What the attendee supplies for a location: a phone number, an address or any place. */
export type CalLocationDetail = 'phone' | 'address' | 'location';

/** The labels a location is named with: these members of `BookingsLabels`, documented there. */
export interface CalLocationLabels {
  bookingFormLocationAddress: string;
  bookingFormLocationAttendeeAddress: string;
  bookingFormLocationPhone: string;
  bookingFormLocationAttendeePhone: string;
  bookingFormLocationAttendeeDefined: string;
  bookingFormLocationLink: string;
  bookingFormLocationDefaultApp: string;
}

/** The attendee's own locations, and the key of the value each needs in the booking input. */
const DETAILS: Record<string, CalLocationDetail> = {
  attendeePhone: 'phone',
  attendeeAddress: 'address',
  attendeeDefined: 'location',
};

/**
 * The label naming each location type Cal.com takes a booking input for (location.input.ts), but
 * `integration`, named by its app; `unknown` and later types have no booking input.
 */
const NAMES: Record<string, keyof CalLocationLabels> = {
  address: 'bookingFormLocationAddress',
  attendeeAddress: 'bookingFormLocationAttendeeAddress',
  phone: 'bookingFormLocationPhone',
  attendeePhone: 'bookingFormLocationAttendeePhone',
  attendeeDefined: 'bookingFormLocationAttendeeDefined',
  link: 'bookingFormLocationLink',
  organizersDefaultApp: 'bookingFormLocationDefaultApp',
};

/** The locations an attendee can book: those Cal.com has a booking input for, in their order. */
export function calBookableLocations(
  locations: readonly CalLocation[] | null | undefined,
): CalLocation[] {
  return (locations ?? []).filter(
    ({ type }) => type === 'integration' || Object.hasOwn(NAMES, type),
  );
}

/** What the attendee must supply for `location`, or undefined when the host's value is used. */
export function calLocationDetail(location: CalLocation): CalLocationDetail | undefined {
  return Object.hasOwn(DETAILS, location.type) ? DETAILS[location.type] : undefined;
}

/**
 * A location's name for the attendee: a conferencing app by its name (`cal-video` → "Cal Video"),
 * the others by the labels; the host's address, link or phone follows only when it is public
 * (`public !== false`, Cal.com's "display publicly").
 */
export function calLocationName(location: CalLocation, labels: CalLocationLabels): string {
  const { type } = location;
  if (type === 'integration') {
    return String(location.integration).replace(
      /(^|-)(\w)/g,
      (_, dash: string, letter: string) => (dash && ' ') + letter.toUpperCase(),
    );
  }
  const name = Object.hasOwn(NAMES, type) ? labels[NAMES[type] as keyof CalLocationLabels] : type;
  const shown = location.public === false ? undefined : location[type];
  return typeof shown === 'string' && shown ? `${name}: ${shown}` : name;
}

/** A phone number in international form: + and 7 to 15 digits, spaces, dots, dashes, brackets aside. */
export const E164_PHONE = /^\+[1-9](?:[\s().-]*\d){6,14}[\s().-]*$/;

/**
 * Cal.com's booking `location` for the chosen location and what the attendee typed (trimmed; a
 * phone number without its separators, as E.164): `{ type: 'attendeePhone', phone }`,
 * `{ type: 'integration', integration }`, `{ type: 'address' }` and so on.
 */
export function toCalBookingLocationInput(
  location: CalLocation,
  value: string,
): CalBookingLocationInput {
  const detail = calLocationDetail(location);
  if (detail) {
    const text = detail === 'phone' ? value.replace(/[\s().-]/g, '') : value.trim();
    return { type: location.type, [detail]: text } as CalBookingLocationInput;
  }
  return (
    location.type === 'integration'
      ? { type: 'integration', integration: String(location.integration) }
      : { type: location.type }
  ) as CalBookingLocationInput;
}
