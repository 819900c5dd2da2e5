/**
 * One request to the Cal.com API v2 fake: routing, `cal-api-version`, auth (498 / 401 / origin),
 * Cal.com's throttler, validation and the envelopes, over a `CalFakeModel`. Transport-free: the sandbox
 * adapts Node's `IncomingMessage` to `CalRequest`, the MSW handlers adapt a fetch `Request`. No `node:`
 * import.
 *
 * @module
 */
import {
  bookingNotFound,
  type CalFakeBooking,
  type CalFakeEventType,
  type CalFakeFailure,
  type CalFakeModel,
  type CalFakeRateLimitState,
  type CalFakeUser,
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
  /** Whether a token is required (`true`) or optional (`false`). */
  auth: boolean;
  uid?: string;
}

const UID = '([A-Za-z0-9_-]+)';
const ROUTES: readonly [RegExp, Omit<CalRoute, 'uid'>][] = [
  [/^\/v2\/me\/?$/, { endpoint: 'cal.me', method: 'GET', version: undefined, auth: true }],
  [
    /^\/v2\/event-types\/?$/,
    {
      endpoint: 'cal.eventTypes',
      method: 'GET',
      version: CAL_API_VERSIONS.eventTypes,
      auth: false,
    },
  ],
  [
    /^\/v2\/slots\/?$/,
    { endpoint: 'cal.slots', method: 'GET', version: CAL_API_VERSIONS.slots, auth: false },
  ],
  [
    /^\/v2\/bookings\/?$/,
    { endpoint: 'cal.bookings', method: 'GET', version: CAL_API_VERSIONS.bookings, auth: true },
  ],
  [
    /^\/v2\/bookings\/?$/,
    {
      endpoint: 'cal.createBooking',
      method: 'POST',
      version: CAL_API_VERSIONS.bookings,
      auth: false,
    },
  ],
  [
    new RegExp(`^/v2/bookings/${UID}/?$`),
    { endpoint: 'cal.booking', method: 'GET', version: CAL_API_VERSIONS.bookings, auth: false },
  ],
  [
    new RegExp(`^/v2/bookings/${UID}/cancel/?$`),
    {
      endpoint: 'cal.cancelBooking',
      method: 'POST',
      version: CAL_API_VERSIONS.bookings,
      auth: false,
    },
  ],
  [
    new RegExp(`^/v2/bookings/${UID}/reschedule/?$`),
    {
      endpoint: 'cal.rescheduleBooking',
      method: 'POST',
      version: CAL_API_VERSIONS.bookings,
      auth: false,
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

/** The error code Nest gives each status (`exception.name`), as Cal.com's error filter reports it. */
const CODES: Record<number, string> = {
  400: 'BadRequestException',
  401: 'UnauthorizedException',
  403: 'ForbiddenException',
  404: 'NotFoundException',
  405: 'MethodNotAllowedException',
  409: 'ConflictException',
  413: 'PayloadTooLargeException',
  422: 'UnprocessableEntityException',
  429: 'ThrottlerException',
  498: 'TokenExpiredException',
  500: 'InternalServerErrorException',
  502: 'BadGatewayException',
  503: 'ServiceUnavailableException',
  504: 'GatewayTimeoutException',
};

/** The Nest exception name Cal.com reports for an HTTP status. */
function calErrorCode(status: number): string {
  return CODES[status] ?? 'HttpException';
}

/** Cal.com's error envelope: `{ status: 'error', timestamp, path, error: { code, message, details? } }`. */
function calErrorBody(
  timestamp: number,
  path: string,
  status: number,
  message: string,
  code = calErrorCode(status),
  details?: unknown,
): unknown {
  return {
    status: 'error',
    timestamp: new Date(timestamp).toISOString(),
    path,
    error: { code, message, ...(details === undefined ? {} : { details }) },
  };
}

/**
 * A Cal.com error answer: the envelope (stamped with the model's clock) and a new `X-Request-Id`. Used
 * for every error of the fake and for faults the sandbox and the MSW handlers inject on Cal.com routes.
 */
export function calErrorResponse(
  model: CalFakeModel,
  path: string,
  status: number,
  message: string,
  code = calErrorCode(status),
  details?: unknown,
): CalResponse {
  return {
    status,
    headers: { 'X-Request-Id': model.requestId() },
    body: calErrorBody(model.now(), path, status, message, code, details),
  };
}

const NO_AUTH =
  "No authentication method provided. Either pass an API key as 'Bearer' header or OAuth client credentials as 'x-cal-secret-key' and 'x-cal-client-id' headers";

/** Rate-limit headers as Cal.com's throttler names them (the `default` throttler). */
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
    readonly details?: unknown,
  ) {}
}

const fail = (status: number, message: string, details?: unknown): never => {
  throw new HttpFailure(status, message, calErrorCode(status), details);
};

const fromFailure = (failure: CalFakeFailure): never => {
  throw new HttpFailure(failure.status, failure.message, failure.code);
};

// ---------------------------------------------------------------------------------------------------
// Output shapes
// ---------------------------------------------------------------------------------------------------

function meOutput(user: CalFakeUser) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    name: user.name,
    avatarUrl: user.avatarUrl,
    bio: user.bio,
    timeFormat: user.timeFormat,
    defaultScheduleId: user.defaultScheduleId,
    weekStart: user.weekStart,
    timeZone: user.timeZone,
    locale: user.locale,
    organizationId: null,
  };
}

function eventTypeOutput(eventType: CalFakeEventType, owner: CalFakeUser) {
  return {
    id: eventType.id,
    ownerId: eventType.ownerId,
    lengthInMinutes: eventType.lengthInMinutes,
    ...(eventType.lengthInMinutesOptions
      ? { lengthInMinutesOptions: [...eventType.lengthInMinutesOptions] }
      : {}),
    title: eventType.title,
    slug: eventType.slug,
    description: eventType.description,
    locations: [{ type: 'integration', integration: 'cal-video' }],
    bookingFields: eventType.bookingFields.map((field) => ({ ...field })),
    disableGuests: false,
    slotInterval: eventType.slotInterval,
    minimumBookingNotice: eventType.minimumBookingNotice,
    beforeEventBuffer: eventType.beforeEventBuffer,
    afterEventBuffer: eventType.afterEventBuffer,
    recurrence: null,
    metadata: {},
    price: 0,
    currency: 'usd',
    lockTimeZoneToggleOnBookingPage: false,
    seatsPerTimeSlot: null,
    forwardParamsSuccessRedirect: null,
    successRedirectUrl: null,
    isInstantEvent: false,
    seatsShowAvailabilityCount: null,
    scheduleId: eventType.scheduleId,
    hidden: eventType.hidden,
    bookingRequiresAuthentication: false,
    users: [
      {
        id: owner.id,
        name: owner.name,
        username: owner.username,
        avatarUrl: owner.avatarUrl,
        weekStart: owner.weekStart,
        brandColor: null,
        darkBrandColor: null,
        metadata: {},
      },
    ],
  };
}

function bookingOutput(booking: CalFakeBooking, model: CalFakeModel) {
  const owner = model.getUser(booking.ownerSub);
  const eventType = model.eventType(booking.eventTypeId);
  const iso = (ms: number) => new Date(ms).toISOString();
  const cancelled = booking.status === 'cancelled';
  return {
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
            username: owner.username,
            timeZone: owner.timeZone,
          },
        ]
      : [{ id: 'unknown', name: 'unknown', email: 'unknown', username: 'unknown' }],
    status: booking.status,
    ...(cancelled && booking.cancellationReason !== undefined
      ? { cancellationReason: booking.cancellationReason }
      : {}),
    ...(cancelled && booking.cancelledByEmail !== undefined
      ? { cancelledByEmail: booking.cancelledByEmail }
      : {}),
    ...(booking.reschedulingReason !== undefined
      ? { reschedulingReason: booking.reschedulingReason }
      : {}),
    ...(booking.rescheduledFromUid !== undefined
      ? { rescheduledFromUid: booking.rescheduledFromUid }
      : {}),
    ...(booking.rescheduledToUid !== undefined
      ? { rescheduledToUid: booking.rescheduledToUid }
      : {}),
    ...(booking.rescheduledByEmail !== undefined
      ? { rescheduledByEmail: booking.rescheduledByEmail }
      : {}),
    start: iso(booking.start),
    end: iso(booking.end),
    duration: Math.round((booking.end - booking.start) / 60_000),
    eventTypeId: booking.eventTypeId,
    eventType: { id: booking.eventTypeId, slug: eventType?.slug ?? 'unknown' },
    meetingUrl: booking.location,
    location: booking.location,
    absentHost: false,
    attendees: [
      {
        name: booking.attendee.name,
        email: booking.attendee.email,
        timeZone: booking.attendee.timeZone,
        language: booking.attendee.language,
        absent: false,
        ...(booking.attendee.phoneNumber !== undefined
          ? { phoneNumber: booking.attendee.phoneNumber }
          : {}),
      },
    ],
    ...(booking.guests.length > 0 ? { guests: [...booking.guests] } : {}),
    bookingFieldsResponses: { ...booking.responses },
    metadata: { ...booking.metadata },
    rating: null,
    icsUid: `${booking.uid}@Cal.com`,
    createdAt: iso(booking.createdAt),
    updatedAt: iso(booking.updatedAt),
  };
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

function parseJsonBody(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(400, 'Unexpected token in JSON: the request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(400, 'The request body must be a JSON object.');
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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

function parseCreateBody(body: Record<string, unknown>, model: CalFakeModel) {
  const errors: string[] = [];
  const start = parseInstant(body.start);
  if (start === undefined) errors.push('start must be a valid ISO 8601 date string');
  let eventTypeId: number | undefined;
  if (body.eventTypeId !== undefined) {
    if (typeof body.eventTypeId !== 'number' || !Number.isInteger(body.eventTypeId)) {
      errors.push('eventTypeId must be an integer number');
    } else eventTypeId = body.eventTypeId;
  } else if (typeof body.eventTypeSlug === 'string' && typeof body.username === 'string') {
    eventTypeId = eventTypeIdBySlug(model, body.username, body.eventTypeSlug);
    if (eventTypeId === undefined) {
      return fail(
        404,
        `Event type with slug ${body.eventTypeSlug} belonging to user ${body.username} not found.`,
      );
    }
  } else {
    errors.push('eventTypeId must be an integer number');
  }
  const attendee = body.attendee;
  if (!isRecord(attendee)) {
    errors.push('attendee must be an object');
  } else {
    if (typeof attendee.name !== 'string' || attendee.name.trim() === '') {
      errors.push('attendee.name must be a string');
    }
    if (typeof attendee.email !== 'string' || !EMAIL.test(attendee.email)) {
      errors.push('attendee.email must be an email');
    }
    if (!isTimeZone(attendee.timeZone))
      errors.push('attendee.timeZone must be a valid IANA time zone');
    if (attendee.language !== undefined && typeof attendee.language !== 'string') {
      errors.push('attendee.language must be a string');
    }
    if (attendee.phoneNumber !== undefined && typeof attendee.phoneNumber !== 'string') {
      errors.push('attendee.phoneNumber must be a string');
    }
  }
  if (
    body.guests !== undefined &&
    (!Array.isArray(body.guests) ||
      body.guests.some((guest) => typeof guest !== 'string' || !EMAIL.test(guest)))
  ) {
    errors.push('each value in guests must be an email');
  }
  if (body.bookingFieldsResponses !== undefined && !isRecord(body.bookingFieldsResponses)) {
    errors.push('bookingFieldsResponses must be an object');
  }
  if (body.metadata !== undefined && !isRecord(body.metadata))
    errors.push('metadata must be an object');
  if (
    body.lengthInMinutes !== undefined &&
    (typeof body.lengthInMinutes !== 'number' || !Number.isInteger(body.lengthInMinutes))
  ) {
    errors.push('lengthInMinutes must be an integer number');
  }
  if (
    errors.length > 0 ||
    start === undefined ||
    eventTypeId === undefined ||
    !isRecord(attendee)
  ) {
    return fail(400, errors[0] ?? 'Invalid request body', { errors });
  }
  return {
    eventTypeId,
    start,
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
  if (to < from) fail(400, 'end must be after start');
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
        return false; // the fake has no recurring event types
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
  if (ownerSub === undefined) {
    return fail(
      400,
      'Provide an access token, or the username query parameter, to list event types.',
    );
  }
  const owner = model.getUser(ownerSub) as CalFakeUser;
  return model
    .eventTypes(ownerSub)
    .filter(
      (type) => (includeHidden || !type.hidden) && (eventSlug === null || type.slug === eventSlug),
    )
    .map((type) => eventTypeOutput(type, owner));
}

function bookingOr404(model: CalFakeModel, uid: string): CalFakeBooking {
  return model.booking(uid) ?? fromFailure(bookingNotFound(uid));
}

/**
 * Answers one Cal.com API v2 request. Steps, in Cal.com's order: route (404), bearer token (498
 * expired, 401 unknown or from an origin not allowed), throttler (429), `cal-api-version` (400 here,
 * see below), authentication required (401), validation (400), the handler.
 *
 * A missing or unknown `cal-api-version` makes Cal.com silently serve an older version of the endpoint,
 * with other shapes. The fake answers 400 with `details: { header, expected, received }` instead, so a
 * client that forgets the header fails loudly in tests rather than parsing an old shape.
 */
export function handleCalRequest(model: CalFakeModel, request: CalRequest): CalResponse {
  /** The rate-limit headers, once the throttler has counted the request. */
  let limitHeaders: Record<string, string> = {};
  const path = request.url ?? request.pathname;
  const error = (failure: HttpFailure): CalResponse => {
    const answer = calErrorResponse(
      model,
      path,
      failure.status,
      failure.message,
      failure.code,
      failure.details,
    );
    return { ...answer, headers: { ...answer.headers, ...limitHeaders } };
  };
  try {
    const route = matchCalRoute(request.method, request.pathname);
    if (route === undefined)
      return error(
        new HttpFailure(404, `Cannot ${request.method.toUpperCase()} ${request.pathname}`),
      );

    // The bearer token: Cal.com validates it in the throttler and again in the auth guard, so an
    // expired or unknown token fails even where authentication is optional.
    const authorization = request.headers('authorization');
    const token = authorization?.replace(/^Bearer\s+/i, '').trim() ?? '';
    let sub: string | undefined;
    if (token !== '') {
      const lookup = model.lookupToken(token);
      if (lookup.kind === 'expired') {
        return error(new HttpFailure(498, 'ACCESS_TOKEN_IS_EXPIRED', 'TokenExpiredException'));
      }
      if (lookup.kind === 'unknown') return error(new HttpFailure(401, 'Invalid Access Token.'));
      sub = lookup.sub;
    }

    const limit = model.hitRateLimit(token !== '' ? `access_token_${token}` : 'anonymous');
    limitHeaders = rateLimitHeaders(limit);
    if (limit?.blocked) {
      return error(
        new HttpFailure(429, 'Too many requests. Please try again later.', 'ThrottlerException'),
      );
    }

    if (token !== '') {
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
          `Missing or unsupported cal-api-version header: ${route.method} ${request.pathname} needs "cal-api-version: ${route.version}". Cal.com would silently answer from an older version of this endpoint; the sandbox refuses instead.`,
          { header: 'cal-api-version', expected: route.version, received: received ?? null },
        );
      }
    }

    if (route.auth && sub === undefined) fail(401, NO_AUTH);

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
        const input = parseCreateBody(parseJsonBody(request.body), model);
        const result = model.createBooking(input);
        if (!result.ok) return fromFailure(result.failure);
        return ok(201, bookingOutput(result.booking, model));
      }
      case 'cal.booking':
        return ok(200, bookingOutput(bookingOr404(model, route.uid as string), model));
      case 'cal.cancelBooking': {
        const body = parseJsonBody(request.body);
        if (body.cancellationReason !== undefined && typeof body.cancellationReason !== 'string') {
          fail(400, 'cancellationReason must be a string');
        }
        const result = model.cancelBooking(route.uid as string, {
          ...(typeof body.cancellationReason === 'string'
            ? { cancellationReason: body.cancellationReason }
            : {}),
          ...(authUser !== undefined ? { cancelledBy: authUser.email } : {}),
        });
        if (!result.ok) return fromFailure(result.failure);
        return ok(200, bookingOutput(result.booking, model));
      }
      case 'cal.rescheduleBooking': {
        const body = parseJsonBody(request.body);
        const start = parseInstant(body.start);
        if (start === undefined) return fail(400, 'start must be a valid ISO 8601 date string');
        if (body.reschedulingReason !== undefined && typeof body.reschedulingReason !== 'string') {
          fail(400, 'reschedulingReason must be a string');
        }
        const rescheduledBy =
          typeof body.rescheduledBy === 'string' ? body.rescheduledBy : authUser?.email;
        const result = model.rescheduleBooking(route.uid as string, {
          start,
          ...(typeof body.reschedulingReason === 'string'
            ? { reschedulingReason: body.reschedulingReason }
            : {}),
          ...(rescheduledBy !== undefined ? { rescheduledBy } : {}),
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
