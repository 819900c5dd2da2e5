/**
 * What Cal.com accepts, written from its input DTOs and pipes:
 * - packages/platform/types/slots/slots-2024-09-04/inputs/get-slots.input.ts
 *   @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96 and get-slots-input.pipe.ts
 *   @ 683e0006f67ddf5c019a027eee747eeedc68c6af (`whitelist` + `forbidNonWhitelisted`: an unknown query
 *   parameter is a 400; four ways to name the event type)
 * - packages/platform/types/event-types/event-types_2024_06_14/inputs/get-event-types-query.input.ts
 *   @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96
 * - packages/platform/types/bookings/2024-08-13/inputs/get-bookings.input.ts
 *   @ 1b6cab4fde117ed1dd1e58506d6988464d3ddc98 (`take` 1–250; unknown keys are dropped, not refused)
 * - packages/platform/types/bookings/2024-08-13/inputs/create-booking.input.ts
 *   @ 9527f3c977bbad000f98b436b17fca7aa9594fa4, create-booking-input.pipe.ts
 *   @ 51442f5ecb3ff25bfdf6f5cb5b75c014b058f149 (`forbidNonWhitelisted`), location.input.ts and
 *   validators/validate-metadata.ts @ 03670679c00d600615e8df2bc64545bd51c61646
 * - packages/platform/types/bookings/2024-08-13/inputs/cancel-booking.input.ts
 *   @ 1016df5bc34cb1da392f14dddfe72cd22dbc25b7 and reschedule-booking.input.ts
 *   @ f0ac6126fbf673cb8202562293bf12d976ccaa49
 * - apps/api/v2/src/app.ts @ 03670679c00d600615e8df2bc64545bd51c61646 (the `cal-api-version` per
 *   controller; a missing or unknown one silently selects 2024-04-15)
 */
import { arrayOf, literal, obj, oneOf, record, type Shape, type Spec } from '../shape.js';

/** An ISO 8601 date or date-time, as `@IsDateString({ strict: true })` reads it. */
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const INTEGER = /^-?\d+$/;
const isZone = (value: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};
const oneOfValues = (values: readonly string[]) => (value: string) => values.includes(value);
const commaList = (values: readonly string[]) => (value: string) =>
  value.split(',').every((part) => values.includes(part.trim()));
const any = (value: string) => value !== '';

export interface QueryInput {
  /** The `cal-api-version` the route needs (`undefined`: any, or none). */
  version: string | undefined;
  /** Each accepted parameter and whether a value is valid. */
  params: Record<string, (value: string) => boolean>;
  /** Sets of parameters of which one must be complete (Cal.com's variants). */
  oneOf?: readonly (readonly string[])[];
  /** Required in every variant. */
  required?: readonly string[];
  /** Whether an unknown parameter is a 400 (else Cal.com drops it). */
  forbidUnknown: boolean;
}

const slotsParams = {
  start: (value: string) => ISO.test(value),
  end: (value: string) => ISO.test(value),
  timeZone: isZone,
  duration: (value: string) => INTEGER.test(value) && Number(value) > 0,
  format: oneOfValues(['time', 'range']),
  bookingUidToReschedule: any,
};

export const queryInputs = {
  me: { version: undefined, params: {}, forbidUnknown: false },
  eventTypes: {
    version: '2024-06-14',
    params: {
      username: any,
      eventSlug: any,
      usernames: any,
      orgSlug: any,
      orgId: (value: string) => INTEGER.test(value),
      sortCreatedAt: oneOfValues(['asc', 'desc']),
    },
    forbidUnknown: false,
  },
  slots: {
    version: '2024-09-04',
    params: {
      ...slotsParams,
      eventTypeId: (value: string) => INTEGER.test(value),
      eventTypeSlug: any,
      username: any,
      teamSlug: any,
      organizationSlug: any,
      usernames: any,
    },
    required: ['start', 'end'],
    oneOf: [
      ['eventTypeId'],
      ['eventTypeSlug', 'username'],
      ['eventTypeSlug', 'teamSlug'],
      ['usernames', 'organizationSlug'],
    ],
    forbidUnknown: true,
  },
  bookings: {
    version: '2024-08-13',
    params: {
      status: commaList(['upcoming', 'recurring', 'past', 'cancelled', 'unconfirmed']),
      attendeeEmail: any,
      attendeeName: any,
      bookingUid: any,
      eventTypeIds: (value: string) => value.split(',').every((part) => INTEGER.test(part)),
      eventTypeId: (value: string) => INTEGER.test(value),
      teamsIds: (value: string) => value.split(',').every((part) => INTEGER.test(part)),
      teamId: (value: string) => INTEGER.test(value),
      afterStart: (value: string) => ISO.test(value),
      beforeEnd: (value: string) => ISO.test(value),
      afterCreatedAt: (value: string) => ISO.test(value),
      beforeCreatedAt: (value: string) => ISO.test(value),
      afterUpdatedAt: (value: string) => ISO.test(value),
      beforeUpdatedAt: (value: string) => ISO.test(value),
      sortStart: oneOfValues(['asc', 'desc']),
      sortEnd: oneOfValues(['asc', 'desc']),
      sortCreated: oneOfValues(['asc', 'desc']),
      sortUpdatedAt: oneOfValues(['asc', 'desc']),
      take: (value: string) => INTEGER.test(value) && Number(value) >= 1 && Number(value) <= 250,
      skip: (value: string) => INTEGER.test(value) && Number(value) >= 0,
    },
    forbidUnknown: false,
  },
} satisfies Record<string, QueryInput>;

/** What is wrong with a query against Cal.com's input DTO, one line per problem. */
export function checkQuery(input: QueryInput, query: URLSearchParams): string[] {
  const issues: string[] = [];
  for (const [name, value] of query) {
    const valid = input.params[name];
    if (valid === undefined) {
      if (input.forbidUnknown) issues.push(`${name}: Cal.com refuses this parameter`);
      else issues.push(`${name}: Cal.com ignores this parameter`);
    } else if (!valid(value)) issues.push(`${name}: ${JSON.stringify(value)} is not valid`);
  }
  for (const name of input.required ?? []) {
    if (!query.has(name)) issues.push(`${name}: required`);
  }
  if (input.oneOf && !input.oneOf.some((names) => names.every((name) => query.has(name)))) {
    issues.push(`one of ${input.oneOf.map((names) => names.join('+')).join(', ')} is required`);
  }
  return issues;
}

/** `location` of a create: Cal.com's objects (location.input.ts), or a string (kept for old clients). */
const locationVariants: readonly Spec[] = [
  'string',
  obj({ type: literal(['address']) }),
  obj({ type: literal(['link']) }),
  obj({ type: literal(['phone']) }),
  obj({ type: literal(['organizersDefaultApp']) }),
  obj({ type: literal(['integration']), integration: 'string' }),
  obj({ type: literal(['attendeeAddress']), address: 'string' }),
  obj({ type: literal(['attendeePhone']), phone: 'string' }),
  obj({ type: literal(['attendeeDefined']), location: 'string' }),
];
export const locationInputShape = oneOf(locationVariants);

const createBase: Shape = {
  start: 'string',
  attendee: obj({
    name: 'string',
    email: '?string',
    timeZone: 'string',
    phoneNumber: '?string',
    language: '?string',
  }),
  bookingFieldsResponses: record('unknown', { optional: true }),
  eventTypeId: '?number',
  eventTypeSlug: '?string',
  username: '?string',
  teamSlug: '?string',
  organizationSlug: '?string',
  guests: arrayOf('string', { optional: true }),
  meetingUrl: '?string',
  location: oneOf(locationVariants, { optional: true }),
  metadata: record('string|number|boolean', { optional: true }),
  lengthInMinutes: '?number',
  routing: obj(
    {
      responseId: 'number',
      teamMemberIds: arrayOf('number'),
      teamMemberEmail: '?string',
      skipContactOwner: '?boolean',
      crmAppSlug: '?string',
      crmOwnerRecordType: '?string',
    },
    { optional: true },
  ),
  emailVerificationCode: '?string',
};

/** `POST /v2/bookings`: the pipe picks the recurring input by `recurrenceCount`, else the plain one. */
export const createBookingInputShape: Spec = oneOf([
  obj(createBase),
  obj({ ...createBase, recurrenceCount: 'number' }),
  obj({ ...createBase, instant: literal([true]) }),
]);

/** `POST /v2/bookings/{uid}/cancel`: the seated input when the body has `seatUid`. */
export const cancelBookingInputShape: Spec = oneOf([
  obj({ cancellationReason: '?string', cancelSubsequentBookings: '?boolean' }),
  obj({ seatUid: 'string', cancellationReason: '?string' }),
]);

/** `POST /v2/bookings/{uid}/reschedule`: the seated input when the body has `seatUid`. */
export const rescheduleBookingInputShape: Spec = oneOf([
  obj({
    start: 'string',
    rescheduledBy: '?string',
    reschedulingReason: '?string',
    emailVerificationCode: '?string',
  }),
  obj({
    start: 'string',
    rescheduledBy: '?string',
    seatUid: 'string',
    emailVerificationCode: '?string',
  }),
]);

/** Cal.com's own limits on a create (validate-metadata.ts): checked beside the shape. */
export function checkCreateLimits(body: Record<string, unknown>): string[] {
  const issues: string[] = [];
  const metadata = body.metadata as Record<string, unknown> | undefined;
  if (metadata !== undefined) {
    const keys = Object.keys(metadata);
    if (keys.length > 50) issues.push('metadata: more than 50 keys');
    for (const key of keys) {
      if (key.length > 40) issues.push(`metadata.${key}: key longer than 40 characters`);
      const value = metadata[key];
      if (typeof value === 'string' && value.length > 500) {
        issues.push(`metadata.${key}: longer than 500 characters`);
      }
    }
  }
  const identified =
    body.eventTypeId !== undefined ||
    (body.eventTypeSlug !== undefined &&
      (body.username !== undefined || body.teamSlug !== undefined));
  if (!identified)
    issues.push('eventTypeId, or eventTypeSlug with username or teamSlug, is required');
  const attendee = body.attendee as Record<string, unknown> | undefined;
  if (attendee && attendee.email === undefined && attendee.phoneNumber === undefined) {
    issues.push('attendee: an email or a phoneNumber is required');
  }
  if (typeof body.start === 'string' && !ISO.test(body.start)) issues.push('start: not ISO 8601');
  return issues;
}
