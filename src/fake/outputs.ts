/**
 * The answers' shapes, as Cal.com's code builds them (each cites its source): the user of
 * `GET /v2/me`, event types with their booking fields and locations, bookings and series, pagination.
 *
 * @module
 */
import type {
  CalFakeBooking,
  CalFakeBookingField,
  CalFakeEventType,
  CalFakeModel,
  CalFakeUser,
} from './modelTypes.js';
import { EVENT_TYPE_LOCATIONS } from './seed.js';

/**
 * `GET /v2/me`: `userSchemaResponse.parse(user)`, a plain zod object, so only its keys reach the JSON
 * (apps/api/v2/src/ee/me/me.controller.ts @ 5f5010ca19a27ca197381008b0d24cd42eff7ab0), as the schema
 * stood in October 2025 (packages/platform/types/me.ts @ 1f5174e67681d89e34d9cbb5cf850ea26ec4171d). The
 * model's `name`, `avatarUrl`, `bio` and `locale` stay on AISquare's user endpoint. A user without an
 * organization has `organizationId: null` and no `organization`.
 */
export function meOutput(user: CalFakeUser) {
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
 * `undefined` for such a type (`bookingLimitsCount`, `bookingLimitsDuration`, `bookerLayouts` unless set, `color`,
 * `customName`, `destinationCalendar`) are absent. `seatsPerTimeSlot` and `seatsShowAvailabilityCount`
 * are never sent (`seats` carries them); `recurrence` is `null` or carries the `disabled: false` its
 * class initialises (PT/inputs/recurrence.input.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96). The list
 * drops every booking field with `hidden: true` (`getResponseEventTypesWithoutHiddenFields`).
 * `calVideoSettings` and the December 2025 keys are left out: see the module comment.
 */
export function eventTypeOutput(eventType: CalFakeEventType, owner: CalFakeUser) {
  const options = eventType.lengthInMinutesOptions;
  const settings = eventType.settings ?? {};
  return {
    id: eventType.id,
    ownerId: eventType.ownerId,
    lengthInMinutes: eventType.lengthInMinutes,
    ...(options ? { lengthInMinutesOptions: [...options] } : {}),
    title: eventType.title,
    slug: eventType.slug,
    description: eventType.description,
    locations: (eventType.locations ?? EVENT_TYPE_LOCATIONS).map((location) => ({ ...location })),
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
    lockTimeZoneToggleOnBookingPage: settings.lockTimeZoneToggleOnBookingPage ?? false,
    forwardParamsSuccessRedirect: true,
    successRedirectUrl: settings.successRedirectUrl ?? null,
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
    onlyShowFirstAvailableSlot: settings.onlyShowFirstAvailableSlot ?? false,
    offsetStart: 0,
    bookingWindow: { disabled: true },
    // Only when set, and out of `metadata` (output-event-types.service.ts @ f0ac6126fbf673cb8202562293bf12d976ccaa49).
    ...(eventType.bookerLayouts
      ? {
          bookerLayouts: {
            defaultLayout: eventType.bookerLayouts.defaultLayout,
            enabledLayouts: [...eventType.bookerLayouts.enabledLayouts],
          },
        }
      : {}),
    // requires-confirmation.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96: the policy, or `{ disabled: true }`.
    confirmationPolicy: eventType.confirmationPolicy
      ? { ...eventType.confirmationPolicy }
      : { disabled: true },
    requiresBookerEmailVerification: settings.requiresBookerEmailVerification ?? false,
    hideCalendarNotes: false,
    // seats.input.ts @ 03670679c00d600615e8df2bc64545bd51c61646: its class initialises `disabled: false`.
    seats: eventType.seats ? { disabled: false, ...eventType.seats } : { disabled: true },
    useDestinationCalendarEmail: false,
    hideCalendarEventDetails: false,
    hideOrganizerEmail: settings.hideOrganizerEmail ?? false,
    hidden: eventType.hidden,
    bookingRequiresAuthentication: settings.bookingRequiresAuthentication ?? false,
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

/**
 * Who reads a seated booking: the caller's `sub` (the event type's owner sees every attendee, others
 * only with `showAttendeeInfo`), `list` for `GET /v2/bookings` (always every attendee), and the seat
 * a create just booked.
 */
export interface SeatedView {
  viewer?: string | undefined;
  list?: boolean;
  seatUid?: string | undefined;
}

/**
 * `GetSeatedBookingOutput_2024_08_13`, or `CreateSeatedBookingOutput_2024_08_13` with the `seatUid`
 * just booked (`getOutputSeatedBooking`, output.service.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96):
 * no `cancelledByEmail`, `reschedulingReason`, `guests` or top-level `bookingFieldsResponses`; each
 * attendee has its `seatUid`, its seat's answers without `email` ("not returned for privacy") and
 * `metadata`; `attendees: []` for a caller who is not the owner when the type hides attendees
 * (`showAttendees = userIsEventTypeAdminOrOwner || seatsShowAttendees`, bookings.service.ts @ cd764fd8).
 */
function seatedBookingOutput(booking: CalFakeBooking, model: CalFakeModel, view: SeatedView) {
  const { head, times, ...parts } = bookingParts(booking, model);
  const {
    cancelledByEmail: _by,
    reschedulingReason: _reason,
    ...seatedHead
  } = head as typeof head & {
    reschedulingReason?: string;
  };
  const show =
    view.list === true ||
    view.viewer === booking.ownerSub ||
    model.eventType(booking.eventTypeId)?.seats?.showAttendeeInfo === true;
  const attendees = (show ? (booking.seats ?? []) : []).map((seat) => {
    const { email: _email, ...responses } = seat.responses;
    return {
      name: seat.attendee.name,
      email: seat.attendee.email,
      displayEmail: displayEmail(seat.attendee.email),
      timeZone: seat.attendee.timeZone,
      language: seat.attendee.language,
      absent: false,
      seatUid: seat.seatUid,
      bookingFieldsResponses: responses,
      metadata: {},
    };
  });
  return {
    ...seatedHead,
    rescheduledByEmail: parts.rescheduledByEmail,
    ...(parts.rescheduledFromUid !== undefined
      ? { rescheduledFromUid: parts.rescheduledFromUid }
      : {}),
    ...(parts.rescheduledToUid !== undefined ? { rescheduledToUid: parts.rescheduledToUid } : {}),
    ...times,
    attendees,
    metadata: parts.metadata,
    ...(view.seatUid === undefined ? {} : { seatUid: view.seatUid }),
  };
}

/** A booking as Cal.com writes it: an occurrence of a series as such, a seated one as such, any other as a booking. */
export function bookingOutput(booking: CalFakeBooking, model: CalFakeModel, view: SeatedView = {}) {
  if (booking.seats !== undefined) return seatedBookingOutput(booking, model, view);
  return booking.recurringEventId === undefined
    ? singleBookingOutput(booking, model)
    : recurringBookingOutput(booking, model);
}

/** A whole series, in order of start (Cal.com's `getOutputRecurringBookings`). */
export function seriesOutput(series: readonly CalFakeBooking[], model: CalFakeModel) {
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
