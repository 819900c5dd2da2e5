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
  }))();

/** One free slot; `end` only with `format: 'range'`. Times carry the requested zone's offset. */
export const CalSlotSchema = /* @__PURE__ */ (() =>
  z.looseObject({ start: z.string(), end: optionalString }))();

/** `GET /v2/slots` (`2024-09-04`): slots by local date `YYYY-MM-DD`; `{}` when there are none. */
export const CalSlotsSchema = /* @__PURE__ */ (() =>
  z.record(z.string(), z.array(CalSlotSchema)))();

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
export type CalEventType = z.infer<typeof CalEventTypeSchema> & CalEventTypePageSettings;

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
export type CalAttendee = z.infer<typeof CalAttendeeSchema>;
export type CalBooking = z.infer<typeof CalBookingSchema>;
export type CalPagination = z.infer<typeof CalPaginationSchema>;
export type CalBookingsPage = z.infer<typeof CalBookingsPageSchema>;
/** Every occurrence of a recurring series, in order of start; each has `recurringBookingUid`. */
export type CalBookingSeries = CalBooking[];
