import * as z from 'zod/mini';
import type { StandardSchemaV1 } from '../client/standardSchema.js';
import type { CalBookingField, CalLocation } from './fields.js';

// Each top-level schema is built in a pure-annotated arrow, so a bundle that never validates a Cal.com
// answer (a host using only the token) drops it: a plain `z.looseObject(...)` call cannot be dropped,
// because its nested `z.string()` arguments count as side effects.
// Lenient by design: unknown keys are kept and every field Cal.com may leave out is optional and
// nullable, so a new or missing field in a Cal.com release does not break a host's booking page.
const optionalString = /* @__PURE__ */ (() => z.optional(z.nullable(z.string())))();
const optionalNumber = /* @__PURE__ */ (() => z.optional(z.nullable(z.number())))();
const optionalBoolean = /* @__PURE__ */ (() => z.optional(z.nullable(z.boolean())))();
const optionalRecord = /* @__PURE__ */ (() =>
  z.optional(z.nullable(z.record(z.string(), z.unknown()))))();

/**
 * An event type's `seats` (event-types_2024_06_14 seats.input.ts): a seated type's
 * `{ disabled: false, seatsPerTimeSlot, showAttendeeInfo, showAvailabilityCount }`, else
 * `{ disabled: true }`.
 */
export interface CalEventTypeSeats {
  disabled?: boolean;
  seatsPerTimeSlot?: number;
  /** Whether attendees who are not the owner see each other. */
  showAttendeeInfo?: boolean;
  /** Whether the booker shows how many seats are left (else how full a time is). */
  showAvailabilityCount?: boolean;
  [key: string]: unknown;
}

/**
 * An event type's `confirmationPolicy`: `{ type: 'always' }` or `{ type: 'time', noticeThreshold }`,
 * each with `blockUnconfirmedBookingsInBooker`; `{ disabled: true }` when no confirmation is needed.
 * Branch on a created booking's `status` (`'pending'`), not on this.
 */
export interface CalConfirmationPolicy {
  type?: 'always' | 'time' | (string & {});
  disabled?: boolean;
  blockUnconfirmedBookingsInBooker?: boolean;
  noticeThreshold?: { unit?: string; count?: number };
  [key: string]: unknown;
}

/**
 * A slot of `GET /v2/slots`; a seated event type's also counts its seats (checked as a slot only:
 * readers check the counts' types, as `calSlotSeats` does).
 */
export interface CalSlotShape {
  start: string;
  end?: string | null | undefined;
  /** Seated event types: seats taken at this time. */
  seatsBooked?: number;
  /** Seated event types: seats left (`seatsTotal - seatsBooked`). */
  seatsRemaining?: number;
  /** Seated event types: the type's `seatsPerTimeSlot`. */
  seatsTotal?: number;
  /** Seated event types: the seated booking already at this time. */
  bookingUid?: string;
  [key: string]: unknown;
}

/**
 * `GET /v2/me`: the Cal.com user the access token belongs to. Cal.com strips every other key of the
 * user (apps/api/v2/src/ee/me/me.controller.ts); `name`, `avatarUrl` and `bio` came only at the end of
 * 2025, so most deployments send none of them.
 */
export const CalMeSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.number(),
    username: z.string(),
    email: z.string(),
    timeZone: z.string(),
    weekStart: z.string(),
    timeFormat: z.number(),
    defaultScheduleId: z.nullable(z.number()),
    organizationId: optionalNumber,
    organization: z.optional(z.looseObject({ id: z.number(), isPlatform: optionalBoolean })),
    name: optionalString,
    avatarUrl: optionalString,
    bio: optionalString,
  }))();

/**
 * A question of an event type's booking form. Cal.com's variants differ by `type` (see
 * `CalBookingField`); the schema checks what they share and passes every other key, and every type,
 * through, so a field Cal.com adds later never breaks a booking page.
 */
export const CalBookingFieldSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    type: z.string(),
    name: optionalString,
    slug: optionalString,
    label: optionalString,
    placeholder: optionalString,
    required: optionalBoolean,
    hidden: optionalBoolean,
    isDefault: optionalBoolean,
    options: z.optional(z.nullable(z.array(z.unknown()))),
  }) as unknown as z.ZodMiniType<CalBookingField>)();

/** An event type as `GET /v2/event-types` (`cal-api-version: 2024-06-14`) lists it. */
export const CalEventTypeSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.number(),
    title: z.string(),
    slug: z.string(),
    lengthInMinutes: z.number(),
    description: optionalString,
    hidden: optionalBoolean,
    slotInterval: optionalNumber,
    minimumBookingNotice: optionalNumber,
    beforeEventBuffer: optionalNumber,
    afterEventBuffer: optionalNumber,
    lengthInMinutesOptions: z.optional(z.nullable(z.array(z.number()))),
    bookingFields: z.optional(z.nullable(z.array(CalBookingFieldSchema))),
    locations: z.optional(
      z.nullable(
        z.array(z.looseObject({ type: z.string() }) as unknown as z.ZodMiniType<CalLocation>),
      ),
    ),
    ownerId: optionalNumber,
    // Only checked to be an object (bytes: the Cal.com row); the picker takes only the layouts it knows.
    bookerLayouts: z.optional(z.looseObject({})) as unknown as z.ZodMiniOptional<
      z.ZodMiniType<{ defaultLayout: string; enabledLayouts: string[] }>
    >,
  }))();

/**
 * One free slot; `end` only with `format: 'range'`. Times carry the requested zone's offset. A seated
 * event type's slots count their seats; `bookingUid` is the seated booking already at that time.
 */
export const CalSlotSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    start: z.string(),
    end: optionalString,
  }) as unknown as z.ZodMiniType<CalSlotShape>)();

/** `GET /v2/slots` (`2024-09-04`): slots by local date `YYYY-MM-DD`; `{}` when there are none. */
export const CalSlotsSchema = /* @__PURE__ */ (() =>
  z.record(z.string(), z.array(CalSlotSchema)))();

/**
 * `GET /v2/slots/reservations/{uid}` (`2024-09-04`): a reservation, without `reservationDuration`
 * (packages/platform/types/slots/slots-2024-09-04/outputs/get-reserved-slot.output.ts
 * @ 03670679c00d600615e8df2bc64545bd51c61646). Times are UTC ISO strings.
 */
export const CalReservedSlotSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    eventTypeId: z.number(),
    slotStart: z.string(),
    slotEnd: z.string(),
    slotDuration: z.number(),
    reservationUid: z.string(),
    reservationUntil: z.string(),
  }))();

/**
 * `POST` and `PATCH /v2/slots/reservations` (`2024-09-04`): the reservation with its hold in minutes
 * (reserve-slot.output.ts @ 0c03d483f531350cf4598d82ab13cedfd527d092).
 */
export const CalReservationSchema = /* @__PURE__ */ (() =>
  z.extend(CalReservedSlotSchema, { reservationDuration: z.number() }))();

/** Cal.com's booking states; any other string is accepted too, for states Cal.com adds later. */
export type CalBookingStatus = 'accepted' | 'cancelled' | 'rejected' | 'pending' | (string & {});

const CalAttendeeSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    name: z.string(),
    email: z.string(),
    timeZone: z.string(),
    language: optionalString,
    absent: optionalBoolean,
    phoneNumber: optionalString,
  }))();

/** A booking as the bookings endpoints (`cal-api-version: 2024-08-13`) return it. */
export const CalBookingSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    id: z.number(),
    uid: z.string(),
    title: z.string(),
    description: optionalString,
    status: z.string() as z.ZodMiniType<CalBookingStatus>,
    start: z.string(),
    end: z.string(),
    duration: z.number(),
    // Null when the event type was deleted; such a booking must not fail a whole list.
    eventTypeId: z.nullable(z.number()),
    eventType: z.optional(z.nullable(z.looseObject({ id: z.number(), slug: optionalString }))),
    attendees: z.array(CalAttendeeSchema),
    hosts: z.optional(
      z.nullable(
        z.array(
          z.looseObject({
            // The string 'unknown' when the host's user was deleted (output.service.ts getHost).
            id: z.optional(z.nullable(z.union([z.number(), z.literal('unknown')]))),
            name: optionalString,
            email: optionalString,
            username: optionalString,
            timeZone: optionalString,
          }),
        ),
      ),
    ),
    guests: z.optional(z.nullable(z.array(z.string()))),
    location: optionalString,
    meetingUrl: optionalString,
    cancellationReason: optionalString,
    rescheduledFromUid: optionalString,
    rescheduledToUid: optionalString,
    recurringBookingUid: optionalString,
    seatUid: optionalString,
    createdAt: z.string(),
    updatedAt: optionalString,
    metadata: optionalRecord,
    bookingFieldsResponses: optionalRecord,
  }))();

/**
 * `GET /v2/bookings/{uid}` and its cancel: one booking, or every occurrence of a recurring series when
 * `uid` is the series' `recurringBookingUid` (or the cancel asked for `cancelSubsequentBookings`). A
 * Standard Schema that picks by the answer's form, so a mismatch names its paths as either schema would.
 */
export const CalBookingOrSeriesSchema: StandardSchemaV1<unknown, CalBooking | CalBookingSeries> =
  /* @__PURE__ */ (() => {
    const series = z.array(CalBookingSchema).check(z.minLength(1));
    return {
      '~standard': {
        version: 1,
        vendor: 'aisquare',
        validate: (value: unknown) =>
          (Array.isArray(value) ? series : CalBookingSchema)['~standard'].validate(value),
      },
    } as StandardSchemaV1<unknown, CalBooking | CalBookingSeries>;
  })();

/** Cal.com's `pagination` object of `GET /v2/bookings`. */
export const CalPaginationSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    totalItems: z.number(),
    remainingItems: z.number(),
    returnedItems: z.number(),
    itemsPerPage: z.number(),
    currentPage: z.number(),
    totalPages: z.number(),
    hasNextPage: z.boolean(),
    hasPreviousPage: z.boolean(),
  }))();

/** One page of `GET /v2/bookings`: the envelope's `data` as `items`, and its `pagination`. */
export const CalBookingsPageSchema = /* @__PURE__ */ (() =>
  z.object({
    items: z.array(CalBookingSchema),
    pagination: CalPaginationSchema,
  }))();

export type CalMe = z.infer<typeof CalMeSchema>;
/**
 * An event type. `recurrence`, `seats` and `confirmationPolicy` are typed but not checked (the loose
 * schema keeps every key; checking them would cost every host's bundle for shapes Cal.com's DTOs fix),
 * so readers check each key's type. Cal.com never sends the top-level `seatsPerTimeSlot` its DTO
 * declares: `seats` carries it.
 */
export type CalEventType = z.infer<typeof CalEventTypeSchema> &
  CalEventTypePageSettings & {
    /**
     * A recurring type's series (2024-06-14 output, `{ disabled, frequency, interval, occurrences }`;
     * `frequency` is `weekly`, `monthly` or `yearly`), null for a one-off type.
     */
    recurrence?: { frequency: string; interval: number; occurrences: number } | null;
    seats?: CalEventTypeSeats | null;
    confirmationPolicy?: CalConfirmationPolicy | null;
  };

/**
 * An event type's booking-page settings, as Cal.com's 2024-06-14 output always sends them
 * (output-event-types.service.ts @ f0ac6126fbf673cb8202562293bf12d976ccaa49). Typed but not checked
 * by the schema (the loose object keeps them as sent), so that the Cal.com client stays within its
 * size budget: the booking flow reads each one strictly (`=== true`, an http(s) URL only).
 */
export interface CalEventTypePageSettings {
  /** The booker may not change the time zone. */
  lockTimeZoneToggleOnBookingPage?: boolean | null;
  /** Cal.com's slots offer the earliest time of each day only (applied by Cal.com). */
  onlyShowFirstAvailableSlot?: boolean | null;
  /** The organizer's e-mail address is shown nowhere, the .ics included. */
  hideOrganizerEmail?: boolean | null;
  /** A new booking needs the code Cal.com e-mails the attendee (`emailVerificationCode`). */
  requiresBookerEmailVerification?: boolean | null;
  /** Only the event type's owner (or a team or organization admin) may book it. */
  bookingRequiresAuthentication?: boolean | null;
  /** Where to go after booking; the booker hands it to the host, never follows it. */
  successRedirectUrl?: string | null;
}
export type CalSlot = z.infer<typeof CalSlotSchema>;
export type CalSlots = z.infer<typeof CalSlotsSchema>;
export type CalReservedSlot = z.infer<typeof CalReservedSlotSchema>;
export type CalReservation = z.infer<typeof CalReservationSchema>;
/** An attendee; a seated booking's each have their own `seatUid` (typed, not checked). */
export type CalAttendee = z.infer<typeof CalAttendeeSchema> & { seatUid?: string };
export type CalBooking = z.infer<typeof CalBookingSchema>;
export type CalPagination = z.infer<typeof CalPaginationSchema>;
export type CalBookingsPage = z.infer<typeof CalBookingsPageSchema>;
/** Every occurrence of a recurring series, in order of start; each has `recurringBookingUid`. */
export type CalBookingSeries = CalBooking[];
