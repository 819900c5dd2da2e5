/**
 * The in-memory Cal.com world shared by the sandbox (Node HTTP) and the MSW handlers (`/testing`):
 * users, the access tokens issued for them (each with its own expiry), their event types, weekly
 * availability and bookings, and rate-limit counters. Pure and framework-free: no `node:` import, only
 * `globalThis.crypto`, `Date` and `Intl`, and a clock injected as `now()`.
 *
 * @module
 */
import { DAY_MS, isTimeZone, localParts, zonedTimeToEpoch } from './time.js';

/** Who a Cal.com user is created for: the AISquare JWT's claims (or a fixture's). */
export interface CalFakeIdentity {
  /** The AISquare user id (a JWT's `sub`); one Cal.com user per `sub`. */
  sub: string;
  email?: string | undefined;
  name?: string | undefined;
}

/** A Cal.com user as API v2 (`GET /v2/me`) and AISquare's user endpoint describe it. */
export interface CalFakeUser {
  id: number;
  email: string;
  username: string;
  name: string;
  avatarUrl: string | null;
  bio: string | null;
  timeZone: string;
  weekStart: string;
  timeFormat: number;
  defaultScheduleId: number;
  locale: string;
  createdDate: string;
}

/** A booking field of an event type, as `GET /v2/event-types` (2024-06-14) lists it. */
export interface CalFakeBookingField {
  type: string;
  slug: string;
  label?: string;
  placeholder?: string;
  required: boolean;
  hidden: boolean;
  isDefault: boolean;
  disableOnPrefill?: boolean;
  options?: string[];
}

/** An event type, with the fields the slot and booking rules read. Minutes throughout. */
export interface CalFakeEventType {
  id: number;
  ownerId: number;
  title: string;
  slug: string;
  description: string;
  lengthInMinutes: number;
  /** Other lengths a booker may choose (`duration` / `lengthInMinutes`); includes `lengthInMinutes`. */
  lengthInMinutesOptions?: number[];
  /** Minutes between slot starts; `null` = the event's length. */
  slotInterval: number | null;
  minimumBookingNotice: number;
  beforeEventBuffer: number;
  afterEventBuffer: number;
  hidden: boolean;
  bookingFields: CalFakeBookingField[];
  scheduleId: number;
}

/** Weekly availability in the owner's time zone: days 0 (Sunday) to 6, minutes after midnight. */
export interface CalFakeAvailability {
  days: number[];
  startMinute: number;
  endMinute: number;
}

export type CalFakeBookingStatus = 'accepted' | 'pending' | 'cancelled' | 'rejected';

export interface CalFakeAttendee {
  name: string;
  email: string;
  timeZone: string;
  language: string;
  phoneNumber?: string;
}

/** A booking as the model stores it (epoch milliseconds); the handler shapes it as Cal.com answers. */
export interface CalFakeBooking {
  id: number;
  uid: string;
  /** The owner's AISquare `sub`. */
  ownerSub: string;
  eventTypeId: number;
  start: number;
  end: number;
  status: CalFakeBookingStatus;
  title: string;
  description: string;
  attendee: CalFakeAttendee;
  guests: string[];
  responses: Record<string, unknown>;
  metadata: Record<string, unknown>;
  location: string;
  createdAt: number;
  updatedAt: number;
  cancellationReason?: string;
  cancelledByEmail?: string;
  reschedulingReason?: string;
  rescheduledByEmail?: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
}

/** What a rate-limit check tells the handler (Cal.com's `X-RateLimit-*-Default` headers). */
export interface CalFakeRateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window (or the block) ends. */
  resetSeconds: number;
  blocked: boolean;
}

export interface CalFakeModelOptions {
  /** The clock, in epoch milliseconds. Pin it in tests. @default Date.now */
  now?: () => number;
  /**
   * Requests per minute per access token (per client without a token), Cal.com's throttler; over it,
   * 429 `ThrottlerException` and a 60 s block. `undefined` or `0`: no limit and no rate-limit headers.
   * @default undefined
   */
  rateLimit?: number | undefined;
  /**
   * Whether a browser `Origin` may use an access token: Cal.com answers 401 to an origin not among the
   * OAuth client's redirect URIs. @default every origin but `null`
   */
  isOriginAllowed?: (origin: string) => boolean;
  /**
   * Accept any access token the model did not issue as this user's (created on first use), as a
   * lenient fake for stories whose token comes from elsewhere. Tokens the model issued keep their
   * expiry. @default undefined (unknown tokens answer 401)
   */
  acceptUnknownTokensAs?: CalFakeIdentity & { timeZone?: string; user?: Partial<CalFakeUser> };
}

/** How an access token resolved. */
export type CalFakeTokenLookup =
  | { kind: 'valid'; sub: string }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/** Why a booking could not be made, with Cal.com's status and message. */
export interface CalFakeFailure {
  status: number;
  code: string;
  message: string;
}

export interface CreateBookingInput {
  eventTypeId: number;
  start: number;
  lengthInMinutes?: number;
  /** The booker; `language` defaults to `'en'`. */
  attendee: Omit<CalFakeAttendee, 'language'> & { language?: string | undefined };
  guests?: string[];
  bookingFieldsResponses?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** The shared model. Create one with `createCalFakeModel` and hand it to the sandbox or the handlers. */
export interface CalFakeModel {
  /** The model's clock (epoch ms). */
  now(): number;
  /** The Cal.com user integrated for an AISquare user, if any. */
  getUser(sub: string): CalFakeUser | undefined;
  /** The `sub` whose Cal.com user has this username, if any. */
  findSubByUsername(username: string): string | undefined;
  /**
   * Creates the Cal.com user of `identity` with its seeded event types and availability (the initial
   * integration), or returns the existing one. `created` tells which.
   */
  integrate(
    identity: CalFakeIdentity,
    options?: { timeZone?: string | undefined; user?: Partial<CalFakeUser> },
  ): { user: CalFakeUser; created: boolean };
  /** Mints an access token for an integrated user, valid `ttlSeconds` from `now()`. */
  issueAccessToken(sub: string, ttlSeconds: number): string;
  /**
   * What AISquare's token endpoint does: `integrate` the user (`created` on the first call), then
   * mint an access token for it valid `ttlSeconds`.
   */
  connect(
    identity: CalFakeIdentity,
    options: {
      timeZone?: string | undefined;
      user?: Partial<CalFakeUser> | undefined;
      ttlSeconds: number;
    },
  ): { created: boolean; accessToken: string };
  /** What a bearer token is: a valid one and its user, an expired one, or unknown. */
  lookupToken(token: string): CalFakeTokenLookup;
  /** Expires every token of `sub` (every token when omitted) now; returns how many were live. */
  expireAccessTokens(sub?: string): number;
  /** The user's event types, hidden ones included, in creation order (copies). */
  eventTypes(sub: string): CalFakeEventType[];
  eventType(id: number): (CalFakeEventType & { ownerSub: string }) | undefined;
  /** The user's weekly availability. */
  availability(sub: string): CalFakeAvailability | undefined;
  /** Bookings of one user (all when omitted), in creation order (copies). */
  bookings(sub?: string): CalFakeBooking[];
  booking(uid: string): CalFakeBooking | undefined;
  /**
   * Free slot starts (epoch ms) of an event type whose whole event lies within `[from, to]`, after
   * minimum notice, working hours, interval and buffers around existing bookings.
   */
  slots(
    eventTypeId: number,
    from: number,
    to: number,
    options?: { duration?: number | undefined; ignoreBookingUid?: string | undefined },
  ): { start: number; end: number }[];
  createBooking(
    input: CreateBookingInput,
    options?: { rescheduleOf?: CalFakeBooking; rescheduledBy?: string; reason?: string },
  ): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure };
  cancelBooking(
    uid: string,
    input: { cancellationReason?: string; cancelledBy?: string },
  ): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure };
  rescheduleBooking(
    uid: string,
    input: { start: number; reschedulingReason?: string; rescheduledBy?: string },
  ): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure };
  /**
   * Counts one request against `tracker`'s rate limit; `undefined` when rate limiting is off.
   * Semantics of Cal.com's throttler: a 60 s window; over the limit, blocked for 60 s.
   */
  hitRateLimit(tracker: string): CalFakeRateLimitState | undefined;
  /** Requests per minute per token; `undefined`/`0` turns the limit off. */
  setRateLimit(limit: number | undefined): void;
  /** Whether a browser origin may use an access token (see `isOriginAllowed`). */
  isOriginAllowed(origin: string): boolean;
  /** A new request id (`X-Request-Id`). */
  requestId(): string;
  /** Forgets every user, token, event type, booking and rate-limit counter; restores the rate limit. */
  reset(): void;
}

const MINUTE_MS = 60_000;
/** Time zone of users created without one. */
const DEFAULT_TIME_ZONE = 'Europe/London';
/** Prefix of the access tokens `issueAccessToken` mints. */
const TOKEN_PREFIX = 'cal_at_';
const RATE_WINDOW_MS = 60_000;
const RATE_BLOCK_MS = 60_000;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(length: number, alphabet = ALPHANUMERIC): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

function randomBase64Url(byteLength: number): string {
  const bytes = new Uint8Array(byteLength);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function usernameFor(sub: string): string {
  const slug = sub
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'user' : slug;
}

function displayNameFor(sub: string): string {
  const words = sub.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  if (words.length === 0) return 'Sandbox User';
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** Cal.com's default booking fields, as the 2024-06-14 event types list them. */
function defaultBookingFields(): CalFakeBookingField[] {
  return [
    {
      type: 'name',
      slug: 'name',
      label: 'Your name',
      required: true,
      hidden: false,
      isDefault: true,
    },
    {
      type: 'email',
      slug: 'email',
      label: 'Email address',
      required: true,
      hidden: false,
      isDefault: true,
    },
    {
      type: 'textarea',
      slug: 'notes',
      label: 'Additional notes',
      placeholder: 'Please share anything that will help prepare for our meeting.',
      required: false,
      hidden: false,
      isDefault: true,
      disableOnPrefill: false,
    },
    {
      type: 'multiemail',
      slug: 'guests',
      label: 'Add guests',
      required: false,
      hidden: false,
      isDefault: true,
      disableOnPrefill: false,
    },
    {
      type: 'textarea',
      slug: 'rescheduleReason',
      label: 'Reason for reschedule',
      required: false,
      hidden: false,
      isDefault: true,
      disableOnPrefill: false,
    },
  ];
}

type SeedEventType = Omit<CalFakeEventType, 'id' | 'ownerId' | 'scheduleId'>;

/**
 * The event types every integrated user starts with: 15, 30 and 60 minutes (the 60 one hidden), with
 * realistic notice, interval and buffers so that tests exercise each rule.
 */
function seedEventTypes(): SeedEventType[] {
  return [
    {
      title: '15 Minute Meeting',
      slug: '15min',
      description: 'A quick call to say hello or answer one question.',
      lengthInMinutes: 15,
      slotInterval: 15,
      minimumBookingNotice: 60,
      beforeEventBuffer: 0,
      afterEventBuffer: 5,
      hidden: false,
      bookingFields: defaultBookingFields(),
    },
    {
      title: '30 Minute Meeting',
      slug: '30min',
      description: 'A half-hour conversation: a demo, a review or a planning session.',
      lengthInMinutes: 30,
      lengthInMinutesOptions: [15, 30, 45],
      slotInterval: null,
      minimumBookingNotice: 120,
      beforeEventBuffer: 10,
      afterEventBuffer: 10,
      hidden: false,
      bookingFields: [
        ...defaultBookingFields(),
        {
          type: 'text',
          slug: 'company',
          label: 'Company',
          placeholder: 'Acme Ltd.',
          required: false,
          hidden: false,
          isDefault: false,
          disableOnPrefill: false,
        },
      ],
    },
    {
      title: '60 Minute Deep Dive',
      slug: '60min',
      description: 'An hour-long working session, booked by invitation only.',
      lengthInMinutes: 60,
      slotInterval: 30,
      minimumBookingNotice: 1440,
      beforeEventBuffer: 0,
      afterEventBuffer: 15,
      hidden: true,
      bookingFields: [
        ...defaultBookingFields(),
        {
          type: 'select',
          slug: 'topic',
          label: 'Topic',
          required: true,
          hidden: false,
          isDefault: false,
          options: ['Onboarding', 'Integration', 'Other'],
        },
      ],
    },
  ];
}

/** Monday to Friday, 09:00 to 17:00. */
const WORK_WEEK: CalFakeAvailability = {
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
};

/** Cal.com's messages for the booking errors the fake reproduces (ErrorsBookingsService_2024_08_13). */
export const CAL_MESSAGES = {
  unavailable: 'User either already has booking at this time or is not available',
  past: 'Attempting to book a meeting in the past.',
  outOfBounds:
    'The event type can\'t be booked at the "start" time provided. This could be because it\'s too soon (violating the minimum booking notice) or too far in the future (outside the event\'s scheduling window). Try fetching available slots first using the GET /v2/slots endpoint and then make a booking with "start" time equal to one of the available slots: https://cal.com/docs/api-reference/v2/slots',
  alreadyCancelled: 'This booking has already been cancelled.',
} as const;

const badRequest = (message: string): CalFakeFailure => ({
  status: 400,
  code: 'BadRequestException',
  message,
});
const notFound = (message: string): CalFakeFailure => ({
  status: 404,
  code: 'NotFoundException',
  message,
});

/** Cal.com's 404 for a booking uid it does not know. */
export const bookingNotFound = (uid: string): CalFakeFailure =>
  notFound(`Booking with uid=${uid} was not found in the database`);

/**
 * A rate limit as the model keeps it: `undefined` for none (`undefined` or `0`), else requests per
 * minute. Anything else throws a `RangeError` naming the caller's option: `rateLimit` here,
 * `calRateLimit` in the sandbox.
 */
export function checkRateLimit(
  limit: number | undefined,
  option = 'rateLimit',
): number | undefined {
  if (limit === undefined || limit === 0) return undefined;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(
      `${option} must be a positive integer (requests per minute), or 0 for none`,
    );
  }
  return limit;
}

/** Creates an empty Cal.com world; users appear through `integrate` (the AISquare token call). */
export function createCalFakeModel(options: CalFakeModelOptions = {}): CalFakeModel {
  const now = options.now ?? (() => Date.now());
  const initialRateLimit = checkRateLimit(options.rateLimit);
  const originAllowed =
    options.isOriginAllowed ?? ((origin: string) => origin !== '' && origin !== 'null');

  /** The world as created, and as `reset()` restores it. */
  const emptyState = () => ({
    users: new Map<string, CalFakeUser>(),
    availabilityBySub: new Map<string, CalFakeAvailability>(),
    eventTypes: new Map<number, CalFakeEventType & { ownerSub: string }>(),
    bookings: [] as CalFakeBooking[],
    tokens: new Map<string, { sub: string; expiresAt: number }>(),
    rate: new Map<string, { hits: number; resetAt: number; blockedUntil: number }>(),
    rateLimit: initialRateLimit,
    nextUserId: 1001,
    nextEventTypeId: 1,
    nextBookingId: 1,
  });
  let {
    users,
    availabilityBySub,
    eventTypes,
    bookings,
    tokens,
    rate,
    rateLimit,
    nextUserId,
    nextEventTypeId,
    nextBookingId,
  } = emptyState();

  const copyBooking = (booking: CalFakeBooking): CalFakeBooking => ({
    ...booking,
    attendee: { ...booking.attendee },
    guests: [...booking.guests],
    responses: { ...booking.responses },
    metadata: { ...booking.metadata },
  });

  function integrate(
    identity: CalFakeIdentity,
    integrateOptions: { timeZone?: string | undefined; user?: Partial<CalFakeUser> } = {},
  ): { user: CalFakeUser; created: boolean } {
    const existing = users.get(identity.sub);
    if (existing !== undefined) return { user: existing, created: false };
    const timeZone =
      integrateOptions.timeZone ?? integrateOptions.user?.timeZone ?? DEFAULT_TIME_ZONE;
    if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`);
    const id = integrateOptions.user?.id ?? nextUserId++;
    const user: CalFakeUser = {
      id,
      email: identity.email ?? `${identity.sub}@example.com`,
      username: `${usernameFor(identity.sub)}-${id}`,
      name: identity.name ?? displayNameFor(identity.sub),
      avatarUrl: null,
      bio: null,
      weekStart: 'Monday',
      timeFormat: 24,
      defaultScheduleId: id * 10,
      locale: 'en',
      createdDate: new Date(now()).toISOString(),
      ...integrateOptions.user,
      timeZone,
    };
    users.set(identity.sub, user);
    availabilityBySub.set(identity.sub, { ...WORK_WEEK, days: [...WORK_WEEK.days] });
    for (const seed of seedEventTypes()) {
      const eventType = {
        ...seed,
        id: nextEventTypeId++,
        ownerId: user.id,
        scheduleId: user.defaultScheduleId,
        ownerSub: identity.sub,
      };
      eventTypes.set(eventType.id, eventType);
    }
    return { user, created: true };
  }

  function lengthFor(eventType: CalFakeEventType, requested: number | undefined): number {
    if (requested !== undefined && eventType.lengthInMinutesOptions?.includes(requested))
      return requested;
    return eventType.lengthInMinutes;
  }

  /** The live bookings of `sub` that block time, each with its own event type's buffers applied. */
  function busyIntervals(sub: string, ignoreUid?: string): { start: number; end: number }[] {
    return bookings
      .filter(
        (booking) =>
          booking.ownerSub === sub &&
          booking.uid !== ignoreUid &&
          (booking.status === 'accepted' || booking.status === 'pending'),
      )
      .map((booking) => {
        const type = eventTypes.get(booking.eventTypeId);
        return {
          start: booking.start - (type?.beforeEventBuffer ?? 0) * MINUTE_MS,
          end: booking.end + (type?.afterEventBuffer ?? 0) * MINUTE_MS,
        };
      });
  }

  /**
   * Every slot start of working hours whose event lies within [from, to], before notice and busy time:
   * each working day's window in the owner's zone, from its start, every `slotInterval` minutes.
   */
  function workingSlots(
    eventType: CalFakeEventType & { ownerSub: string },
    from: number,
    to: number,
    lengthMs: number,
  ): number[] {
    const user = users.get(eventType.ownerSub);
    const week = availabilityBySub.get(eventType.ownerSub);
    if (user === undefined || week === undefined || to < from) return [];
    const stepMs = (eventType.slotInterval ?? eventType.lengthInMinutes) * MINUTE_MS;
    const starts: number[] = [];
    const seen = new Set<number>();
    // Every local date from the day before `from` to the day after `to` covers every zone offset;
    // calendar arithmetic, not 24 h steps, so a 23 h or 25 h day is neither skipped nor repeated.
    const first = localParts(from - DAY_MS, user.timeZone);
    const last = localParts(to + DAY_MS, user.timeZone);
    const lastDay = Date.UTC(last.year, last.month - 1, last.day);
    for (
      let day = Date.UTC(first.year, first.month - 1, first.day);
      day <= lastDay;
      day += DAY_MS
    ) {
      const date = new Date(day);
      const local = {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        weekday: date.getUTCDay(),
      };
      if (!week.days.includes(local.weekday)) continue;
      const at = (minute: number) =>
        zonedTimeToEpoch(
          local.year,
          local.month,
          local.day,
          Math.floor(minute / 60),
          minute % 60,
          user.timeZone,
        );
      const windowStart = at(week.startMinute);
      const windowEnd = at(week.endMinute);
      for (let start = windowStart; start + lengthMs <= windowEnd; start += stepMs) {
        if (start >= from && start + lengthMs <= to && !seen.has(start)) {
          seen.add(start);
          starts.push(start);
        }
      }
    }
    return starts.sort((a, b) => a - b);
  }

  /** Whether the event at `start`, with its own buffers, overlaps none of `busy` (`busyIntervals`). */
  function isFree(
    eventType: CalFakeEventType,
    start: number,
    lengthMs: number,
    busy: readonly { start: number; end: number }[],
  ): boolean {
    const from = start - eventType.beforeEventBuffer * MINUTE_MS;
    const to = start + lengthMs + eventType.afterEventBuffer * MINUTE_MS;
    return busy.every((interval) => to <= interval.start || interval.end <= from);
  }

  function slots(
    eventTypeId: number,
    from: number,
    to: number,
    slotOptions: { duration?: number | undefined; ignoreBookingUid?: string | undefined } = {},
  ): { start: number; end: number }[] {
    const eventType = eventTypes.get(eventTypeId);
    if (eventType === undefined) return [];
    const lengthMs = lengthFor(eventType, slotOptions.duration) * MINUTE_MS;
    const earliest = now() + eventType.minimumBookingNotice * MINUTE_MS;
    const busy = busyIntervals(eventType.ownerSub, slotOptions.ignoreBookingUid);
    return workingSlots(eventType, from, to, lengthMs)
      .filter((start) => start >= earliest && isFree(eventType, start, lengthMs, busy))
      .map((start) => ({ start, end: start + lengthMs }));
  }

  function createBooking(
    input: CreateBookingInput,
    createOptions: { rescheduleOf?: CalFakeBooking; rescheduledBy?: string; reason?: string } = {},
  ): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure } {
    const eventType = eventTypes.get(input.eventTypeId);
    const owner = eventType === undefined ? undefined : users.get(eventType.ownerSub);
    if (eventType === undefined || owner === undefined) {
      return { ok: false, failure: notFound(`Event type with id ${input.eventTypeId} not found.`) };
    }
    if (
      input.lengthInMinutes !== undefined &&
      input.lengthInMinutes !== eventType.lengthInMinutes
    ) {
      const options = eventType.lengthInMinutesOptions;
      if (options === undefined) {
        return {
          ok: false,
          failure: badRequest(
            `Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.`,
          ),
        };
      }
      if (!options.includes(input.lengthInMinutes)) {
        return {
          ok: false,
          failure: badRequest(
            `Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: ${options.join(', ')}`,
          ),
        };
      }
    }
    const responses: Record<string, unknown> = { ...input.bookingFieldsResponses };
    if (createOptions.rescheduleOf === undefined) {
      for (const field of eventType.bookingFields) {
        if (field.isDefault || !field.required) continue;
        if (responses[field.slug] === undefined || responses[field.slug] === null) {
          return {
            ok: false,
            failure: badRequest(
              `Missing required booking field response: ${field.slug} - it is required by the event type booking fields, but missing in the bookingFieldsResponses. You can fetch the event type with ID ${eventType.id} to see the required fields.`,
            ),
          };
        }
        if (
          field.type === 'select' &&
          field.options &&
          !field.options.includes(String(responses[field.slug]))
        ) {
          return {
            ok: false,
            failure: badRequest(
              `Invalid option '${String(responses[field.slug])}' for booking field '${field.slug}'. Allowed options are: ${field.options.join(', ')}.`,
            ),
          };
        }
      }
    }
    const lengthMs = lengthFor(eventType, input.lengthInMinutes) * MINUTE_MS;
    const at = now();
    // Cal.com checks the notice window before availability; a start in the past gets its own message.
    if (input.start < at) return { ok: false, failure: badRequest(CAL_MESSAGES.past) };
    if (input.start < at + eventType.minimumBookingNotice * MINUTE_MS) {
      return { ok: false, failure: badRequest(CAL_MESSAGES.outOfBounds) };
    }
    const busy = busyIntervals(eventType.ownerSub, createOptions.rescheduleOf?.uid);
    const isSlot = workingSlots(eventType, input.start, input.start + lengthMs, lengthMs).includes(
      input.start,
    );
    if (!isSlot || !isFree(eventType, input.start, lengthMs, busy)) {
      return { ok: false, failure: badRequest(CAL_MESSAGES.unavailable) };
    }
    const uid = randomString(22);
    const guests = input.guests ?? [];
    const booking: CalFakeBooking = {
      id: nextBookingId++,
      uid,
      ownerSub: eventType.ownerSub,
      eventTypeId: eventType.id,
      start: input.start,
      end: input.start + lengthMs,
      status: 'accepted',
      title: `${eventType.title} between ${owner.name} and ${input.attendee.name}`,
      description: typeof responses.notes === 'string' ? responses.notes : '',
      attendee: { ...input.attendee, language: input.attendee.language ?? 'en' },
      guests: [...guests],
      responses: {
        ...responses,
        name: input.attendee.name,
        email: input.attendee.email,
        ...(guests.length > 0 ? { guests: [...guests] } : {}),
        ...(createOptions.reason !== undefined ? { rescheduleReason: createOptions.reason } : {}),
      },
      metadata: { ...input.metadata },
      location: `https://app.cal.com/video/${uid}`,
      createdAt: at,
      updatedAt: at,
    };
    if (createOptions.rescheduleOf !== undefined) {
      booking.rescheduledFromUid = createOptions.rescheduleOf.uid;
      if (createOptions.reason !== undefined) booking.reschedulingReason = createOptions.reason;
      if (createOptions.rescheduledBy !== undefined)
        booking.rescheduledByEmail = createOptions.rescheduledBy;
    }
    bookings.push(booking);
    return { ok: true, booking: copyBooking(booking) };
  }

  function findBooking(uid: string): CalFakeBooking | undefined {
    return bookings.find((booking) => booking.uid === uid);
  }

  function cancelBooking(
    uid: string,
    input: { cancellationReason?: string; cancelledBy?: string },
  ): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure } {
    const booking = findBooking(uid);
    if (booking === undefined) return { ok: false, failure: bookingNotFound(uid) };
    if (booking.status === 'cancelled' || booking.status === 'rejected') {
      return { ok: false, failure: badRequest(CAL_MESSAGES.alreadyCancelled) };
    }
    booking.status = 'cancelled';
    booking.updatedAt = now();
    if (input.cancellationReason !== undefined)
      booking.cancellationReason = input.cancellationReason;
    if (input.cancelledBy !== undefined) booking.cancelledByEmail = input.cancelledBy;
    return { ok: true, booking: copyBooking(booking) };
  }

  function rescheduleBooking(
    uid: string,
    input: { start: number; reschedulingReason?: string; rescheduledBy?: string },
  ): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure } {
    const old = findBooking(uid);
    if (old === undefined) return { ok: false, failure: bookingNotFound(uid) };
    if (old.status === 'cancelled' && old.rescheduledToUid !== undefined) {
      return {
        ok: false,
        failure: badRequest(
          `Can't reschedule booking with uid=${uid} because it has been cancelled and rescheduled already to booking with uid=${old.rescheduledToUid}. You probably want to reschedule ${old.rescheduledToUid} instead by passing it within the request URL.`,
        ),
      };
    }
    if (old.status === 'cancelled' || old.status === 'rejected') {
      return {
        ok: false,
        failure: badRequest(
          `Can't reschedule booking with uid=${uid} because it has been cancelled. Please provide uid of a booking that is not cancelled.`,
        ),
      };
    }
    const result = createBooking(
      {
        eventTypeId: old.eventTypeId,
        start: input.start,
        lengthInMinutes: Math.round((old.end - old.start) / MINUTE_MS),
        attendee: old.attendee,
        guests: old.guests,
        bookingFieldsResponses: old.responses,
        metadata: old.metadata,
      },
      {
        rescheduleOf: old,
        ...(input.rescheduledBy !== undefined ? { rescheduledBy: input.rescheduledBy } : {}),
        ...(input.reschedulingReason !== undefined ? { reason: input.reschedulingReason } : {}),
      },
    );
    if (!result.ok) return result;
    old.status = 'cancelled';
    old.rescheduledToUid = result.booking.uid;
    old.updatedAt = now();
    if (input.rescheduledBy !== undefined) old.rescheduledByEmail = input.rescheduledBy;
    return result;
  }

  function hitRateLimit(tracker: string): CalFakeRateLimitState | undefined {
    if (rateLimit === undefined) return undefined;
    const at = now();
    let record = rate.get(tracker);
    if (record !== undefined && record.blockedUntil !== 0 && record.blockedUntil <= at)
      record = undefined;
    if (record === undefined || (record.blockedUntil === 0 && record.resetAt <= at)) {
      record = { hits: 0, resetAt: at + RATE_WINDOW_MS, blockedUntil: 0 };
      rate.set(tracker, record);
    }
    if (record.blockedUntil === 0) {
      record.hits += 1;
      if (record.hits > rateLimit) record.blockedUntil = at + RATE_BLOCK_MS;
    }
    const blocked = record.blockedUntil > at;
    const seconds = (until: number) => Math.max(0, Math.ceil((until - at) / 1000));
    return {
      limit: rateLimit,
      remaining: blocked ? 0 : Math.max(0, rateLimit - record.hits),
      resetSeconds: blocked ? seconds(record.blockedUntil) : seconds(record.resetAt),
      blocked,
    };
  }

  function issueAccessToken(sub: string, ttlSeconds: number): string {
    if (!users.has(sub)) throw new Error(`no Cal.com user for "${sub}": integrate it first`);
    if (!Number.isFinite(ttlSeconds)) throw new RangeError('ttlSeconds must be finite');
    const token = `${TOKEN_PREFIX}${randomBase64Url(24)}`;
    tokens.set(token, { sub, expiresAt: now() + ttlSeconds * 1000 });
    return token;
  }

  const lenient = options.acceptUnknownTokensAs;

  return {
    now,
    getUser: (sub) => users.get(sub),
    findSubByUsername(username) {
      for (const [sub, user] of users) if (user.username === username) return sub;
      return undefined;
    },
    integrate,
    issueAccessToken,
    connect(identity, { ttlSeconds, timeZone, user }) {
      const { created } = integrate(identity, {
        timeZone,
        ...(user !== undefined ? { user } : {}),
      });
      return { created, accessToken: issueAccessToken(identity.sub, ttlSeconds) };
    },
    lookupToken(token) {
      const record = tokens.get(token);
      if (record !== undefined) {
        return now() >= record.expiresAt ? { kind: 'expired' } : { kind: 'valid', sub: record.sub };
      }
      if (lenient !== undefined && token !== '') {
        const { timeZone, user, ...identity } = lenient;
        integrate(identity, { timeZone, ...(user !== undefined ? { user } : {}) });
        return { kind: 'valid', sub: identity.sub };
      }
      return { kind: 'unknown' };
    },
    expireAccessTokens(sub) {
      const at = now();
      let expired = 0;
      for (const record of tokens.values()) {
        if ((sub === undefined || record.sub === sub) && record.expiresAt > at) {
          record.expiresAt = at;
          expired += 1;
        }
      }
      return expired;
    },
    eventTypes: (sub) =>
      [...eventTypes.values()]
        .filter((eventType) => eventType.ownerSub === sub)
        .map(({ ownerSub: _owner, ...eventType }) => ({
          ...eventType,
          bookingFields: eventType.bookingFields.map((field) => ({ ...field })),
        })),
    eventType: (id) => eventTypes.get(id),
    availability: (sub) => availabilityBySub.get(sub),
    bookings: (sub) =>
      bookings.filter((booking) => sub === undefined || booking.ownerSub === sub).map(copyBooking),
    booking: (uid) => {
      const booking = findBooking(uid);
      return booking === undefined ? undefined : copyBooking(booking);
    },
    slots,
    createBooking,
    cancelBooking,
    rescheduleBooking,
    hitRateLimit,
    setRateLimit(limit) {
      rateLimit = checkRateLimit(limit);
      rate = new Map();
    },
    isOriginAllowed: originAllowed,
    requestId: () => globalThis.crypto.randomUUID(),
    reset() {
      ({
        users,
        availabilityBySub,
        eventTypes,
        bookings,
        tokens,
        rate,
        rateLimit,
        nextUserId,
        nextEventTypeId,
        nextBookingId,
      } = emptyState());
    },
  };
}
