/**
 * Cal.com's checks of a booking request against its event type, before time and availability: the
 * booking field answers, the requested length and the location.
 *
 * @module
 */
import { badRequest } from './failures.js';
import type {
  CalFakeBookingField,
  CalFakeEventType,
  CalFakeFailure,
  CalFakeLocation,
  CalFakeLocationInput,
} from './modelTypes.js';
import { EVENT_TYPE_LOCATIONS } from './seed.js';

/** The field types whose answer is a string, and those whose answer is an array. */
const STRING_FIELDS = ['phone', 'address', 'text', 'textarea', 'url'];
const ARRAY_FIELDS = ['multiemail', 'multiselect', 'checkbox'];

/**
 * Cal.com's type check of one answer against its field's type; `undefined` when it passes or when
 * the field's type is not checked.
 */
function answerTypeFailure(field: CalFakeBookingField, value: unknown): CalFakeFailure | undefined {
  let expected: string;
  let valid: boolean;
  if (STRING_FIELDS.includes(field.type)) {
    expected = 'string';
    valid = typeof value === 'string';
  } else if (ARRAY_FIELDS.includes(field.type)) {
    expected = 'array';
    valid = Array.isArray(value);
  } else if (field.type === 'number' || field.type === 'boolean') {
    expected = field.type;
    valid = typeof value === field.type;
  } else if (field.type === 'select' || field.type === 'radio') {
    expected = 'string or number';
    valid = typeof value === 'string' || typeof value === 'number';
  } else {
    return undefined;
  }
  if (valid) return undefined;
  return badRequest(
    `Invalid type for booking field '${field.slug}'. Expected type ${expected} (compatible with field type '${field.type}'), but received ${typeof value}.`,
  );
}

/** Cal.com's check that a choice field's answer (of the right type) is among its options. */
function optionFailure(field: CalFakeBookingField, value: unknown): CalFakeFailure | undefined {
  const allowed = field.options ?? [];
  if (allowed.length === 0) return undefined;
  if ((field.type === 'select' || field.type === 'radio') && !allowed.includes(String(value))) {
    return badRequest(
      `Invalid option '${String(value)}' for booking field '${field.slug}'. Allowed options are: ${allowed.join(', ')}.`,
    );
  }
  if (
    (field.type === 'multiselect' || field.type === 'checkbox') &&
    !(value as unknown[]).every((item) => allowed.includes(String(item)))
  ) {
    return badRequest(
      `One or more invalid options for booking field '${field.slug}'. Allowed options are: ${allowed.join(', ')}.`,
    );
  }
  return undefined;
}

/**
 * Cal.com's checks of `bookingFieldsResponses` against the event type's custom fields: each required
 * one answered, each answer of its field's type, a choice among its options
 * (apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts
 * @ 015b57aa35e8f11ded25dc1cedd7460a58440f72, `hasRequiredBookingFieldsResponses`; system fields are
 * skipped, as `name` and `email` come from `attendee`).
 */
export function checkFieldResponses(
  eventType: CalFakeEventType,
  responses: Record<string, unknown>,
): CalFakeFailure | undefined {
  for (const field of eventType.bookingFields) {
    if (field.isDefault) continue;
    const value = responses[field.slug];
    if (field.required && (value === undefined || value === null)) {
      return badRequest(
        `Missing required booking field response: ${field.slug} - it is required by the event type booking fields, but missing in the bookingFieldsResponses. You can fetch the event type with ID ${eventType.id} to see the required fields.`,
      );
    }
    if (value === undefined) continue;
    const failure = answerTypeFailure(field, value) ?? optionFailure(field, value);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

/**
 * Cal.com's `validateBookingLengthInMinutes` (apps/api/v2/src/ee/bookings/2024-08-13/services/
 * input.service.ts @ 01598ed41a205884e52f5c03577b81e41bce0fff); a recurring create never calls it.
 */
export function checkLength(
  eventType: CalFakeEventType,
  lengthInMinutes: number | undefined,
): CalFakeFailure | undefined {
  if (lengthInMinutes === undefined) return undefined;
  const options = eventType.lengthInMinutesOptions;
  if (options === undefined) {
    return badRequest(
      `Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.`,
    );
  }
  if (!options.includes(lengthInMinutes)) {
    return badRequest(
      `Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: ${options.join(', ')}`,
    );
  }
  return undefined;
}

/** What the attendee supplies for a location of theirs, and Cal.com's internal name for it. */
const ATTENDEE_LOCATIONS: Record<string, [key: string, internal: string]> = {
  attendeePhone: ['phone', 'phone'],
  attendeeAddress: ['address', 'attendeeInPerson'],
  attendeeDefined: ['location', 'somewhereElse'],
};
/** The host's locations: the output key holding the value, and Cal.com's internal name. */
const HOST_LOCATIONS: Record<string, [key: string, internal: string]> = {
  address: ['address', 'inPerson'],
  link: ['link', 'link'],
  phone: ['phone', 'userPhone'],
};

type Resolved =
  | { ok: true; location: string; response?: { value: string; optionValue: string } }
  | { ok: false; failure: CalFakeFailure };

/**
 * Where a booking takes place, and its `responses.location`, as Cal.com's input service maps it
 * (input.service.ts @ 01598ed41a205884e52f5c03577b81e41bce0fff, `transformLocation` and
 * `isBookingLocationWithEventTypeLocations`): a string passes unchecked (a URL is a `link`, a phone
 * number a `phone`, anything else `somewhereElse`); an object must name one of the event type's own
 * location types (and, for `integration`, one of its integrations). The stored location is what
 * packages/app-store/locations.ts `getLocationValueForDB` keeps: the host's address, link or phone
 * from the event type, the attendee's own value, or, for Cal Video, the meeting's link (the booking
 * output's `location` is `metadata.videoCallUrl || location`). Without one, the booking gets Cal Video.
 */
export function resolveLocation(
  eventType: CalFakeEventType,
  input: CalFakeLocationInput | undefined,
  uid: string,
): Resolved {
  const calVideo = `https://app.cal.com/video/${uid}`;
  if (input === undefined) return { ok: true, location: calVideo };
  if (typeof input === 'string') {
    const value = /^(https?:\/\/|www\.)|^[^\s@/]+\.[a-z]{2,}(\/\S*)?$/i.test(input)
      ? 'link'
      : /^\+[1-9]\d{6,14}$/.test(input.replace(/[\s()-]/g, ''))
        ? 'phone'
        : 'somewhereElse';
    return { ok: true, location: input, response: { value, optionValue: input } };
  }
  const own: readonly CalFakeLocation[] = eventType.locations ?? EVENT_TYPE_LOCATIONS;
  const types = own.map((location) => location.type);
  const refuse = (message: string): Resolved => ({ ok: false, failure: badRequest(message) });
  if (typeof input.type !== 'string' || !types.includes(input.type)) {
    return refuse(
      `Booking location with type ${String(input.type)} not valid for event type with id=${eventType.id}. The event type has following location types: ${types.join(', ')}, and only these types are allowed for booking location.`,
    );
  }
  const type = input.type;
  if (type === 'integration') {
    const integrations = own.flatMap((location) =>
      location.type === 'integration' ? [String(location.integration)] : [],
    );
    if (!integrations.includes(String(input.integration))) {
      return refuse(
        `Booking location with integration ${String(input.integration)} not valid for event type with id=${eventType.id}. The event type has following integrations: ${integrations.join(', ')}, and only these integrations are allowed for booking location.`,
      );
    }
    // Only Cal Video gets a link of the booking's own; another app's is the app's name.
    return input.integration === 'cal-video'
      ? { ok: true, location: calVideo, response: { value: 'integrations:daily', optionValue: '' } }
      : {
          ok: true,
          location: `integrations:${input.integration}`,
          response: { value: `integrations:${input.integration}`, optionValue: '' },
        };
  }
  const attendee = ATTENDEE_LOCATIONS[type];
  if (attendee) {
    const given = input[attendee[0]];
    // UNVERIFIED: Cal.com's own check of this value (location.input.ts) is asynchronous and never
    // awaited by the pipe; the fake refuses a missing or empty one rather than store it.
    if (typeof given !== 'string' || given.trim() === '') {
      return refuse(
        `location property is wrong,location.${attendee[0]} must be a non-empty string`,
      );
    }
    return { ok: true, location: given, response: { value: attendee[1], optionValue: given } };
  }
  const host = HOST_LOCATIONS[type];
  const configured = own.find((location) => location.type === type);
  const value = host && configured ? String(configured[host[0]] ?? '') : '';
  return {
    ok: true,
    location: value || calVideo,
    response: { value: host?.[1] ?? type, optionValue: '' },
  };
}
