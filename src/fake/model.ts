/**
 * The in-memory Cal.com world shared by the sandbox (Node HTTP) and the MSW handlers (`/testing`):
 * users, the access tokens issued for them (each with its own expiry), their event types, weekly
 * availability and bookings, and rate-limit counters. Pure and framework-free: no `node:` import, only
 * `globalThis.crypto`, `Date` and `Intl`, and a clock injected as `now()`.
 *
 * @module
 */

import { addInZone, DAY_MS, isTimeZone, localParts, zonedTimeToEpoch } from './time.js';

/** Who a Cal.com user is created for: the AISquare JWT's claims (or a fixture's). */
export interface CalFakeIdentity {
  /** The AISquare user id (a JWT's `sub`); one Cal.com user per `sub`. */
  sub: string;
  email?: string | undefined;
  name?: string | undefined;
}

/**
 * A Cal.com user as the model keeps it. AISquare's user endpoint answers all of it; `GET /v2/me`
 * answers only the keys Cal.com's `userSchemaResponse` keeps (no `name`, `avatarUrl`, `bio` or
 * `locale`: see handle.ts).
 */
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

/**
 * A booking field of an event type as the model keeps it. `GET /v2/event-types` (2024-06-14) writes
 * each as Cal.com's output variant for its kind (handle.ts): the system `name` field has no `hidden`,
 * the `location` field no `placeholder` or `disableOnPrefill`; a field with `hidden: true` is left out
 * of the list.
 */
export interface CalFakeBookingField {
  type: string;
  slug: string;
  label?: string;
  placeholder?: string;
  required: boolean;
  hidden: boolean;
  /** A Cal.com system field (`name`, `email`, `notes`, `guests`, ...) rather than a custom one. */
  isDefault: boolean;
  disableOnPrefill?: boolean;
  /** The option values of a `select`, `multiselect`, `checkbox` or `radio` field. */
  options?: string[];
}

/**
 * How a recurring event type repeats (Cal.com's `recurringEvent`, as 2024-06-14 writes it): every
 * `interval` weeks, months or years, `occurrences` times.
 */
export interface CalFakeRecurrence {
  frequency: 'weekly' | 'monthly' | 'yearly';
  interval: number;
  occurrences: number;
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
  /** `null` for a one-off event type; a recurring one books a whole series at once. */
  recurrence: CalFakeRecurrence | null;
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
  /** The attendee's notes (`bookingFieldsResponses.notes`); `null` without any. */
  description: string | null;
  attendee: CalFakeAttendee;
  guests: string[];
  responses: Record<string, unknown>;
  metadata: Record<string, unknown>;
  /** Where the meeting is: the Cal Video URL by default, or the location the booker passed. */
  location: string;
  createdAt: number;
  /** When the booking last changed (cancelled, rescheduled); `null` until then, as Cal.com's column. */
  updatedAt: number | null;
  /** The series' uid (Cal.com's `recurringEventId`) when the booking is one occurrence of a series. */
  recurringEventId?: string;
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
  /**
   * Whether each user is seeded with the recurring `weekly-check-in` event type beside the three
   * one-off ones. @default true
   */
  recurringEventType?: boolean;
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

/**
 * A booking's `location` as `POST /v2/bookings` takes it: one of Cal.com's objects (`{ type:
 * 'integration', integration: 'cal-video' }`, `{ type: 'attendeePhone', phone }`, ...) or, as Cal.com
 * still accepts for older clients, a plain string.
 */
export type CalFakeLocationInput = string | { type?: unknown; [key: string]: unknown };

export interface CreateBookingInput {
  eventTypeId: number;
  start: number;
  lengthInMinutes?: number;
  /** The booker; `language` defaults to `'en'`. */
  attendee: Omit<CalFakeAttendee, 'language'> & { language?: string | undefined };
  guests?: string[];
  bookingFieldsResponses?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  location?: CalFakeLocationInput;
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
  /**
   * Deletes every access token of `sub` (every token when omitted), as Cal.com's force refresh does
   * (`forceRefreshOAuthTokens`, apps/api/v2/src/modules/tokens/tokens.repository.ts): a request with one
   * then answers 401 `Invalid Access Token.`. Returns how many were live.
   */
  revokeAccessTokens(sub?: string): number;
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
  /** Books one meeting (on any event type; `POST /v2/bookings` sends a recurring one's to `createRecurringBooking`). */
  createBooking(
    input: CreateBookingInput,
    options?: { rescheduleOf?: CalFakeBooking; rescheduledBy?: string; reason?: string },
  ): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure };
  /**
   * Books a recurring event type's series: `recurrenceCount` occurrences (at most, and by default, the
   * event type's), each `interval` weeks/months/years after the last on the attendee's wall clock.
   * Only the first is checked for notice and availability, as Cal.com checks only the first.
   */
  createRecurringBooking(
    input: CreateBookingInput & { recurrenceCount?: number | undefined },
  ): { ok: true; bookings: CalFakeBooking[] } | { ok: false; failure: CalFakeFailure };
  /** Every occurrence of a series, whatever its status, in order of start (copies); `[]` if none. */
  series(recurringEventId: string): CalFakeBooking[];
  /**
   * Cancels one booking; with `cancelSubsequentBookings`, also the later live occurrences of its
   * series (a booking outside a series is cancelled alone).
   */
  cancelBooking(
    uid: string,
    input: {
      cancellationReason?: string;
      cancelledBy?: string;
      cancelSubsequentBookings?: boolean;
    },
  ): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure };
  /** Cancels every live occurrence of a series that has not started yet; answers the whole series. */
  cancelSeries(
    recurringEventId: string,
    input: { cancellationReason?: string; cancelledBy?: string },
  ): { ok: true; bookings: CalFakeBooking[] } | { ok: false; failure: CalFakeFailure };
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

/**
 * The locations of every seeded event type, in Cal.com's 2024-06-14 output form: Cal Video, the
 * location an event type gets when none is set.
 */
export const EVENT_TYPE_LOCATIONS: readonly { type: 'integration'; integration: string }[] = [
  { type: 'integration', integration: 'cal-video' },
];
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
  // At most two padding characters: a bounded pattern, which cannot backtrack.
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/={1,2}$/, '');
}

function usernameFor(sub: string): string {
  // Words joined by single dashes: no dash at either end, and no pattern that can backtrack.
  const slug = sub
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .join('-');
  return slug === '' ? 'user' : slug;
}

function displayNameFor(sub: string): string {
  const words = sub.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  if (words.length === 0) return 'Sandbox User';
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/**
 * Cal.com's default booking fields that the 2024-06-14 list shows (its hidden `attendeePhoneNumber`
 * and `title` fields are left out of the list, so the fake does not keep them).
 */
function defaultBookingFields(): CalFakeBookingField[] {
  return [
    {
      type: 'name',
      slug: 'name',
      label: 'Your name',
      required: true,
      hidden: false,
      isDefault: true,
      disableOnPrefill: false,
    },
    {
      type: 'email',
      slug: 'email',
      label: 'Email address',
      required: true,
      hidden: false,
      isDefault: true,
      disableOnPrefill: false,
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
 * realistic notice, interval and buffers so that tests exercise each rule, and (unless
 * `recurring` is false) a weekly check-in booked as a series of four.
 */
function seedEventTypes(recurring: boolean): SeedEventType[] {
  const oneOff: SeedEventType[] = [
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
      recurrence: null,
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
      recurrence: null,
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
          disableOnPrefill: false,
          options: ['Onboarding', 'Integration', 'Other'],
        },
      ],
      recurrence: null,
    },
  ];
  if (!recurring) return oneOff;
  return [
    ...oneOff,
    {
      // Hidden, as the 60 minute one: bookable by id, slug or link, and off a public booking page,
      // whose flow books one meeting while this answers a whole series.
      title: 'Weekly Check-in',
      slug: 'weekly-check-in',
      description: 'A half-hour check-in, the same time every week for four weeks.',
      lengthInMinutes: 30,
      slotInterval: null,
      minimumBookingNotice: 120,
      beforeEventBuffer: 0,
      afterEventBuffer: 0,
      hidden: true,
      bookingFields: defaultBookingFields(),
      recurrence: { frequency: 'weekly', interval: 1, occurrences: 4 },
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
    for (const seed of seedEventTypes(options.recurringEventType ?? true)) {
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

  /**
   * Cal.com's checks of `bookingFieldsResponses` against the event type's custom fields: each required
   * one answered, each answer of its field's type, a choice among its options
   * (apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts
   * @ 015b57aa35e8f11ded25dc1cedd7460a58440f72, `hasRequiredBookingFieldsResponses`; system fields are
   * skipped, as `name` and `email` come from `attendee`).
   */
  function checkFieldResponses(
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
      const options = field.options ?? [];
      const allowed = options.length === 0 ? undefined : options;
      let expected = '';
      let valid = true;
      switch (field.type) {
        case 'phone':
        case 'address':
        case 'text':
        case 'textarea':
        case 'url':
          expected = 'string';
          valid = typeof value === 'string';
          break;
        case 'number':
          expected = 'number';
          valid = typeof value === 'number';
          break;
        case 'boolean':
          expected = 'boolean';
          valid = typeof value === 'boolean';
          break;
        case 'multiemail':
          expected = 'array';
          valid = Array.isArray(value);
          break;
        case 'select':
        case 'radio':
          expected = 'string or number';
          valid = typeof value === 'string' || typeof value === 'number';
          if (valid && allowed !== undefined && !allowed.includes(String(value))) {
            return badRequest(
              `Invalid option '${String(value)}' for booking field '${field.slug}'. Allowed options are: ${allowed.join(', ')}.`,
            );
          }
          break;
        case 'multiselect':
        case 'checkbox':
          expected = 'array';
          valid = Array.isArray(value);
          if (
            valid &&
            allowed !== undefined &&
            !(value as unknown[]).every((item) => allowed.includes(String(item)))
          ) {
            return badRequest(
              `One or more invalid options for booking field '${field.slug}'. Allowed options are: ${allowed.join(', ')}.`,
            );
          }
          break;
      }
      if (!valid) {
        return badRequest(
          `Invalid type for booking field '${field.slug}'. Expected type ${expected} (compatible with field type '${field.type}'), but received ${typeof value}.`,
        );
      }
    }
    return undefined;
  }

  /**
   * Cal.com's `validateBookingLengthInMinutes` (apps/api/v2/src/ee/bookings/2024-08-13/services/
   * input.service.ts @ 01598ed41a205884e52f5c03577b81e41bce0fff); a recurring create never calls it.
   */
  function checkLength(
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

  /**
   * Where a booking takes place, and its `responses.location`, as Cal.com's input service maps it
   * (input.service.ts @ 01598ed41a205884e52f5c03577b81e41bce0fff, `transformLocation` and
   * `isBookingLocationWithEventTypeLocations`): a string passes unchecked (a URL is a `link`, a phone
   * number a `phone`, anything else `somewhereElse`); an object must name one of the event type's own
   * location types (every seeded type has only Cal Video: `{ type: 'integration', integration:
   * 'cal-video' }`). Without one, the booking gets the event type's Cal Video link.
   */
  function resolveLocation(
    eventType: CalFakeEventType,
    input: CalFakeLocationInput | undefined,
    uid: string,
  ):
    | { ok: true; location: string; response?: { value: string; optionValue: string } }
    | { ok: false; failure: CalFakeFailure } {
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
    const types: string[] = EVENT_TYPE_LOCATIONS.map((location) => location.type);
    if (typeof input.type !== 'string' || !types.includes(input.type)) {
      return {
        ok: false,
        failure: badRequest(
          `Booking location with type ${String(input.type)} not valid for event type with id=${eventType.id}. The event type has following location types: ${types.join(', ')}, and only these types are allowed for booking location.`,
        ),
      };
    }
    const integrations = EVENT_TYPE_LOCATIONS.map((location) => location.integration);
    if (!integrations.includes(String(input.integration))) {
      return {
        ok: false,
        failure: badRequest(
          `Booking location with integration ${String(input.integration)} not valid for event type with id=${eventType.id}. The event type has following integrations: ${integrations.join(', ')}, and only these integrations are allowed for booking location.`,
        ),
      };
    }
    return {
      ok: true,
      location: calVideo,
      response: { value: 'integrations:daily', optionValue: '' },
    };
  }

  /** Whether `start` (with the event's length) is a free slot of working hours past the notice. */
  function checkStart(
    eventType: CalFakeEventType & { ownerSub: string },
    start: number,
    lengthMs: number,
    ignoreUid: string | undefined,
  ): CalFakeFailure | undefined {
    const at = now();
    // Cal.com checks the notice window before availability; a start in the past gets its own message.
    if (start < at) return badRequest(CAL_MESSAGES.past);
    if (start < at + eventType.minimumBookingNotice * MINUTE_MS) {
      return badRequest(CAL_MESSAGES.outOfBounds);
    }
    const busy = busyIntervals(eventType.ownerSub, ignoreUid);
    const isSlot = workingSlots(eventType, start, start + lengthMs, lengthMs).includes(start);
    if (!isSlot || !isFree(eventType, start, lengthMs, busy)) {
      return badRequest(CAL_MESSAGES.unavailable);
    }
    return undefined;
  }

  /** A new booking record (not stored), with Cal.com's `responses` (input.service.ts, `transformInputCreateBooking`). */
  function newBooking(
    eventType: CalFakeEventType & { ownerSub: string },
    owner: CalFakeUser,
    input: CreateBookingInput,
    fields: {
      uid: string;
      start: number;
      lengthMs: number;
      location: string;
      locationResponse: { value: string; optionValue: string } | undefined;
      reason?: string | undefined;
    },
  ): CalFakeBooking {
    const given = { ...input.bookingFieldsResponses };
    const guests = input.guests ?? [];
    const responses: Record<string, unknown> = {
      ...given,
      name: input.attendee.name,
      email: input.attendee.email,
    };
    if (input.attendee.phoneNumber !== undefined) {
      responses.attendeePhoneNumber = input.attendee.phoneNumber;
    }
    if (guests.length > 0) responses.guests = [...guests];
    if (fields.locationResponse !== undefined) responses.location = fields.locationResponse;
    if (fields.reason !== undefined) responses.rescheduledReason = fields.reason;
    const at = now();
    return {
      id: nextBookingId++,
      uid: fields.uid,
      ownerSub: eventType.ownerSub,
      eventTypeId: eventType.id,
      start: fields.start,
      end: fields.start + fields.lengthMs,
      status: 'accepted',
      title: `${eventType.title} between ${owner.name} and ${input.attendee.name}`,
      description: typeof given.notes === 'string' && given.notes !== '' ? given.notes : null,
      attendee: { ...input.attendee, language: input.attendee.language ?? 'en' },
      guests: [...guests],
      responses,
      metadata: { ...input.metadata },
      location: fields.location,
      createdAt: at,
      updatedAt: null,
    };
  }

  function ownedEventType(eventTypeId: number) {
    const eventType = eventTypes.get(eventTypeId);
    const owner = eventType === undefined ? undefined : users.get(eventType.ownerSub);
    return eventType === undefined || owner === undefined ? undefined : { eventType, owner };
  }

  function createBooking(
    input: CreateBookingInput,
    createOptions: { rescheduleOf?: CalFakeBooking; rescheduledBy?: string; reason?: string } = {},
  ): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure } {
    const found = ownedEventType(input.eventTypeId);
    if (found === undefined) {
      return { ok: false, failure: notFound(`Event type with id ${input.eventTypeId} not found.`) };
    }
    const { eventType, owner } = found;
    // Cal.com's order: the booking fields (bookings.service.ts), then the length and the location
    // (input.service.ts), then time and availability (the booking handler).
    // A reschedule keeps the booking's answers and length (the fake's choice: see docs/sandbox-cal.md).
    if (createOptions.rescheduleOf === undefined) {
      const failure =
        checkFieldResponses(eventType, { ...input.bookingFieldsResponses }) ??
        checkLength(eventType, input.lengthInMinutes);
      if (failure !== undefined) return { ok: false, failure };
    }
    const uid = randomString(22);
    const place = resolveLocation(eventType, input.location, uid);
    if (!place.ok) return place;
    const lengthMs = lengthFor(eventType, input.lengthInMinutes) * MINUTE_MS;
    const startFailure = checkStart(
      eventType,
      input.start,
      lengthMs,
      createOptions.rescheduleOf?.uid,
    );
    if (startFailure !== undefined) return { ok: false, failure: startFailure };
    const booking = newBooking(eventType, owner, input, {
      uid,
      start: input.start,
      lengthMs,
      location: place.location,
      locationResponse: place.response,
      reason: createOptions.reason,
    });
    if (createOptions.rescheduleOf !== undefined) {
      booking.rescheduledFromUid = createOptions.rescheduleOf.uid;
      if (createOptions.reason !== undefined) booking.reschedulingReason = createOptions.reason;
      if (createOptions.rescheduledBy !== undefined)
        booking.rescheduledByEmail = createOptions.rescheduledBy;
    }
    bookings.push(booking);
    return { ok: true, booking: copyBooking(booking) };
  }

  /**
   * A recurring event type's series, as Cal.com's input service lays it out
   * (input.service.ts @ 01598ed41a205884e52f5c03577b81e41bce0fff, `transformInputCreateRecurringBooking`:
   * the event type's length, a count no higher than the event type's, each start stepped on the
   * attendee's wall clock) and its recurring booking service books it
   * (packages/features/bookings/lib/service/RecurringBookingService.ts
   * @ f0ac6126fbf673cb8202562293bf12d976ccaa49: `numSlotsToCheckForAvailability = 1`, so only the
   * first occurrence is checked; the others are booked as they fall).
   */
  function createRecurringBooking(
    input: CreateBookingInput & { recurrenceCount?: number | undefined },
  ): { ok: true; bookings: CalFakeBooking[] } | { ok: false; failure: CalFakeFailure } {
    const found = ownedEventType(input.eventTypeId);
    if (found === undefined) {
      return { ok: false, failure: notFound(`Event type with id ${input.eventTypeId} not found.`) };
    }
    const { eventType, owner } = found;
    const fieldFailure = checkFieldResponses(eventType, { ...input.bookingFieldsResponses });
    if (fieldFailure !== undefined) return { ok: false, failure: fieldFailure };
    const recurrence = eventType.recurrence;
    if (recurrence === null) {
      return {
        ok: false,
        failure: notFound(`Event type with id=${eventType.id} is not a recurring event`),
      };
    }
    if (input.recurrenceCount !== undefined && input.recurrenceCount > recurrence.occurrences) {
      return {
        ok: false,
        failure: badRequest(
          "Provided recurrence count is higher than the event type's recurring event count.",
        ),
      };
    }
    const count = input.recurrenceCount || recurrence.occurrences;
    const lengthMs = eventType.lengthInMinutes * MINUTE_MS;
    const unit = ({ weekly: 'weeks', monthly: 'months', yearly: 'years' } as const)[
      recurrence.frequency
    ];
    const firstUid = randomString(22);
    const place = resolveLocation(eventType, input.location, firstUid);
    if (!place.ok) return place;
    const startFailure = checkStart(eventType, input.start, lengthMs, undefined);
    if (startFailure !== undefined) return { ok: false, failure: startFailure };
    const recurringEventId = globalThis.crypto.randomUUID();
    const made: CalFakeBooking[] = [];
    for (let index = 0; index < count; index += 1) {
      const uid = index === 0 ? firstUid : randomString(22);
      const start = addInZone(
        input.start,
        input.attendee.timeZone,
        unit,
        index * recurrence.interval,
      );
      const booking = newBooking(eventType, owner, input, {
        uid,
        start,
        lengthMs,
        location:
          place.location === `https://app.cal.com/video/${firstUid}`
            ? `https://app.cal.com/video/${uid}`
            : place.location,
        locationResponse: place.response,
      });
      booking.recurringEventId = recurringEventId;
      bookings.push(booking);
      made.push(booking);
    }
    return { ok: true, bookings: made.map(copyBooking) };
  }

  function findBooking(uid: string): CalFakeBooking | undefined {
    return bookings.find((booking) => booking.uid === uid);
  }

  function seriesOf(recurringEventId: string): CalFakeBooking[] {
    return bookings
      .filter((booking) => booking.recurringEventId === recurringEventId)
      .sort((a, b) => a.start - b.start || a.id - b.id);
  }

  const isLive = (booking: CalFakeBooking) =>
    booking.status === 'accepted' || booking.status === 'pending';

  function markCancelled(
    booking: CalFakeBooking,
    input: { cancellationReason?: string; cancelledBy?: string },
  ): void {
    booking.status = 'cancelled';
    booking.updatedAt = now();
    if (input.cancellationReason !== undefined)
      booking.cancellationReason = input.cancellationReason;
    if (input.cancelledBy !== undefined) booking.cancelledByEmail = input.cancelledBy;
  }

  function cancelBooking(
    uid: string,
    input: {
      cancellationReason?: string;
      cancelledBy?: string;
      cancelSubsequentBookings?: boolean;
    },
  ): { ok: true; booking: CalFakeBooking } | { ok: false; failure: CalFakeFailure } {
    const booking = findBooking(uid);
    if (booking === undefined) return { ok: false, failure: bookingNotFound(uid) };
    if (!isLive(booking)) {
      return { ok: false, failure: badRequest(CAL_MESSAGES.alreadyCancelled) };
    }
    markCancelled(booking, input);
    // Cal.com's cancel handler with `cancelSubsequentBookings`: this occurrence and every later one.
    if (input.cancelSubsequentBookings === true && booking.recurringEventId !== undefined) {
      for (const later of seriesOf(booking.recurringEventId)) {
        if (later !== booking && later.start >= booking.start && isLive(later)) {
          markCancelled(later, input);
        }
      }
    }
    return { ok: true, booking: copyBooking(booking) };
  }

  function cancelSeries(
    recurringEventId: string,
    input: { cancellationReason?: string; cancelledBy?: string },
  ): { ok: true; bookings: CalFakeBooking[] } | { ok: false; failure: CalFakeFailure } {
    const series = seriesOf(recurringEventId);
    if (series.length === 0) return { ok: false, failure: bookingNotFound(recurringEventId) };
    // Cal.com's `allRemainingBookings`: the occurrences that have not started yet.
    const at = now();
    const remaining = series.filter((booking) => isLive(booking) && booking.start >= at);
    if (remaining.length === 0) {
      return { ok: false, failure: badRequest(CAL_MESSAGES.alreadyCancelled) };
    }
    for (const booking of remaining) markCancelled(booking, input);
    return { ok: true, bookings: series.map(copyBooking) };
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
    const { rescheduledReason: _reason, ...responses } = old.responses;
    const result = createBooking(
      {
        eventTypeId: old.eventTypeId,
        start: input.start,
        lengthInMinutes: Math.round((old.end - old.start) / MINUTE_MS),
        attendee: old.attendee,
        guests: old.guests,
        bookingFieldsResponses: responses,
        metadata: old.metadata,
        // Cal.com moves the booking's own location (input.service.ts `getRescheduleBookingLocation`);
        // a Cal Video link is the new booking's own.
        ...(old.location === `https://app.cal.com/video/${old.uid}`
          ? {}
          : { location: old.location }),
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
    revokeAccessTokens(sub) {
      const at = now();
      let revoked = 0;
      for (const [token, record] of tokens) {
        if (sub !== undefined && record.sub !== sub) continue;
        if (record.expiresAt > at) revoked += 1;
        tokens.delete(token);
      }
      return revoked;
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
    createRecurringBooking,
    series: (recurringEventId) => seriesOf(recurringEventId).map(copyBooking),
    cancelBooking,
    cancelSeries,
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
