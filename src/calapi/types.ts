import type { StandardSchemaV1 } from '../client/standardSchema.js';
import type { CalBookingLocationInput } from './fields.js';
import type {
  CalBooking,
  CalBookingSeries,
  CalBookingsPage,
  CalEventType,
  CalMe,
  CalReservation,
  CalReservedSlot,
  CalSlots,
} from './schemas.js';

// The response types live beside their schemas; re-exported so one module names the whole API.
export type {
  CalBookingField,
  CalBookingLocationInput,
  CalChoiceBookingField,
  CalEmailBookingField,
  CalLocation,
  CalLocationBookingField,
  CalLocationIntegration,
  CalNameBookingField,
  CalOtherBookingField,
  CalSplitNameBookingField,
  CalUnknownBookingField,
  CalValueBookingField,
} from './fields.js';
export type {
  CalAttendee,
  CalBooking,
  CalBookingSeries,
  CalBookingStatus,
  CalBookingsPage,
  CalConfirmationPolicy,
  CalEventType,
  CalEventTypePageSettings,
  CalEventTypeSeats,
  CalMe,
  CalPagination,
  CalReservation,
  CalReservedSlot,
  CalSlot,
  CalSlotShape,
  CalSlots,
} from './schemas.js';

/**
 * Response schemas per method, applied to the envelope's unwrapped `data` (for `bookings`, to the
 * `{ items, pagination }` page). Any Standard Schema works; its output must still fit the method's type.
 */
export interface CalApiSchemas {
  /** @default CalMeSchema */
  me: StandardSchemaV1<unknown, CalMe>;
  /** @default an array of CalEventTypeSchema */
  eventTypes: StandardSchemaV1<unknown, CalEventType[]>;
  /** @default CalSlotsSchema */
  slots: StandardSchemaV1<unknown, CalSlots>;
  /** @default CalBookingsPageSchema */
  bookings: StandardSchemaV1<unknown, CalBookingsPage>;
  /** @default CalBookingOrSeriesSchema (a booking, or a series' occurrences) */
  booking: StandardSchemaV1<unknown, CalBooking | CalBookingSeries>;
  /** @default CalBookingSchema (applied to the first occurrence of a series) */
  createBooking: StandardSchemaV1<unknown, CalBooking>;
  /** @default CalBookingOrSeriesSchema (a booking, or a series' occurrences) */
  cancelBooking: StandardSchemaV1<unknown, CalBooking | CalBookingSeries>;
  /** @default CalBookingSchema */
  rescheduleBooking: StandardSchemaV1<unknown, CalBooking>;
  /** @default CalReservationSchema (for `reserveSlot` and `updateReservation`) */
  reservation: StandardSchemaV1<unknown, CalReservation>;
  /** @default CalReservedSlotSchema, or null (`data: null` for an unknown uid) */
  reservedSlot: StandardSchemaV1<unknown, CalReservedSlot | null>;
}

export interface CalApiOptions {
  /**
   * Returns the current Cal.com access token; `{ forceRefresh: true }` asks for a new one (sent once
   * for all requests that got HTTP 498 together). A rejection is passed on to the caller as is.
   * Left out, the client is a visitor's (no account): what Cal.com serves to anyone goes out without
   * an `Authorization` header (`slots`, `eventTypes` with a `username`, `booking`, `createBooking`,
   * `cancelBooking`, `rescheduleBooking`, the slot reservations, and `fetch`, where Cal.com decides),
   * and the rest fails `unauthorized` without a request.
   * @default undefined (a visitor's client)
   */
  getAccessToken?: ((options?: { forceRefresh?: boolean }) => Promise<string>) | undefined;
  /**
   * The access token at hand right now, or `undefined` while none is: with it, the reads Cal.com
   * serves without a token (`slots`, and `eventTypes` with a `username`) go out at once, with this
   * token when there is one and without any while it is being fetched, instead of waiting for
   * `getAccessToken`. Without it, every call waits for `getAccessToken`. @default undefined
   */
  peekAccessToken?: () => string | undefined;
  /**
   * Cal.com API origin; paths under `/v2` are appended, and a trailing `/v2` or `/` is stripped. It
   * must be an absolute `https:` URL (`http:` only on localhost) without credentials, query or
   * fragment, else a `TypeError`. Or a function resolving it lazily, called on each request until it
   * resolves once (a rejection is passed on as is). @default 'https://api.cal.com'
   */
  baseUrl?: string | (() => string | Promise<string>);
  /**
   * The `fetch` to use. Without it, `globalThis.fetch` is looked up on every request, so MSW or a spy
   * installed later is honoured. @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Time-out per call in milliseconds, covering the token, the request and the one retry after a
   * 498: a finite number >= 0, where `0` disables it; anything else throws a `TypeError`. @default 15000
   */
  requestTimeoutMs?: number;
  /**
   * Largest response body read, in bytes (error responses too): a longer one rejects with kind
   * `invalid_response` and is not downloaded further. A positive integer. @default 1048576 (1 MiB)
   */
  maxResponseBytes?: number;
  /**
   * Aborts every call made through this client, in flight or later (each then rejects with kind
   * `aborted`): for a client tied to something that ends, as the session's is to its identity.
   * @default undefined
   */
  signal?: AbortSignal;
  /** Per-method response schemas; see `CalApiSchemas`. @default the built-in zod schemas */
  schemas?: Partial<CalApiSchemas>;
}

/** Options every typed method takes. */
export interface CalRequestOptions {
  /** Aborts the call; it then rejects with a `CalApiError` of kind `aborted`. */
  signal?: AbortSignal;
}

/** A query parameter: arrays are sent comma-separated (Cal.com's style), `undefined` is left out. */
export type CalQueryValue = string | number | boolean | readonly (string | number)[] | undefined;

export interface CalFetchInit extends CalRequestOptions {
  /** @default 'GET' */
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Query parameters, appended to any query `path` already has. @default {} */
  query?: Record<string, CalQueryValue>;
  /** Sent as JSON with `Content-Type: application/json`. @default undefined (no body) */
  body?: unknown;
  /**
   * The `cal-api-version` header. Cal.com silently serves old endpoints without it, so it defaults per
   * path family. @default slots `2024-09-04`, bookings `2024-08-13`, event-types `2024-06-14`, else none
   */
  version?: string;
  /** Extra headers; an `Authorization` header is replaced (it comes from `getAccessToken`). @default {} */
  headers?: Record<string, string>;
}

/** `GET /v2/event-types` filters; with none, the token's user's own event types. */
export interface CalEventTypesParams {
  /** List this Cal.com user's public event types. @default the token's user */
  username?: string;
  /** With `username`: only the event type with this slug. @default every slug */
  eventSlug?: string;
  /** The dynamic group event types of these users. @default undefined */
  usernames?: readonly string[];
  /** The organization the users belong to, by slug. @default undefined (no organization) */
  orgSlug?: string;
  /** The organization the users belong to, by id. @default undefined (no organization) */
  orgId?: number;
}

/** An event type by id, or by its slug together with its owner's username. */
export type CalEventTypeRef =
  | {
      /** The event type's id. */
      eventTypeId: number;
    }
  | {
      /** The event type's slug, unique per owner only. */
      eventTypeSlug: string;
      /** The Cal.com username of the event type's owner. */
      username: string;
    };

/** `GET /v2/slots`: the event type and a range of ISO dates or times. */
export type CalSlotsParams = CalEventTypeRef & {
  /** First day (`YYYY-MM-DD`) or instant (ISO 8601) of the range. */
  start: string;
  /** Last day (inclusive) or instant of the range. */
  end: string;
  /** Zone of the returned times and of the date keys. @default 'UTC' (Cal.com's default) */
  timeZone?: string;
  /** For event types with several lengths: the length in minutes. @default the event type's length */
  duration?: number;
  /** `range` adds each slot's `end`. @default 'time' */
  format?: 'time' | 'range';
  /** Frees that booking's own time while rescheduling it. @default undefined */
  bookingUidToReschedule?: string;
};

export type CalBookingStatusFilter =
  | 'upcoming'
  | 'recurring'
  | 'past'
  | 'cancelled'
  | 'unconfirmed';

/** `GET /v2/bookings` filters and paging (`take`/`skip`). */
export interface CalBookingsParams {
  /** Sent as one comma-separated `status` parameter. @default every status */
  status?: CalBookingStatusFilter | readonly CalBookingStatusFilter[];
  /** Bookings per page. @default Cal.com's page size (the sandbox's: 100) */
  take?: number;
  /** Bookings to skip before the page. @default 0 */
  skip?: number;
  /**
   * Order by start time. @default Cal.com's order (the sandbox's: newest first for `past` or
   * `cancelled` alone, else oldest first)
   */
  sortStart?: 'asc' | 'desc';
  /** Only bookings that start at or after this ISO 8601 time. @default undefined */
  afterStart?: string;
  /** Only bookings that end at or before this ISO 8601 time. @default undefined */
  beforeEnd?: string;
  /** Only bookings of this event type. @default undefined (every event type) */
  eventTypeId?: number;
}

/** `POST /v2/bookings` body (`2024-08-13`). */
export type CalCreateBookingInput = CalEventTypeRef & {
  /** ISO 8601 start in UTC, e.g. `2025-01-06T09:00:00Z`. */
  start: string;
  /** The person booking. */
  attendee: {
    /** The attendee's name. */
    name: string;
    /** The attendee's e-mail address. */
    email: string;
    /** The attendee's IANA time zone, for Cal.com's messages to them. */
    timeZone: string;
    /** Language of the attendee's e-mails. @default 'en' (Cal.com's) */
    language?: string;
    /** The attendee's phone number, in international form (`+44…`). @default undefined */
    phoneNumber?: string;
  };
  /** Extra attendees' e-mail addresses. @default [] */
  guests?: readonly string[];
  /** Answers to the event type's other booking fields, by the field's slug. @default {} */
  bookingFieldsResponses?: Record<string, unknown>;
  /** At most 50 keys; Cal.com accepts strings (≤ 500 characters), numbers and booleans. */
  metadata?: Record<string, string | number | boolean>;
  /** For event types with several lengths: the length in minutes. @default the event type's length */
  lengthInMinutes?: number;
  /**
   * Where the meeting takes place: one of the event type's `locations` as Cal.com's location object,
   * e.g. `{ type: 'integration', integration: 'cal-video' }` or `{ type: 'attendeePhone', phone }`.
   * Cal.com still accepts a plain string for backwards compatibility (it then maps a URL to a link,
   * a phone number to a phone and anything else to "somewhere else", without checking it against
   * the event type); prefer the object. @default the event type's first location
   */
  location?: CalBookingLocationInput | string;
  /**
   * For a recurring event type: how many occurrences to book, at most the type's
   * `recurrence.occurrences`. @default the type's `recurrence.occurrences`
   */
  recurrenceCount?: number;
  /**
   * The code Cal.com e-mailed the attendee, for an event type with `requiresBookerEmailVerification`
   * (`POST /v2/atoms/verification/email/send-code`). @default undefined
   */
  emailVerificationCode?: string;
};

export interface CalCancelBookingInput {
  /** Why, shown to the attendees in Cal.com's e-mail. @default undefined (no reason) */
  cancellationReason?: string;
  /**
   * For one occurrence of a recurring series: also cancel every later occurrence (Cal.com then
   * answers with the whole series). @default false
   */
  cancelSubsequentBookings?: boolean;
  /**
   * For a seated booking: cancel only this seat (an attendee's `seatUid`); the booking stays for the
   * other attendees, and cancelling its last seat cancels it. Not with `cancelSubsequentBookings`.
   * @default undefined (the whole booking)
   */
  seatUid?: string;
}

export interface CalRescheduleBookingInput {
  /** ISO 8601 start of the new booking, in UTC. */
  start: string;
  /** Why, shown to the attendees in Cal.com's e-mail. @default undefined (no reason) */
  reschedulingReason?: string;
  /** E-mail of who reschedules; the owner's confirms a booking that needs confirmation. */
  rescheduledBy?: string;
  /**
   * For a seated booking, required: the seat to move (Cal.com then rejects `reschedulingReason`).
   * @default undefined
   */
  seatUid?: string;
}

/**
 * `POST /v2/slots/reservations` and `PATCH /v2/slots/reservations/{uid}` body (`2024-09-04`,
 * reserve-slot.input.ts @ 03670679c00d600615e8df2bc64545bd51c61646).
 */
export interface CalReserveSlotInput {
  /** The event type's id. */
  eventTypeId: number;
  /** ISO 8601 start of the slot (Cal.com reads it in UTC). */
  slotStart: string;
  /** For event types with several lengths: the length in minutes. @default the event type's length */
  slotDuration?: number;
  /**
   * Minutes to hold the slot; Cal.com accepts it only from the event type's owner or a member of its
   * team or organization (else 401 without a token, 403 with one). @default 5 (Cal.com's)
   */
  reservationDuration?: number;
}

/** A framework-free Cal.com API v2 client on a managed access token. */
export interface CalApi {
  /**
   * Any v2 endpoint (`path` starts with `/v2/`) with the same auth, 498 handling, time-out, size cap
   * and errors as the typed methods; resolves the parsed JSON envelope as is (`undefined` when empty).
   */
  fetch<T = unknown>(path: string, init?: CalFetchInit): Promise<T>;
  /** `GET /v2/me`. */
  me(options?: CalRequestOptions): Promise<CalMe>;
  /** `GET /v2/event-types`. */
  eventTypes(params?: CalEventTypesParams, options?: CalRequestOptions): Promise<CalEventType[]>;
  /** `GET /v2/slots`. */
  slots(params: CalSlotsParams, options?: CalRequestOptions): Promise<CalSlots>;
  /** `GET /v2/bookings`: one page. */
  bookings(params?: CalBookingsParams, options?: CalRequestOptions): Promise<CalBookingsPage>;
  /**
   * `GET /v2/bookings/{uid}`: the booking, or, when `uid` is a recurring series'
   * `recurringBookingUid`, every occurrence of the series (an array, in order of start).
   */
  booking(uid: string, options?: CalRequestOptions): Promise<CalBooking | CalBookingSeries>;
  /**
   * `POST /v2/bookings`; never retried, except once after a 498. For a recurring event type Cal.com
   * books every occurrence; this resolves the first (use `fetch` for the whole series).
   */
  createBooking(input: CalCreateBookingInput, options?: CalRequestOptions): Promise<CalBooking>;
  /**
   * `POST /v2/bookings/{uid}/cancel`: the cancelled booking, or the whole series (an array) when
   * `uid` is a series' `recurringBookingUid` or `cancelSubsequentBookings` is set.
   */
  cancelBooking(
    uid: string,
    input?: CalCancelBookingInput,
    options?: CalRequestOptions,
  ): Promise<CalBooking | CalBookingSeries>;
  /** `POST /v2/bookings/{uid}/reschedule`: the new booking (`rescheduledFromUid` is the old one). */
  rescheduleBooking(
    uid: string,
    input: CalRescheduleBookingInput,
    options?: CalRequestOptions,
  ): Promise<CalBooking>;
  /**
   * `POST /v2/slots/reservations`: holds a slot so that `GET /v2/slots` no longer lists it, for
   * everyone (its reserver too), until `reservationUntil`. Rejects with a 422 `CalApiError` when the
   * time is already reserved or booked.
   */
  reserveSlot(input: CalReserveSlotInput, options?: CalRequestOptions): Promise<CalReservation>;
  /** `GET /v2/slots/reservations/{uid}`: the reservation, or `null` when Cal.com knows no such uid. */
  reservedSlot(uid: string, options?: CalRequestOptions): Promise<CalReservedSlot | null>;
  /**
   * `PATCH /v2/slots/reservations/{uid}`: moves the reservation and holds it anew. Cal.com checks the
   * new time against every live reservation, this one included, so a time overlapping its own
   * current hold answers 422: renew a hold with `deleteReservation` then `reserveSlot`.
   */
  updateReservation(
    uid: string,
    input: CalReserveSlotInput,
    options?: CalRequestOptions,
  ): Promise<CalReservation>;
  /** `DELETE /v2/slots/reservations/{uid}`: frees the slot (an unknown uid succeeds too). */
  deleteReservation(uid: string, options?: CalRequestOptions): Promise<void>;
}
