/**
 * A request's inputs once valid: the JSON body, query parameters, and the create, cancel and
 * reschedule bodies as the model takes them; anything invalid throws Cal.com's 400 or 404.
 *
 * @module
 */
import { fail } from './calErrors.js';
import type { CalFakeLocationInput, CalFakeModel } from './modelTypes.js';
import {
  formatInvalid,
  isEmailAddress,
  isRecord,
  isString,
  optional,
  validateCreateBody,
  validator,
} from './validation.js';
import { parseInstant } from './zoneMaths.js';

/** The JSON body: `{}` when there is none. */
export function parseJsonBody(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(400, 'Unexpected token in JSON: the request body is not valid JSON.');
  }
  // The bookings pipes' own check (create-booking-input.pipe.ts, cancel-booking-input.pipe.ts).
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(400, 'Body should be an object');
  }
  return value as Record<string, unknown>;
}

export function intParam(query: URLSearchParams, name: string, min = 0): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    return fail(400, `${name} must be an integer${min > 0 ? ` not less than ${min}` : ''}`);
  }
  return value;
}

export function instantParam(
  query: URLSearchParams,
  name: string,
  required: boolean,
): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return required ? fail(400, `${name} must be a valid ISO 8601 date string`) : undefined;
  }
  const value = parseInstant(raw);
  if (value === undefined) return fail(400, `${name} must be a valid ISO 8601 date string`);
  return value;
}

/** The id of `username`'s event type `slug`, `undefined` when it has none; 404 for an unknown user. */
export function eventTypeIdBySlug(
  model: CalFakeModel,
  username: string,
  slug: string,
): number | undefined {
  const sub = model.findSubByUsername(username);
  if (sub === undefined) return fail(404, `User with username ${username} not found`);
  return model.eventTypes(sub).find((type) => type.slug === slug)?.id;
}

/**
 * A create body once Cal.com's pipe accepted it: the event type it names (404s of
 * bookings.service.ts `getBookedEventType`) and the model's input.
 */
export function parseCreateBody(body: Record<string, unknown>, model: CalFakeModel) {
  validateCreateBody(body);
  const attendee = body.attendee as Record<string, unknown>;
  // The fake's own rule: it books attendees with an email. Cal.com also books a phone number alone,
  // and checks an email's form later, in its booking handler, with its own message.
  if (typeof attendee.email !== 'string' || !isEmailAddress(attendee.email)) {
    fail(400, 'attendee.email must be an email (the fake books only attendees with an email)');
  }
  let eventTypeId: number | undefined;
  if (typeof body.eventTypeId === 'number' && body.eventTypeId !== 0) {
    eventTypeId = body.eventTypeId;
  } else if (typeof body.username === 'string' && typeof body.eventTypeSlug === 'string') {
    eventTypeId = eventTypeIdBySlug(model, body.username, body.eventTypeSlug);
    if (eventTypeId === undefined) {
      fail(
        404,
        `Event type with slug ${body.eventTypeSlug} belonging to user ${body.username} not found.`,
      );
    }
  } else {
    // The fake has no teams.
    fail(404, `Team with slug ${String(body.teamSlug)} not found`);
  }
  const location = (body.location ?? body.meetingUrl) as CalFakeLocationInput | undefined;
  return {
    eventTypeId: eventTypeId as number,
    start: parseInstant(body.start) as number,
    ...(typeof body.lengthInMinutes === 'number' ? { lengthInMinutes: body.lengthInMinutes } : {}),
    attendee: {
      name: String(attendee.name),
      email: String(attendee.email),
      timeZone: String(attendee.timeZone),
      language: typeof attendee.language === 'string' ? attendee.language : 'en',
      ...(typeof attendee.phoneNumber === 'string' ? { phoneNumber: attendee.phoneNumber } : {}),
    },
    ...(Array.isArray(body.guests) ? { guests: body.guests as string[] } : {}),
    ...(isRecord(body.bookingFieldsResponses)
      ? { bookingFieldsResponses: body.bookingFieldsResponses }
      : {}),
    ...(isRecord(body.metadata) ? { metadata: body.metadata } : {}),
    ...(location !== undefined && location !== null ? { location } : {}),
    ...(typeof body.recurrenceCount === 'number' ? { recurrenceCount: body.recurrenceCount } : {}),
    ...(typeof body.emailVerificationCode === 'string'
      ? { emailVerificationCode: body.emailVerificationCode }
      : {}),
    instant: body.instant === true,
  };
}

/**
 * A cancel body as Cal.com's pipe takes it (cancel-booking-input.pipe.ts
 * @ 03670679c00d600615e8df2bc64545bd51c61646, cancel-booking.input.ts
 * @ 1016df5bc34cb1da392f14dddfe72cd22dbc25b7): `{ cancellationReason?, cancelSubsequentBookings? }`, or
 * the seated input when it has its own `seatUid`; any other key is a 400.
 */
export function parseCancelBody(body: Record<string, unknown>) {
  const seated = Object.hasOwn(body, 'seatUid');
  const { errors, add } = validator(
    body,
    seated ? ['seatUid', 'cancellationReason'] : ['cancellationReason', 'cancelSubsequentBookings'],
  );
  if (!optional(body.cancellationReason) && !isString(body.cancellationReason)) {
    add('cancellationReason', ['cancellationReason must be a string']);
  }
  if (seated) {
    if (!isString(body.seatUid)) add('seatUid', ['seatUid must be a string']);
  } else if (
    !optional(body.cancelSubsequentBookings) &&
    typeof body.cancelSubsequentBookings !== 'boolean'
  ) {
    add('cancelSubsequentBookings', ['cancelSubsequentBookings must be a boolean value']);
  }
  if (errors.length > 0) fail(400, formatInvalid(errors));
  return {
    seatUid: seated ? String(body.seatUid) : undefined,
    ...(typeof body.cancellationReason === 'string'
      ? { cancellationReason: body.cancellationReason }
      : {}),
    cancelSubsequentBookings: body.cancelSubsequentBookings === true,
  };
}

/**
 * A reschedule body as Cal.com's pipe takes it (reschedule-booking-input.pipe.ts
 * @ f162fe23ef33d8b16252907dc2b1bd7bfed0235b, reschedule-booking.input.ts
 * @ f0ac6126fbf673cb8202562293bf12d976ccaa49): `{ start, rescheduledBy?, reschedulingReason?,
 * emailVerificationCode? }` (and the hidden `rrHostSubsetIds`), or the seated input when it has
 * `seatUid`; any other key is a 400. `rescheduledBy`'s email check is a `@Validate` with a plain
 * function, which never runs.
 */
export function parseRescheduleBody(body: Record<string, unknown>) {
  const seated = 'seatUid' in body;
  const { errors, add } = validator(
    body,
    seated
      ? ['start', 'rescheduledBy', 'seatUid', 'emailVerificationCode']
      : [
          'start',
          'rescheduledBy',
          'reschedulingReason',
          'emailVerificationCode',
          'rrHostSubsetIds',
        ],
  );
  const start = parseInstant(body.start);
  if (start === undefined) add('start', ['start must be a valid ISO 8601 date string']);
  if (!seated && !optional(body.reschedulingReason) && !isString(body.reschedulingReason)) {
    add('reschedulingReason', ['reschedulingReason must be a string']);
  }
  if (seated && !isString(body.seatUid)) add('seatUid', ['seatUid must be a string']);
  if (!optional(body.emailVerificationCode) && !isString(body.emailVerificationCode)) {
    add('emailVerificationCode', ['emailVerificationCode must be a string']);
  }
  if (errors.length > 0) fail(400, formatInvalid(errors));
  return {
    start: start as number,
    seatUid: seated ? String(body.seatUid) : undefined,
    ...(typeof body.reschedulingReason === 'string'
      ? { reschedulingReason: body.reschedulingReason }
      : {}),
    ...(typeof body.rescheduledBy === 'string' && body.rescheduledBy !== ''
      ? { rescheduledBy: body.rescheduledBy }
      : {}),
  };
}

/**
 * A reservation body (`ReserveSlotInput_2024_09_04`, reserve-slot.input.ts
 * @ 03670679c00d600615e8df2bc64545bd51c61646) as the global ValidationPipe takes it: `whitelist`
 * without `forbidNonWhitelisted`, so other keys are dropped; no implicit conversion, so `"30"` is not
 * an integer. The message joins class-validator's constraint texts (Cal.com's exact wording of this
 * pipe's 400 is UNVERIFIED).
 */
export function parseReserveBody(body: Record<string, unknown>) {
  const { eventTypeId, slotStart, slotDuration, reservationDuration } = body;
  const problems: string[] = [];
  const isInt = (value: unknown) => typeof value === 'number' && Number.isInteger(value);
  if (!isInt(eventTypeId)) problems.push('eventTypeId must be an integer number');
  if (parseInstant(slotStart) === undefined) {
    problems.push('slotStart must be a valid ISO 8601 date string');
  }
  if (!optional(slotDuration) && !isInt(slotDuration)) {
    problems.push('slotDuration must be an integer number');
  }
  if (!optional(reservationDuration) && !isInt(reservationDuration)) {
    problems.push('reservationDuration must be an integer number');
  }
  if (problems.length > 0) fail(400, problems.join(', '));
  return {
    eventTypeId: eventTypeId as number,
    slotStart: slotStart as string,
    ...(isInt(slotDuration) ? { slotDuration: slotDuration as number } : {}),
    ...(isInt(reservationDuration) ? { reservationDuration: reservationDuration as number } : {}),
  };
}
