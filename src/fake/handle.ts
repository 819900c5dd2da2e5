/**
 * One request to the Cal.com API v2 fake: routing, Cal.com's throttler, auth (498 / 401 / origin),
 * `cal-api-version`, validation and the envelopes, over a `CalFakeModel`. Transport-free: the sandbox
 * adapts Node's `IncomingMessage` to `CalRequest`, the MSW handlers adapt a fetch `Request`. No `node:`
 * import.
 *
 * The rule: the fake sends no key Cal.com lacks and every key Cal.com always sends, as Cal.com's code
 * builds them (each output below cites its source); test/contract pins it. It models Cal.com as of
 * October 2025: `GET /v2/me` without the `name`, `avatarUrl` and `bio` added at the end of 2025, and
 * event types without the keys added in December 2025 (`bookingUrl`, `disableCancelling`, ...).
 *
 * @module
 */
import {
  bookingNotFound,
  type CalFakeBooking,
  type CalFakeBookingField,
  type CalFakeEventType,
  type CalFakeFailure,
  type CalFakeLocationInput,
  type CalFakeModel,
  type CalFakeRateLimitState,
  type CalFakeUser,
  EVENT_TYPE_LOCATIONS,
} from './model.js';
import { DAY_MS, dateKey, formatInZone, isMidnightUtc, isTimeZone, parseInstant } from './time.js';

/** The names of the Cal.com routes the fake serves, the one list `CalEndpoint` comes from. */
export const CAL_ENDPOINTS = [
  'cal.me',
  'cal.eventTypes',
  'cal.slots',
  'cal.bookings',
  'cal.createBooking',
  'cal.booking',
  'cal.cancelBooking',
  'cal.rescheduleBooking',
] as const;

/** The Cal.com routes the fake serves, named as in `SandboxEndpoint`. */
export type CalEndpoint = (typeof CAL_ENDPOINTS)[number];

/** `cal-api-version` each family needs (none for `/v2/me`). */
export const CAL_API_VERSIONS = {
  slots: '2024-09-04',
  bookings: '2024-08-13',
  eventTypes: '2024-06-14',
} as const;

/** A request as the adapters hand it over. */
export interface CalRequest {
  method: string;
  /** Path from `/v2` on, without the query, e.g. `/v2/bookings/abc/cancel`. */
  pathname: string;
  query: URLSearchParams;
  /** A request header by lower-case name. */
  headers: (name: string) => string | undefined;
  /** The raw body text; `undefined` or `''` when there is none. */
  body?: string | undefined;
  /** The request target as received (path and query), echoed as `path` in error envelopes. */
  url?: string;
}

/** The answer: status, headers (`X-Request-Id`, rate limit) and a JSON body. */
export interface CalResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface CalRoute {
  endpoint: CalEndpoint;
  method: 'GET' | 'POST';
  version: string | undefined;
  /**
   * Cal.com's guard: `required` (`ApiAuthGuard`), `optional` (`OptionalApiAuthGuard`: no token is
   * fine, a bad one still fails), or `none` (no auth guard: the token is never read).
   */
  auth: 'required' | 'optional' | 'none';
  uid?: string;
}

// Literal patterns (no `new RegExp`), so the test that every pattern in src/ runs in linear time can
// read each one.
const ROUTES: readonly [RegExp, Omit<CalRoute, 'uid'>][] = [
  [/^\/v2\/me\/?$/, { endpoint: 'cal.me', method: 'GET', version: undefined, auth: 'required' }],
  [
    /^\/v2\/event-types\/?$/,
    {
      endpoint: 'cal.eventTypes',
      method: 'GET',
      version: CAL_API_VERSIONS.eventTypes,
      auth: 'optional',
    },
  ],
  [
    // No guard on the slots controller: apps/api/v2/src/modules/slots/slots-2024-09-04/controllers/
    // slots.controller.ts @ 694613ff82bd64befca2989e44fb5b642b3a24f4.
    /^\/v2\/slots\/?$/,
    { endpoint: 'cal.slots', method: 'GET', version: CAL_API_VERSIONS.slots, auth: 'none' },
  ],
  [
    /^\/v2\/bookings\/?$/,
    {
      endpoint: 'cal.bookings',
      method: 'GET',
      version: CAL_API_VERSIONS.bookings,
      auth: 'required',
    },
  ],
  [
    /^\/v2\/bookings\/?$/,
    {
      endpoint: 'cal.createBooking',
      method: 'POST',
      version: CAL_API_VERSIONS.bookings,
      auth: 'optional',
    },
  ],
  [
    /^\/v2\/bookings\/([A-Za-z0-9_-]+)\/?$/,
    {
      endpoint: 'cal.booking',
      method: 'GET',
      version: CAL_API_VERSIONS.bookings,
      auth: 'optional',
    },
  ],
  [
    /^\/v2\/bookings\/([A-Za-z0-9_-]+)\/cancel\/?$/,
    {
      endpoint: 'cal.cancelBooking',
      method: 'POST',
      version: CAL_API_VERSIONS.bookings,
      auth: 'optional',
    },
  ],
  [
    /^\/v2\/bookings\/([A-Za-z0-9_-]+)\/reschedule\/?$/,
    {
      endpoint: 'cal.rescheduleBooking',
      method: 'POST',
      version: CAL_API_VERSIONS.bookings,
      auth: 'optional',
    },
  ],
];

/** Whether a path is one of Cal.com's (`/v2` or below): the sandbox hands those to this module. */
export function isCalPath(pathname: string): boolean {
  return pathname === '/v2' || pathname.startsWith('/v2/');
}

/**
 * The route of a method and path, or `undefined` (Cal.com answers 404 then). `method` `undefined`
 * matches any method (for counting CORS-free requests by path).
 */
export function matchCalRoute(method: string | undefined, pathname: string): CalRoute | undefined {
  for (const [pattern, route] of ROUTES) {
    if (method !== undefined && method.toUpperCase() !== route.method) continue;
    const match = pattern.exec(pathname);
    if (match === null) continue;
    return match[1] === undefined ? { ...route } : { ...route, uid: match[1] };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------

/**
 * Nest's built-in exception per status: its class name (Cal.com's `error.code`) and the `error` text of
 * its `getResponse()` (@nestjs/common's exceptions, made from a message string).
 */
const NEST_EXCEPTIONS: Record<number, readonly [code: string, error: string]> = {
  400: ['BadRequestException', 'Bad Request'],
  401: ['UnauthorizedException', 'Unauthorized'],
  403: ['ForbiddenException', 'Forbidden'],
  404: ['NotFoundException', 'Not Found'],
  405: ['MethodNotAllowedException', 'Method Not Allowed'],
  409: ['ConflictException', 'Conflict'],
  413: ['PayloadTooLargeException', 'Payload Too Large'],
  422: ['UnprocessableEntityException', 'Unprocessable Entity'],
  500: ['InternalServerErrorException', 'Internal Server Error'],
  502: ['BadGatewayException', 'Bad Gateway'],
  503: ['ServiceUnavailableException', 'Service Unavailable'],
  504: ['GatewayTimeoutException', 'Gateway Timeout'],
};

/** The exception name Cal.com reports for an HTTP status (`exception.name`). */
function calErrorCode(status: number): string {
  if (status === 429) return 'ThrottlerException';
  if (status === 498) return 'TokenExpiredException';
  return NEST_EXCEPTIONS[status]?.[0] ?? 'HttpException';
}

/**
 * `exception.getResponse()`, Cal.com's `error.details`: `{ message, error, statusCode }` for a Nest
 * built-in exception made from a string, the string itself for an exception that passes its message
 * straight to `HttpException` (`TokenExpiredException`: apps/api/v2/src/modules/auth/guards/api-auth/
 * token-expired.exception.ts @ 1c6f2d9fe9aadf115075252fb378fa4832b36ccd; `ThrottlerException`).
 */
function nestDetails(status: number, code: string, message: string): unknown {
  const builtIn = NEST_EXCEPTIONS[status];
  if (builtIn === undefined || builtIn[0] !== code) return message;
  return { message, error: builtIn[1], statusCode: status };
}

/**
 * Cal.com's error envelope, `{ status: 'error', timestamp, path, error: { code, message, details } }`
 * (apps/api/v2/src/filters/http-exception.filter.ts @ a557978101864a73c26800423937f67ed1c89975).
 */
function calErrorBody(
  timestamp: number,
  path: string,
  message: string,
  code: string,
  details: unknown,
): unknown {
  return {
    status: 'error',
    timestamp: new Date(timestamp).toISOString(),
    path,
    error: { code, message, details },
  };
}

/**
 * A Cal.com error answer: the envelope (stamped with the model's clock) and a new `X-Request-Id`. Used
 * for every error of the fake and for faults the sandbox and the MSW handlers inject on Cal.com routes.
 * `details` defaults to what Nest's `getResponse()` gives for `code` and `message`.
 */
export function calErrorResponse(
  model: CalFakeModel,
  path: string,
  status: number,
  message: string,
  code = calErrorCode(status),
  details: unknown = nestDetails(status, code, message),
): CalResponse {
  return {
    status,
    headers: { 'X-Request-Id': model.requestId() },
    body: calErrorBody(model.now(), path, message, code, details),
  };
}

/** apps/api/v2/src/modules/auth/strategies/api-auth/api-auth.strategy.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96 */
const NO_AUTH =
  "ApiAuthStrategy - No authentication method provided. Either pass an API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers";

/** apps/api/v2/src/lib/throttler-guard.ts @ 42e7dc494dfba03e5ca5224a418c57c012bdac3e */
const THROTTLED = 'CustomThrottlerGuard - Too many requests. Please try again later.';

/**
 * Rate-limit headers as Cal.com's throttler names them (the `default` throttler); no `Retry-After`,
 * as its guard overrides the base guard's `handleRequest`, which sets that header.
 */
function rateLimitHeaders(state: CalFakeRateLimitState | undefined): Record<string, string> {
  if (state === undefined) return {};
  return {
    'X-RateLimit-Limit-Default': String(state.limit),
    'X-RateLimit-Remaining-Default': String(state.remaining),
    'X-RateLimit-Reset-Default': String(state.resetSeconds),
  };
}

class HttpFailure {
  constructor(
    readonly status: number,
    readonly message: string,
    readonly code = calErrorCode(status),
  ) {}
}

const fail = (status: number, message: string): never => {
  throw new HttpFailure(status, message);
};

const fromFailure = (failure: CalFakeFailure): never => {
  throw new HttpFailure(failure.status, failure.message, failure.code);
};

// ---------------------------------------------------------------------------------------------------
// Output shapes
// ---------------------------------------------------------------------------------------------------

/**
 * `GET /v2/me`: `userSchemaResponse.parse(user)`, a plain zod object, so only its keys reach the JSON
 * (apps/api/v2/src/ee/me/me.controller.ts @ 5f5010ca19a27ca197381008b0d24cd42eff7ab0), as the schema
 * stood in October 2025 (packages/platform/types/me.ts @ 1f5174e67681d89e34d9cbb5cf850ea26ec4171d). The
 * model's `name`, `avatarUrl`, `bio` and `locale` stay on AISquare's user endpoint. A user without an
 * organization has `organizationId: null` and no `organization`.
 */
function meOutput(user: CalFakeUser) {
  return {
    id: user.id,
    email: user.email,
    timeFormat: user.timeFormat,
    defaultScheduleId: user.defaultScheduleId,
    weekStart: user.weekStart,
    timeZone: user.timeZone,
    username: user.username,
    organizationId: null,
  };
}

/** The system fields written like `notes` (`required`, `disableOnPrefill` and `hidden`, label and placeholder if set). */
const SYSTEM_FIELDS = new Set([
  'email',
  'rescheduleReason',
  'title',
  'notes',
  'guests',
  'attendeePhoneNumber',
]);

/**
 * One booking field in its 2024-06-14 output variant (ET/transformers/internal-to-api/booking-fields.ts
 * and PT/outputs/booking-fields.output.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96, where ET =
 * apps/api/v2/src/ee/event-types/event-types_2024_06_14 and PT =
 * packages/platform/types/event-types/event-types_2024_06_14): the system `name` field has no `hidden`,
 * `location` no `placeholder` or `disableOnPrefill`; a custom field is `isDefault: false` with
 * `required`, `disableOnPrefill` and `hidden`, and a `label` that is `''` rather than absent for the
 * text-like types; a field Cal.com cannot read is `{ type: 'unknown', slug: 'unknown', bookingField }`.
 */
function bookingFieldOutput(field: CalFakeBookingField): Record<string, unknown> {
  const label = field.label === undefined ? {} : { label: field.label };
  const placeholder = field.placeholder === undefined ? {} : { placeholder: field.placeholder };
  const disableOnPrefill = field.disableOnPrefill === true;
  const unknown = { type: 'unknown', slug: 'unknown', bookingField: JSON.stringify(field) };
  if (field.isDefault) {
    const base = { isDefault: true, type: field.type, slug: field.slug, required: field.required };
    if (field.slug === 'name') return { ...base, ...label, ...placeholder, disableOnPrefill };
    if (field.slug === 'location') return { ...base, hidden: field.hidden, ...label };
    if (SYSTEM_FIELDS.has(field.slug)) {
      return { ...base, ...label, ...placeholder, disableOnPrefill, hidden: field.hidden };
    }
    return unknown;
  }
  const base = {
    isDefault: false,
    type: field.type,
    slug: field.slug,
    required: field.required,
    disableOnPrefill,
    hidden: field.hidden,
  };
  const options = { options: [...(field.options ?? [])] };
  switch (field.type) {
    case 'phone':
    case 'text':
    case 'textarea':
    case 'multiemail':
    case 'url':
      return { ...base, label: field.label ?? '', ...placeholder };
    case 'address':
    case 'number':
      return { ...base, ...label, ...placeholder };
    case 'boolean':
      return { ...base, ...label };
    case 'select':
      return { ...base, ...label, ...placeholder, ...options };
    case 'multiselect':
    case 'checkbox':
    case 'radio':
      return { ...base, ...label, ...options };
    default:
      return unknown;
  }
}

/**
 * An event type as `GET /v2/event-types` (2024-06-14) lists it: `getResponseEventType`'s keys in its
 * order (ET/services/output-event-types.service.ts @ f0ac6126fbf673cb8202562293bf12d976ccaa49), with the
 * values a user event type created with Cal.com's defaults has; the keys that service leaves
 * `undefined` for such a type (`bookingLimitsCount`, `bookingLimitsDuration`, `bookerLayouts`, `color`,
 * `customName`, `destinationCalendar`) are absent. `seatsPerTimeSlot` and `seatsShowAvailabilityCount`
 * are never sent (`seats` carries them); `recurrence` is `null` or carries the `disabled: false` its
 * class initialises (PT/inputs/recurrence.input.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96). The list
 * drops every booking field with `hidden: true` (`getResponseEventTypesWithoutHiddenFields`).
 * `calVideoSettings` and the December 2025 keys are left out: see the module comment.
 */
function eventTypeOutput(eventType: CalFakeEventType, owner: CalFakeUser) {
  const options = eventType.lengthInMinutesOptions;
  return {
    id: eventType.id,
    ownerId: eventType.ownerId,
    lengthInMinutes: eventType.lengthInMinutes,
    ...(options ? { lengthInMinutesOptions: [...options] } : {}),
    title: eventType.title,
    slug: eventType.slug,
    description: eventType.description,
    locations: EVENT_TYPE_LOCATIONS.map((location) => ({ ...location })),
    bookingFields: eventType.bookingFields.filter((field) => !field.hidden).map(bookingFieldOutput),
    recurrence:
      eventType.recurrence === null
        ? null
        : {
            disabled: false,
            interval: eventType.recurrence.interval,
            occurrences: eventType.recurrence.occurrences,
            frequency: eventType.recurrence.frequency,
          },
    disableGuests: false,
    slotInterval: eventType.slotInterval,
    minimumBookingNotice: eventType.minimumBookingNotice,
    beforeEventBuffer: eventType.beforeEventBuffer,
    afterEventBuffer: eventType.afterEventBuffer,
    // The event type's metadata, where a choice of lengths lives (`lengthInMinutesOptions` is read from it).
    metadata: options ? { multipleDuration: [...options] } : {},
    price: 0,
    currency: 'usd',
    lockTimeZoneToggleOnBookingPage: false,
    forwardParamsSuccessRedirect: true,
    successRedirectUrl: null,
    isInstantEvent: false,
    users: [
      {
        id: owner.id,
        name: owner.name,
        username: owner.username,
        avatarUrl: owner.avatarUrl,
        brandColor: null,
        darkBrandColor: null,
        weekStart: owner.weekStart,
        metadata: {},
      },
    ],
    scheduleId: eventType.scheduleId,
    onlyShowFirstAvailableSlot: false,
    offsetStart: 0,
    bookingWindow: { disabled: true },
    confirmationPolicy: { disabled: true },
    requiresBookerEmailVerification: false,
    hideCalendarNotes: false,
    seats: { disabled: true },
    useDestinationCalendarEmail: false,
    hideCalendarEventDetails: false,
    hideOrganizerEmail: false,
    hidden: eventType.hidden,
    bookingRequiresAuthentication: false,
    bookerActiveBookingsLimit: { disabled: true },
  };
}

/** Cal.com's `displayEmail`: the address without a managed user's `+<25 characters>` tag. */
const displayEmail = (email: string) => email.replace(/\+[a-zA-Z0-9]{25}/, '');

/**
 * The parts every booking output shares, in the key order of Cal.com's output service
 * (apps/api/v2/src/ee/bookings/2024-08-13/services/output.service.ts
 * @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96): `cancellationReason` and `cancelledByEmail` are `''`
 * when there is none, `updatedAt`, `rating` and `icsUid` are always there (`null` when unset), and a
 * deleted host is the string `"unknown"` (`getHost`, no `timeZone`).
 */
function bookingParts(booking: CalFakeBooking, model: CalFakeModel) {
  const owner = model.getUser(booking.ownerSub);
  const eventType = model.eventType(booking.eventTypeId);
  const iso = (ms: number) => new Date(ms).toISOString();
  const responses: Record<string, unknown> = { ...booking.responses };
  if (typeof responses.email === 'string') responses.displayEmail = displayEmail(responses.email);
  if (Array.isArray(responses.guests)) {
    responses.displayGuests = responses.guests.map((guest) =>
      typeof guest === 'string' ? displayEmail(guest) : guest,
    );
  }
  const reason = booking.responses.rescheduledReason;
  return {
    head: {
      id: booking.id,
      uid: booking.uid,
      title: booking.title,
      description: booking.description,
      hosts: owner
        ? [
            {
              id: owner.id,
              name: owner.name,
              email: owner.email,
              displayEmail: displayEmail(owner.email),
              username: owner.username,
              timeZone: owner.timeZone,
            },
          ]
        : [
            {
              id: 'unknown',
              name: 'unknown',
              email: 'unknown',
              displayEmail: 'unknown',
              username: 'unknown',
            },
          ],
      status: booking.status,
      cancellationReason: booking.cancellationReason ?? '',
      cancelledByEmail: booking.cancelledByEmail ?? '',
      ...(typeof reason === 'string' ? { reschedulingReason: reason } : {}),
    },
    rescheduledByEmail: booking.rescheduledByEmail ?? null,
    rescheduledFromUid: booking.rescheduledFromUid,
    rescheduledToUid: booking.rescheduledToUid,
    times: {
      start: iso(booking.start),
      end: iso(booking.end),
      duration: Math.round((booking.end - booking.start) / 60_000),
      eventTypeId: eventType ? booking.eventTypeId : null,
      eventType: eventType ? { id: booking.eventTypeId, slug: eventType.slug } : null,
      meetingUrl: booking.location,
      location: booking.location,
      absentHost: false,
      createdAt: iso(booking.createdAt),
      updatedAt: booking.updatedAt === null ? null : iso(booking.updatedAt),
      rating: null,
      icsUid: `${booking.uid}@Cal.com`,
    },
    attendee: {
      name: booking.attendee.name,
      email: booking.attendee.email,
      displayEmail: displayEmail(booking.attendee.email),
      timeZone: booking.attendee.timeZone,
      language: booking.attendee.language,
      absent: false,
    },
    guests: booking.guests.length > 0 ? { guests: [...booking.guests] } : {},
    bookingFieldsResponses: responses,
    metadata: { ...booking.metadata },
  };
}

/** `BookingOutput_2024_08_13` (`getOutputBooking`). */
function singleBookingOutput(booking: CalFakeBooking, model: CalFakeModel) {
  const parts = bookingParts(booking, model);
  return {
    ...parts.head,
    rescheduledByEmail: parts.rescheduledByEmail,
    ...(parts.rescheduledFromUid !== undefined
      ? { rescheduledFromUid: parts.rescheduledFromUid }
      : {}),
    ...(parts.rescheduledToUid !== undefined ? { rescheduledToUid: parts.rescheduledToUid } : {}),
    ...parts.times,
    attendees: [
      {
        ...parts.attendee,
        ...(booking.attendee.phoneNumber !== undefined
          ? { phoneNumber: booking.attendee.phoneNumber }
          : {}),
      },
    ],
    ...parts.guests,
    bookingFieldsResponses: parts.bookingFieldsResponses,
    metadata: parts.metadata,
  };
}

/**
 * `RecurringBookingOutput_2024_08_13` (`getOutputRecurringBooking`): one occurrence of a series, with
 * `recurringBookingUid`; no `rescheduledToUid` or `rescheduledByEmail`, no attendee `phoneNumber`.
 */
function recurringBookingOutput(booking: CalFakeBooking, model: CalFakeModel) {
  const parts = bookingParts(booking, model);
  return {
    ...parts.head,
    ...(parts.rescheduledFromUid !== undefined
      ? { rescheduledFromUid: parts.rescheduledFromUid }
      : {}),
    ...parts.times,
    attendees: [parts.attendee],
    ...parts.guests,
    bookingFieldsResponses: parts.bookingFieldsResponses,
    recurringBookingUid: booking.recurringEventId as string,
    metadata: parts.metadata,
  };
}

/** A booking as Cal.com writes it: an occurrence of a series as such, any other as a booking. */
function bookingOutput(booking: CalFakeBooking, model: CalFakeModel) {
  return booking.recurringEventId === undefined
    ? singleBookingOutput(booking, model)
    : recurringBookingOutput(booking, model);
}

/** A whole series, in order of start (Cal.com's `getOutputRecurringBookings`). */
function seriesOutput(series: readonly CalFakeBooking[], model: CalFakeModel) {
  return [...series]
    .sort((a, b) => a.start - b.start)
    .map((booking) => recurringBookingOutput(booking, model));
}

/** Cal.com's `pagination` object (apps/api/v2/src/lib/pagination). */
export function calPagination(skip: number, take: number, totalItems: number) {
  const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));
  const safeSkip = clamp(skip, 0, totalItems);
  const totalPages = take !== 0 ? Math.ceil(totalItems / take) : 0;
  const rawPage = Math.floor(safeSkip / take) + 1;
  return {
    returnedItems: clamp(totalItems - safeSkip, 0, take),
    totalItems,
    itemsPerPage: take,
    remainingItems: clamp(totalItems - (safeSkip + take), 0, totalItems),
    currentPage: totalPages === 0 ? 0 : clamp(rawPage, 1, totalPages),
    totalPages,
    hasNextPage: safeSkip + take < totalItems,
    hasPreviousPage: safeSkip > 0,
  };
}

// ---------------------------------------------------------------------------------------------------
// Input parsing
// ---------------------------------------------------------------------------------------------------

/** The JSON body: `{}` when there is none. */
function parseJsonBody(text: string | undefined): Record<string, unknown> {
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

function intParam(query: URLSearchParams, name: string, min = 0): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    return fail(400, `${name} must be an integer${min > 0 ? ` not less than ${min}` : ''}`);
  }
  return value;
}

function instantParam(query: URLSearchParams, name: string, required: boolean): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return required ? fail(400, `${name} must be a valid ISO 8601 date string`) : undefined;
  }
  const value = parseInstant(raw);
  if (value === undefined) return fail(400, `${name} must be a valid ISO 8601 date string`);
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An e-mail address as the fake checks it, in one pass: one `@` with text before it, a dot inside the
 * domain with text on both sides, no whitespace. The regex it replaces
 * (`/^[^\s@]+@[^\s@]+\.[^\s@]+$/`) backtracked: `"a@" + "a.".repeat(30000) + "@"` held every client of
 * the sandbox for seconds.
 */
export function isEmailAddress(value: string): boolean {
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@') || /\s/.test(value)) return false;
  const dot = value.indexOf('.', at + 2);
  return dot !== -1 && dot < value.length - 1;
}

/**
 * A class-validator error as the bookings pipes report it: the property, its failed constraints'
 * messages and its nested errors.
 */
interface Invalid {
  property: string;
  constraints: string[];
  children: Invalid[];
}

/**
 * The bookings pipes' message: `${property} property is wrong,${constraints} ${children}`, joined
 * with `', '` (packages/platform/types/bookings/2024-08-13/inputs/create-booking-input.pipe.ts
 * @ 51442f5ecb3ff25bfdf6f5cb5b75c014b058f149 and cancel-booking-input.pipe.ts
 * @ 03670679c00d600615e8df2bc64545bd51c61646, `formatErrors`).
 */
function formatInvalid(errors: readonly Invalid[]): string {
  return errors
    .map(
      (error) =>
        `${error.property} property is wrong,${error.constraints.join(', ')} ${
          error.children.length > 0 ? formatInvalid(error.children) : ''
        }`,
    )
    .join(', ');
}

/**
 * Collects class-validator errors for one object validated with `whitelist: true,
 * forbidNonWhitelisted: true`: a key the class lacks comes first (`property <key> should not exist`),
 * then each property in the order the class declares it.
 */
function validator(body: Record<string, unknown>, allowed: readonly string[]) {
  const errors: Invalid[] = Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({
      property: key,
      constraints: [`property ${key} should not exist`],
      children: [],
    }));
  return {
    errors,
    /** Records a failed constraint of `property` (nested errors with `children`). */
    add(property: string, constraints: string[], children: Invalid[] = []) {
      if (constraints.length > 0 || children.length > 0) {
        errors.push({ property, constraints, children });
      }
    },
  };
}

const isString = (value: unknown) => typeof value === 'string';
const isInt = (value: unknown) => typeof value === 'number' && Number.isInteger(value);
const optional = (value: unknown) => value === undefined || value === null;

/**
 * `BookingLanguage` (packages/platform/types/bookings/2024-08-13/inputs/language.ts
 * @ 42e7dc494dfba03e5ca5224a418c57c012bdac3e), in its order: `attendee.language` must be one of them.
 */
const BOOKING_LANGUAGES = [
  'ar',
  'ca',
  'de',
  'es',
  'eu',
  'he',
  'id',
  'ja',
  'lv',
  'pl',
  'ro',
  'sr',
  'th',
  'vi',
  'az',
  'cs',
  'el',
  'es-419',
  'fi',
  'hr',
  'it',
  'km',
  'nl',
  'pt',
  'ru',
  'sv',
  'tr',
  'zh-CN',
  'bg',
  'da',
  'en',
  'et',
  'fr',
  'hu',
  'iw',
  'ko',
  'no',
  'pt-BR',
  'sk',
  'ta',
  'uk',
  'zh-TW',
  'bn',
];

/** The keys of `CreateBookingInput_2024_08_13`, in declaration order. */
const CREATE_KEYS = [
  'start',
  'attendee',
  'bookingFieldsResponses',
  'eventTypeId',
  'eventTypeSlug',
  'username',
  'teamSlug',
  'organizationSlug',
  'guests',
  'meetingUrl',
  'location',
  'metadata',
  'lengthInMinutes',
  'routing',
  'emailVerificationCode',
] as const;

/**
 * The metadata rule (packages/platform/types/bookings/2024-08-13/inputs/validators/validate-metadata.ts
 * @ 03670679c00d600615e8df2bc64545bd51c61646): at most 50 keys, each at most 40 characters, values
 * strings of at most 500 characters, numbers or booleans.
 */
function isValidMetadata(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  if (keys.length > 50) return false;
  return keys.every((key) => {
    const item = (value as Record<string, unknown>)[key];
    if (key.length > 40) return false;
    if (typeof item === 'number' || typeof item === 'boolean') return true;
    return typeof item === 'string' && item.length <= 500;
  });
}

/** The message `@ValidateMetadata` is given in create-booking.input.ts. */
const METADATA_MESSAGE =
  'Metadata must have at most 50 keys, each key up to 40 characters, and string values up to 500 characters.';

/**
 * Validates a `POST /v2/bookings` body as Cal.com's pipe does (create-booking-input.pipe.ts
 * @ 51442f5ecb3ff25bfdf6f5cb5b75c014b058f149: the recurring input when the body has its own
 * `recurrenceCount`, the instant one when `instant === true`, else the plain one; `validateSync` with
 * `whitelist` and `forbidNonWhitelisted`, so any other key is a 400) against the decorators of
 * create-booking.input.ts @ 9527f3c977bbad000f98b436b17fca7aa9594fa4. Two of that file's checks never
 * fire: `attendee.email`/`phoneNumber` use `@Validate` with a plain function, which registers no
 * constraint, and the `location` validator is async, which `validateSync` never awaits
 * (class-validator's `customValidations`); `location` is checked later, against the event type.
 */
function validateCreateBody(body: Record<string, unknown>): void {
  const recurring = Object.hasOwn(body, 'recurrenceCount');
  const instant = !recurring && body.instant === true;
  const allowed: string[] = [...CREATE_KEYS];
  if (recurring) allowed.push('recurrenceCount');
  if (instant) allowed.push('instant');
  const { errors, add } = validator(body, allowed);

  if (parseInstant(body.start) === undefined) {
    add('start', ['start must be a valid ISO 8601 date string']);
  }
  const attendee = body.attendee;
  if (attendee === undefined || attendee === null) {
    add('attendee', [
      'attendee should not be null or undefined',
      ...(attendee === null ? ['nested property attendee must be either object or array'] : []),
    ]);
  } else if (!isRecord(attendee)) {
    add('attendee', ['nested property attendee must be either object or array']);
  } else {
    const child = validator(attendee, ['name', 'email', 'timeZone', 'phoneNumber', 'language']);
    if (!isString(attendee.name)) child.add('name', ['name must be a string']);
    if (!isTimeZone(attendee.timeZone)) {
      child.add('timeZone', ['timeZone must be a valid IANA time-zone']);
    }
    if (!optional(attendee.language) && !BOOKING_LANGUAGES.includes(String(attendee.language))) {
      child.add('language', [
        `language must be one of the following values: ${BOOKING_LANGUAGES.join(', ')}`,
      ]);
    }
    if (!attendee.email && !attendee.phoneNumber) {
      child.add('attendee email or phone', [
        'Attendee must have at least one contact method (email or phone number)',
      ]);
    }
    add('attendee', [], child.errors);
  }
  if (!optional(body.bookingFieldsResponses) && !isRecord(body.bookingFieldsResponses)) {
    add('bookingFieldsResponses', ['bookingFieldsResponses must be an object']);
  }
  if (!optional(body.eventTypeId) && !isInt(body.eventTypeId)) {
    add('eventTypeId', ['eventTypeId must be an integer number']);
  }
  for (const key of ['eventTypeSlug', 'username', 'teamSlug', 'organizationSlug'] as const) {
    if (!optional(body[key]) && !isString(body[key])) add(key, [`${key} must be a string`]);
  }
  if (!optional(body.guests)) {
    const guests = body.guests;
    add('guests', [
      ...((Array.isArray(guests) ? guests : [guests]).every(isString)
        ? []
        : ['each value in guests must be a string']),
      ...(Array.isArray(guests) ? [] : ['guests must be an array']),
    ]);
  }
  if (
    !optional(body.meetingUrl) &&
    !(isString(body.meetingUrl) && /^(https?:\/\/)?[^\s/$.?#]+\.[^\s]+$/i.test(body.meetingUrl))
  ) {
    add('meetingUrl', ['meetingUrl must be a URL address']);
  }
  if (!optional(body.metadata)) {
    add('metadata', [
      ...(isValidMetadata(body.metadata) ? [] : [METADATA_MESSAGE]),
      ...(isRecord(body.metadata) ? [] : ['metadata must be an object']),
    ]);
  }
  for (const key of ['lengthInMinutes', ...(recurring ? ['recurrenceCount'] : [])]) {
    const value = body[key];
    if (optional(value)) continue;
    add(key, [
      ...(typeof value === 'number' && value >= 1 ? [] : [`${key} must not be less than 1`]),
      ...(isInt(value) ? [] : [`${key} must be an integer number`]),
    ]);
  }
  if (!optional(body.routing)) {
    const routing = body.routing;
    if (!isRecord(routing)) {
      add('routing', ['nested property routing must be either object or array']);
    } else {
      const child = validator(routing, [
        'responseId',
        'teamMemberIds',
        'teamMemberEmail',
        'skipContactOwner',
        'crmAppSlug',
        'crmOwnerRecordType',
      ]);
      if (!isInt(routing.responseId))
        child.add('responseId', ['responseId must be an integer number']);
      const ids = routing.teamMemberIds;
      child.add('teamMemberIds', [
        ...((Array.isArray(ids) ? ids : [ids]).every(isInt)
          ? []
          : ['each value in teamMemberIds must be an integer number']),
        ...(Array.isArray(ids) ? [] : ['teamMemberIds must be an array']),
      ]);
      add('routing', [], child.errors);
    }
  }
  if (!optional(body.emailVerificationCode) && !isString(body.emailVerificationCode)) {
    add('emailVerificationCode', ['emailVerificationCode must be a string']);
  }
  const identified =
    Boolean(body.eventTypeId) ||
    (Boolean(body.eventTypeSlug) && (Boolean(body.username) || Boolean(body.teamSlug)));
  if (!identified) {
    add('eventTypeId or eventTypeSlug + username', [
      'Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided',
    ]);
  }
  if (errors.length > 0) fail(400, formatInvalid(errors));
}

/** The id of `username`'s event type `slug`, `undefined` when it has none; 404 for an unknown user. */
function eventTypeIdBySlug(
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
function parseCreateBody(body: Record<string, unknown>, model: CalFakeModel) {
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
    instant: body.instant === true,
  };
}

/**
 * A cancel body as Cal.com's pipe takes it (cancel-booking-input.pipe.ts
 * @ 03670679c00d600615e8df2bc64545bd51c61646, cancel-booking.input.ts
 * @ 1016df5bc34cb1da392f14dddfe72cd22dbc25b7): `{ cancellationReason?, cancelSubsequentBookings? }`, or
 * the seated input when it has its own `seatUid`; any other key is a 400.
 */
function parseCancelBody(body: Record<string, unknown>) {
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
function parseRescheduleBody(body: Record<string, unknown>) {
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

// ---------------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------------

const MAX_SLOT_RANGE_MS = 400 * DAY_MS;

function slotsData(model: CalFakeModel, query: URLSearchParams) {
  const from = instantParam(query, 'start', true) as number;
  let to = instantParam(query, 'end', true) as number;
  // Cal.com reads a date-only (midnight UTC) `end` as the end of that day.
  if (isMidnightUtc(to)) to += DAY_MS - 1000;
  // apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots.service.ts
  // @ f0ac6126fbf673cb8202562293bf12d976ccaa49 (the slots engine's "Invalid time range given").
  if (to < from) {
    fail(400, "Invalid time range given - check the 'start' and 'end' query parameters.");
  }
  if (to - from > MAX_SLOT_RANGE_MS)
    fail(400, 'The range from start to end must not exceed 400 days.');
  const timeZone = query.get('timeZone') ?? undefined;
  if (timeZone !== undefined && !isTimeZone(timeZone)) fail(400, `Invalid time zone: ${timeZone}`);
  const format = query.get('format') ?? 'time';
  if (format !== 'time' && format !== 'range')
    fail(400, 'format must be one of the following values: time, range');
  const duration = intParam(query, 'duration', 1);

  let eventTypeId = intParam(query, 'eventTypeId', 1);
  if (eventTypeId === undefined) {
    const slug = query.get('eventTypeSlug');
    const username = query.get('username');
    if (slug === null || username === null) {
      fail(400, 'Either eventTypeId, or eventTypeSlug with username, must be provided');
    }
    eventTypeId = eventTypeIdBySlug(model, username as string, slug as string);
  }
  if (eventTypeId === undefined || model.eventType(eventTypeId) === undefined) {
    fail(404, 'Event Type not found');
  }
  const zone = timeZone ?? 'UTC';
  const data: Record<string, { start: string; end?: string }[]> = {};
  for (const slot of model.slots(eventTypeId as number, from, to, {
    duration,
    ignoreBookingUid: query.get('bookingUidToReschedule') ?? undefined,
  })) {
    const start = formatInZone(slot.start, zone);
    // The local date leads the ISO string; only a year past 9999 (more digits, or a sign) asks again.
    const key = start.charAt(10) === 'T' ? start.slice(0, 10) : dateKey(slot.start, zone);
    const entry = format === 'range' ? { start, end: formatInZone(slot.end, zone) } : { start };
    const day = data[key] ?? [];
    day.push(entry);
    data[key] = day;
  }
  return data;
}

const STATUSES = ['upcoming', 'recurring', 'past', 'cancelled', 'unconfirmed'] as const;

function bookingsList(model: CalFakeModel, sub: string, query: URLSearchParams) {
  const take = intParam(query, 'take') ?? 100;
  const skip = intParam(query, 'skip') ?? 0;
  const statuses = (query.get('status') ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  for (const status of statuses) {
    if (!(STATUSES as readonly string[]).includes(status)) {
      fail(400, `status must be one of the following values: ${STATUSES.join(', ')}`);
    }
  }
  const sortStart = query.get('sortStart');
  if (sortStart !== null && sortStart !== 'asc' && sortStart !== 'desc') {
    fail(400, 'sortStart must be one of the following values: asc, desc');
  }
  const afterStart = instantParam(query, 'afterStart', false);
  const beforeEnd = instantParam(query, 'beforeEnd', false);
  const eventTypeId = intParam(query, 'eventTypeId', 1);
  const attendeeEmail = query.get('attendeeEmail');
  const now = model.now();
  const live = (booking: CalFakeBooking) =>
    booking.status === 'accepted' || booking.status === 'pending';
  const matchesStatus = (booking: CalFakeBooking, status: (typeof STATUSES)[number]) => {
    switch (status) {
      case 'upcoming':
        return booking.end >= now && live(booking);
      case 'past':
        return booking.end <= now && live(booking);
      case 'cancelled':
        return booking.status === 'cancelled' || booking.status === 'rejected';
      case 'unconfirmed':
        return booking.end >= now && booking.status === 'pending';
      case 'recurring':
        // The occurrences of series still to come and not cancelled or rejected.
        return booking.recurringEventId !== undefined && booking.end >= now && live(booking);
    }
  };
  const matching = model
    .bookings(sub)
    .filter(
      (booking) =>
        (statuses.length === 0 ||
          statuses.some((status) => matchesStatus(booking, status as (typeof STATUSES)[number]))) &&
        (afterStart === undefined || booking.start >= afterStart) &&
        (beforeEnd === undefined || booking.end <= beforeEnd) &&
        (eventTypeId === undefined || booking.eventTypeId === eventTypeId) &&
        (attendeeEmail === null || booking.attendee.email === attendeeEmail),
    );
  // Cal.com's default order: past and cancelled lists newest first, every other list oldest first.
  const descending =
    sortStart === 'desc' ||
    (sortStart === null &&
      statuses.length === 1 &&
      (statuses[0] === 'past' || statuses[0] === 'cancelled'));
  matching.sort((a, b) => (descending ? b.start - a.start : a.start - b.start) || a.id - b.id);
  return {
    data: matching.slice(skip, skip + take).map((booking) => bookingOutput(booking, model)),
    pagination: calPagination(skip, take, matching.length),
  };
}

function eventTypesData(model: CalFakeModel, sub: string | undefined, query: URLSearchParams) {
  const username = query.get('username');
  const eventSlug = query.get('eventSlug');
  let ownerSub = sub;
  let includeHidden = true;
  if (username !== null) {
    ownerSub = model.findSubByUsername(username);
    if (ownerSub === undefined) return [];
    includeHidden = ownerSub === sub;
  }
  // Neither a token nor a username: an empty list (ET/services/event-types.service.ts
  // @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96, `getEventTypes`).
  if (ownerSub === undefined) return [];
  const owner = model.getUser(ownerSub) as CalFakeUser;
  return model
    .eventTypes(ownerSub)
    .filter(
      (type) => (includeHidden || !type.hidden) && (eventSlug === null || type.slug === eventSlug),
    )
    .map((type) => eventTypeOutput(type, owner));
}

/**
 * `GET /v2/bookings/{uid}` (bookings.service.ts @ 015b57aa35e8f11ded25dc1cedd7460a58440f72,
 * `getBooking`): the booking with that uid (an occurrence of a series as such), else every occurrence
 * of the series whose uid it is, whatever their status, else 404.
 */
function bookingOrSeries(model: CalFakeModel, uid: string) {
  const booking = model.booking(uid);
  if (booking !== undefined) return bookingOutput(booking, model);
  const series = model.series(uid);
  if (series.length === 0) return fromFailure(bookingNotFound(uid));
  return seriesOutput(series, model);
}

/**
 * `POST /v2/bookings/{uid}/cancel`, as Cal.com's bookings service runs it (bookings.service.ts
 * @ 015b57aa35e8f11ded25dc1cedd7460a58440f72 `cancelBooking`, input.service.ts
 * @ 01598ed41a205884e52f5c03577b81e41bce0fff `transformInputCancelBooking`): a series' uid cancels its
 * occurrences still to come and answers the whole series; `cancelSubsequentBookings` on one occurrence
 * cancels it and the later ones and answers the series; on a booking outside a series it cancels the
 * booking, then answers 400 (Cal.com checks only while building the answer).
 */
function cancel(
  model: CalFakeModel,
  uid: string,
  input: ReturnType<typeof parseCancelBody>,
  cancelledBy: string | undefined,
) {
  const by = cancelledBy === undefined ? {} : { cancelledBy };
  const reason =
    input.cancellationReason === undefined ? {} : { cancellationReason: input.cancellationReason };
  if (input.seatUid !== undefined) {
    // The fake has no seated event types, so no seat exists.
    return fail(400, 'Invalid seatUid: this seat does not exist or has already been cancelled.');
  }
  if (model.booking(uid) === undefined && model.series(uid).length > 0) {
    if (input.cancelSubsequentBookings) {
      fail(
        400,
        'Cannot cancel subsequent bookings for recurring event - you have to provide uid of one of the individual bookings of a recurring booking.',
      );
    }
    const result = model.cancelSeries(uid, { ...reason, ...by });
    if (!result.ok) return fromFailure(result.failure);
    return seriesOutput(result.bookings, model);
  }
  if (model.booking(uid) === undefined) return fail(404, `Booking with uid=${uid} not found`);
  const result = model.cancelBooking(uid, {
    ...reason,
    ...by,
    cancelSubsequentBookings: input.cancelSubsequentBookings,
  });
  if (!result.ok) return fromFailure(result.failure);
  if (input.cancelSubsequentBookings) {
    const seriesUid = result.booking.recurringEventId;
    if (seriesUid === undefined) {
      return fail(400, `Booking with bookingUid=${uid} is not part of a recurring booking.`);
    }
    return seriesOutput(model.series(seriesUid), model);
  }
  return bookingOutput(result.booking, model);
}

/**
 * Answers one Cal.com API v2 request. Steps, in Cal.com's order: route (404), the throttler (a global
 * guard: it counts every request, by its bearer token when there is one, before any auth; 429), the
 * route's auth guard (498 for an expired token, 401 for an unknown one or from an origin not allowed,
 * also where auth is optional; `GET /v2/slots` has none and never reads the token), `cal-api-version`
 * (400 here, see below), authentication required (401), validation (400), the handler.
 *
 * A missing or unknown `cal-api-version` makes Cal.com silently serve an older version of the endpoint,
 * with other shapes. The fake answers 400 instead, so a client that forgets the header fails loudly in
 * tests rather than parsing an old shape.
 */
export function handleCalRequest(model: CalFakeModel, request: CalRequest): CalResponse {
  /** The rate-limit headers, once the throttler has counted the request. */
  let limitHeaders: Record<string, string> = {};
  const path = request.url ?? request.pathname;
  const error = (failure: HttpFailure): CalResponse => {
    const answer = calErrorResponse(model, path, failure.status, failure.message, failure.code);
    return { ...answer, headers: { ...answer.headers, ...limitHeaders } };
  };
  try {
    const route = matchCalRoute(request.method, request.pathname);
    if (route === undefined)
      return error(
        new HttpFailure(404, `Cannot ${request.method.toUpperCase()} ${request.pathname}`),
      );

    const authorization = request.headers('authorization');
    const token = authorization?.replace(/^Bearer\s+/i, '').trim() ?? '';

    // Cal.com's throttler tracks a request by its bearer value, whatever it is, without checking it
    // (apps/api/v2/src/lib/throttler-guard.ts @ 42e7dc494dfba03e5ca5224a418c57c012bdac3e).
    const limit = model.hitRateLimit(token !== '' ? `access_token_${token}` : 'anonymous');
    limitHeaders = rateLimitHeaders(limit);
    if (limit?.blocked) return error(new HttpFailure(429, THROTTLED));

    let sub: string | undefined;
    if (route.auth !== 'none' && token !== '') {
      // The auth guards rethrow a bad token even where authentication is optional
      // (apps/api/v2/src/modules/auth/guards/optional-api-auth/optional-api-auth.guard.ts
      // @ 30f11f51f04983191e1299b9001063944e5f8ecd).
      const lookup = model.lookupToken(token);
      if (lookup.kind === 'expired') return error(new HttpFailure(498, 'ACCESS_TOKEN_IS_EXPIRED'));
      if (lookup.kind === 'unknown') return error(new HttpFailure(401, 'Invalid Access Token.'));
      sub = lookup.sub;
      const origin = request.headers('origin');
      if (origin !== undefined && !model.isOriginAllowed(origin)) {
        fail(
          401,
          `Invalid request origin - please open https://app.cal.com/settings/platform and add the origin '${origin}' to the 'Redirect uris' of your OAuth client.`,
        );
      }
    }

    if (route.version !== undefined) {
      const received = request.headers('cal-api-version');
      if (received !== route.version) {
        fail(
          400,
          `Missing or unsupported cal-api-version header: ${route.method} ${request.pathname} needs "cal-api-version: ${route.version}" (received ${received === undefined ? 'none' : `"${received}"`}). Cal.com would silently answer from an older version of this endpoint; the fake refuses instead.`,
        );
      }
    }

    if (route.auth === 'required' && sub === undefined) fail(401, NO_AUTH);

    const ok = (
      status: number,
      data: unknown,
      extra: Record<string, unknown> = {},
    ): CalResponse => ({
      status,
      headers: { 'X-Request-Id': model.requestId(), ...limitHeaders },
      body: { status: 'success', data, ...extra },
    });
    const authUser = sub === undefined ? undefined : model.getUser(sub);

    switch (route.endpoint) {
      case 'cal.me':
        return ok(200, meOutput(authUser as CalFakeUser));
      case 'cal.eventTypes':
        return ok(200, eventTypesData(model, sub, request.query));
      case 'cal.slots':
        return ok(200, slotsData(model, request.query));
      case 'cal.bookings': {
        const { data, pagination } = bookingsList(model, sub as string, request.query);
        return ok(200, data, { pagination });
      }
      case 'cal.createBooking': {
        const { recurrenceCount, instant, ...input } = parseCreateBody(
          parseJsonBody(request.body),
          model,
        );
        const eventType = model.eventType(input.eventTypeId);
        if (eventType === undefined) {
          return fail(404, `Event type with id ${input.eventTypeId} not found.`);
        }
        // Every event type of the fake belongs to a user (bookings.service.ts createInstantBooking).
        if (instant) {
          fail(
            400,
            'Instant bookings are only supported for team event types, not individual user event types.',
          );
        }
        // Cal.com picks the output by the event type, not the body (bookings.service.ts
        // `createBooking`): a recurring type books its series and answers it, sorted by start; on any
        // other type `recurrenceCount` is accepted by the pipe and then unused (the regular path,
        // input.service.ts `transformInputCreateBooking`, never reads it).
        if (eventType.recurrence !== null) {
          const result = model.createRecurringBooking({ ...input, recurrenceCount });
          if (!result.ok) return fromFailure(result.failure);
          return ok(201, seriesOutput(result.bookings, model));
        }
        const result = model.createBooking(input);
        if (!result.ok) return fromFailure(result.failure);
        return ok(201, bookingOutput(result.booking, model));
      }
      case 'cal.booking':
        return ok(200, bookingOrSeries(model, route.uid as string));
      case 'cal.cancelBooking': {
        const input = parseCancelBody(parseJsonBody(request.body));
        return ok(200, cancel(model, route.uid as string, input, authUser?.email));
      }
      case 'cal.rescheduleBooking': {
        const input = parseRescheduleBody(parseJsonBody(request.body));
        const uid = route.uid as string;
        if (model.booking(uid) === undefined) return fromFailure(bookingNotFound(uid));
        if (input.seatUid !== undefined) {
          // The fake has no seated event types (input.service.ts transformInputRescheduleSeatedBooking).
          return fail(404, `Seat with uid=${input.seatUid} does not exist.`);
        }
        const result = model.rescheduleBooking(uid, {
          start: input.start,
          ...(input.reschedulingReason !== undefined
            ? { reschedulingReason: input.reschedulingReason }
            : {}),
          ...(input.rescheduledBy !== undefined ? { rescheduledBy: input.rescheduledBy } : {}),
        });
        if (!result.ok) return fromFailure(result.failure);
        return ok(201, bookingOutput(result.booking, model));
      }
    }
  } catch (thrown) {
    if (thrown instanceof HttpFailure) return error(thrown);
    throw thrown;
  }
}
