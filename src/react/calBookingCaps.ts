/**
 * Caps on what the booking flow sends Cal.com, checked before anything is sent (the form shows them
 * as field errors; `useCalBookingFlow` refuses a request over them). Cal.com's create-booking input
 * (`CreateBookingInput_2024_08_13`) limits none of these fields, so each is chosen here; the sources
 * are in docs/booking-flow.md ("Input caps").
 */

/**
 * Guests besides the attendee. Cal.com allows 30 attendees in all where it counts them (adding guests
 * to a booking: `MAX_TOTAL_GUESTS_PER_BOOKING`, the booker included), so the attendee and 29 guests.
 */
export const MAX_GUESTS = 29;
/** The attendee's name: a `String` column in Cal.com's schema (unlimited); 255 is the usual cap. */
export const MAX_NAME = 255;
/** An e-mail address (the attendee's and each guest's): RFC 5321's 254 characters. */
export const MAX_EMAIL = 254;
/**
 * Any other text answer (notes, questions, the reason for a reschedule): the most Cal.com's own form
 * builder lets an organizer allow on a long-text question.
 */
export const MAX_TEXT = 1000;
/** The whole JSON body, in UTF-8 bytes. */
export const MAX_BODY_BYTES = 65_536;
/**
 * The part of the body the form leaves for what it does not hold (start, event type, zone, language,
 * the keys): the form caps the answers at `MAX_BODY_BYTES` less this.
 */
export const BODY_RESERVE_BYTES = 1024;

/** The UTF-8 length of `value` as JSON. */
export const jsonBytes = (value: unknown): number =>
  new TextEncoder().encode(JSON.stringify(value) ?? '').length;

/** The strings of an answer: itself, or the strings of a list. */
const stringsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * The first cap a booking request breaks, said for developers without any of its values, or
 * undefined. Lengths count UTF-16 code units, as `maxlength` and Cal.com's own checks do.
 */
export function calBookingInputProblem(body: {
  attendee?: { name?: string; email?: string };
  guests?: readonly string[];
  bookingFieldsResponses?: Record<string, unknown>;
  reschedulingReason?: string;
}): string | undefined {
  const { attendee, guests = [], bookingFieldsResponses = {}, reschedulingReason } = body;
  if (guests.length > MAX_GUESTS) return `more than ${MAX_GUESTS} guests`;
  if ((attendee?.name?.length ?? 0) > MAX_NAME) {
    return `attendee.name is longer than ${MAX_NAME} characters`;
  }
  if (
    (attendee?.email?.length ?? 0) > MAX_EMAIL ||
    guests.some((guest) => String(guest).length > MAX_EMAIL)
  ) {
    return `an e-mail address is longer than ${MAX_EMAIL} characters`;
  }
  if ((reschedulingReason?.length ?? 0) > MAX_TEXT) {
    return `reschedulingReason is longer than ${MAX_TEXT} characters`;
  }
  for (const [slug, answer] of Object.entries(bookingFieldsResponses)) {
    if (stringsOf(answer).some((item) => typeof item === 'string' && item.length > MAX_TEXT)) {
      // The slug is the event type's, not the person's: safe to name.
      return `the answer to "${slug.slice(0, 40)}" is longer than ${MAX_TEXT} characters`;
    }
  }
  if (jsonBytes(body) > MAX_BODY_BYTES) return `the request is larger than ${MAX_BODY_BYTES} bytes`;
  return undefined;
}
