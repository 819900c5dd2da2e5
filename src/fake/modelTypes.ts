/**
 * The shapes of the in-memory Cal.com world: users, event types, bookings, rate-limit state, the
 * options of `createCalFakeModel` and the `CalFakeModel` interface itself. Types only; model.ts
 * re-exports them, so callers import from there.
 *
 * @module
 */

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
  /** The Booker's views the owner chose; absent = never set (Cal.com then omits the key). */
  bookerLayouts?: {
    defaultLayout: 'month' | 'week' | 'column';
    enabledLayouts: ('month' | 'week' | 'column')[];
  };
  /** A seated event type: several attendees share one booking per time (Cal.com's `seats`). */
  seats?: CalFakeSeats;
  /** A booking is `pending` until the host confirms it (Cal.com's `confirmationPolicy`). */
  confirmationPolicy?: { type: 'always'; blockUnconfirmedBookingsInBooker: boolean };
  /**
   * Where it takes place, in Cal.com's 2024-06-14 output form (`{ type: 'attendeePhone' }`,
   * `{ type: 'address', address, public }`, ...). @default Cal Video alone (`EVENT_TYPE_LOCATIONS`)
   */
  locations?: CalFakeLocation[];
  /** Booking-page settings, each `false` (`null` for the URL) when absent, as Cal.com's defaults. */
  settings?: CalFakeEventTypeSettings;
}

/** Cal.com's `seats` of an event type (seats.input.ts, 2024-06-14). */
export interface CalFakeSeats {
  seatsPerTimeSlot: number;
  /** Whether attendees who are not the owner see each other (Cal.com's `seatsShowAttendees`). */
  showAttendeeInfo: boolean;
  showAvailabilityCount: boolean;
}

/** One seat of a seated booking (Cal.com's `BookingSeat`): its `referenceUid`, attendee and answers. */
export interface CalFakeSeat {
  seatUid: string;
  attendee: CalFakeAttendee;
  responses: Record<string, unknown>;
}

/** One location of an event type as Cal.com's event-type output writes it. */
export interface CalFakeLocation {
  type: string;
  [key: string]: unknown;
}

/** An event type's booking-page settings (Cal.com's 2024-06-14 output keys of the same names). */
export interface CalFakeEventTypeSettings {
  lockTimeZoneToggleOnBookingPage?: boolean;
  /** `GET /v2/slots` keeps the first slot of each day only. */
  onlyShowFirstAvailableSlot?: boolean;
  hideOrganizerEmail?: boolean;
  /** `POST /v2/bookings` wants the code `send-code` mailed (`emailVerificationCode`). */
  requiresBookerEmailVerification?: boolean;
  /** `POST /v2/bookings` only with the owner's token: 401 without one, 403 with another's. */
  bookingRequiresAuthentication?: boolean;
  successRedirectUrl?: string | null;
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
  /** A seated booking's seats, in the order taken; `attendee` is the first seat's. */
  seats?: CalFakeSeat[];
}

/** A free slot (epoch ms); a seated event type's also counts its seats (`GET /v2/slots`). */
export interface CalFakeSlot {
  start: number;
  end: number;
  seats?: { booked: number; total: number; bookingUid?: string };
}

/** A slot reservation as the model stores it (Cal.com's `SelectedSlots` row; epoch ms). */
export interface CalFakeReservation {
  uid: string;
  eventTypeId: number;
  /** The host whose slots it hides (Cal.com's `userId`: the event type's owner). */
  ownerSub: string;
  start: number;
  end: number;
  /** Minutes held. */
  reservationDuration: number;
  /** When it stops counting (`releaseAt`). */
  releaseAt: number;
  /** Whether the event type is seated (such a hold counts as a taken seat, not a busy time). */
  isSeat: boolean;
}

/** The body of `POST` and `PATCH /v2/slots/reservations` once valid. */
export interface CalFakeReserveInput {
  eventTypeId: number;
  slotStart: string;
  slotDuration?: number | undefined;
  reservationDuration?: number | undefined;
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
  ): CalFakeSlot[];
  /** Books one meeting (on any event type; `POST /v2/bookings` sends a recurring one's to `createRecurringBooking`). */
  createBooking(
    input: CreateBookingInput,
    options?: { rescheduleOf?: CalFakeBooking; rescheduledBy?: string; reason?: string },
  ):
    | { ok: true; booking: CalFakeBooking; seatUid?: string }
    | { ok: false; failure: CalFakeFailure };
  /**
   * Cancels one seat of a seated booking (`seatUid`); the last seat cancels the booking. A seat that
   * does not exist, or belongs to another booking, is Cal.com's 400.
   */
  cancelSeat(
    uid: string,
    seatUid: string,
    input: { cancellationReason?: string; cancelledBy?: string },
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
   * Reserves a slot as `POST /v2/slots/reservations` does (`authSub`: the token's user, if any): 422
   * when the time overlaps a booking or a live reservation of the event type.
   */
  reserveSlot(
    input: CalFakeReserveInput,
    authSub?: string,
  ): { ok: true; reservation: CalFakeReservation } | { ok: false; failure: CalFakeFailure };
  /** Moves a reservation and holds it anew, as `PATCH /v2/slots/reservations/{uid}` does. */
  updateReservation(
    uid: string,
    input: CalFakeReserveInput,
  ): { ok: true; reservation: CalFakeReservation } | { ok: false; failure: CalFakeFailure };
  /** A reservation by uid until it is deleted (a copy), else `undefined`. */
  reservation(uid: string): CalFakeReservation | undefined;
  /** Deletes a reservation; whether one was there. */
  deleteReservation(uid: string): boolean;
  /** The reservations still holding their time (`releaseAt` after now), in creation order (copies). */
  liveReservations(): CalFakeReservation[];
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
  /**
   * The e-mail verification code last "sent" to `email` by `POST /v2/atoms/verification/email/send-code`
   * (nothing is mailed), while it is still valid; `undefined` otherwise. For tests, stories and the demo.
   */
  emailVerificationCode(email: string): string | undefined;
  /**
   * "Sends" `email` a verification code (the valid one again, else a new one), counted against the
   * send throttle of `tracker` (3 a minute, then blocked a minute); `false` when throttled.
   */
  sendEmailVerificationCode(email: string, tracker: string): boolean;
  /** Whether `email` is the address of one of the model's users. */
  isUserEmail(email: string): boolean;
  /** Forgets every user, token, event type, booking and rate-limit counter; restores the rate limit. */
  reset(): void;
}
