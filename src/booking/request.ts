/**
 * The booking request built from the form's values: pure functions, so `useCalBookingFlow`, a server
 * action or another framework send Cal.com the same body for the same answers.
 */
import type {
  CalBooking,
  CalBookingSeries,
  CalCreateBookingInput,
  CalEventTypeRef,
  CalRescheduleBookingInput,
} from '../calapi/types.js';
import type { CalBookingFormValues } from './flowMachine.js';

/** What a new booking needs besides the form's values. */
export interface CalCreateBookingInputOptions {
  /** The event type to book: `{ eventTypeId }`, or `{ eventTypeSlug, username }`. */
  eventType: CalEventTypeRef;
  /** The slot's start as Cal.com listed it (any offset); sent as ISO 8601 in UTC. */
  start: string;
  /** The attendee's IANA time zone, sent as `attendee.timeZone`. */
  timeZone: string;
  /** Sent as `attendee.language`. @default undefined (Cal.com's 'en') */
  language?: string | undefined;
  /** A recurring event type's number of occurrences, sent as `recurrenceCount`. @default undefined (Cal.com books the type's count) */
  recurrenceCount?: number | undefined;
  /**
   * The length chosen among the event type's `lengthInMinutesOptions`, sent as `lengthInMinutes`.
   * Leave it out for an event type without options: Cal.com refuses it there with a 400.
   * @default undefined (the event type's own length)
   */
  lengthInMinutes?: number | undefined;
}

/** What moving a booking needs besides the form's values. */
export interface CalRescheduleBookingInputOptions {
  /** The new slot's start as Cal.com listed it (any offset); sent as ISO 8601 in UTC. */
  start: string;
}

/**
 * Cal.com's create-booking body (`POST /v2/bookings`) for the form's values: names, e-mail and notes
 * trimmed, notes sent as the `notes` booking field, and `guests`, `bookingFieldsResponses`,
 * `location` and `lengthInMinutes` only when there are any. Throws a `RangeError` for a `start` that
 * is not a date.
 */
export function toCalCreateBookingInput(
  values: CalBookingFormValues,
  {
    eventType,
    start,
    timeZone,
    language,
    recurrenceCount,
    lengthInMinutes,
  }: CalCreateBookingInputOptions,
): CalCreateBookingInput {
  const responses: Record<string, unknown> = { ...values.responses };
  if (values.notes.trim()) responses.notes = values.notes.trim();
  return {
    ...eventType,
    start: new Date(start).toISOString(),
    attendee: {
      name: values.name.trim(),
      email: values.email.trim(),
      timeZone,
      ...(language ? { language } : {}),
    },
    ...(values.guests.length > 0 ? { guests: values.guests } : {}),
    ...(Object.keys(responses).length > 0 ? { bookingFieldsResponses: responses } : {}),
    ...(recurrenceCount ? { recurrenceCount } : {}),
    ...(values.location ? { location: values.location } : {}),
    ...(lengthInMinutes ? { lengthInMinutes } : {}),
  };
}

/**
 * Cal.com's reschedule body (`POST /v2/bookings/{uid}/reschedule`) for the form's values: the new
 * start, and the reason, trimmed, when one was given. Throws a `RangeError` for a `start` that is not
 * a date.
 */
export function toCalRescheduleBookingInput(
  values: Pick<CalBookingFormValues, 'rescheduleReason'>,
  { start }: CalRescheduleBookingInputOptions,
): CalRescheduleBookingInput {
  const reason = values.rescheduleReason?.trim();
  return {
    start: new Date(start).toISOString(),
    ...(reason ? { reschedulingReason: reason } : {}),
  };
}

/**
 * A booking, or a series' next occurrence still to come (not cancelled or rejected, not over); when
 * none is, its last, which Cal.com then refuses to move with its own message. Cal.com moves one
 * occurrence at a time, so a series' uid stands for this one.
 */
export function occurrenceToReschedule(data: CalBooking | CalBookingSeries): CalBooking {
  if (!Array.isArray(data)) return data;
  const now = Date.now();
  return (
    data.find(
      (item) =>
        item.status !== 'cancelled' && item.status !== 'rejected' && Date.parse(item.end) > now,
    ) ?? (data[data.length - 1] as CalBooking)
  );
}
