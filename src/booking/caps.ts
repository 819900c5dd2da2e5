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

/**
 * The first cap a booking request breaks, said for developers without any of its values (e.g.
 * `attendee.name: more than 255 characters`), or undefined. Lengths count UTF-16 code units, as
 * `maxlength` and Cal.com's own checks do.
 */
export function calBookingInputProblem(body: {
  attendee?: { name?: string; email?: string };
  guests?: readonly string[];
  bookingFieldsResponses?: Record<string, unknown>;
  reschedulingReason?: string;
}): string | undefined {
  const { attendee = {}, guests = [], bookingFieldsResponses = {} } = body;
  if (guests.length > MAX_GUESTS) return `guests: more than ${MAX_GUESTS}`;
  const texts: [string, unknown, number][] = [
    ['attendee.name', attendee.name, MAX_NAME],
    ['attendee.email', attendee.email, MAX_EMAIL],
    ['reschedulingReason', body.reschedulingReason, MAX_TEXT],
    ...guests.map((guest): [string, unknown, number] => ['guests', guest, MAX_EMAIL]),
    // An answer, or each item of a list of them (checkbox fields).
    ...Object.values(bookingFieldsResponses)
      .flat()
      .map((answer): [string, unknown, number] => ['bookingFieldsResponses', answer, MAX_TEXT]),
  ];
  const long = texts.find(([, text, max]) => typeof text === 'string' && text.length > max);
  if (long) return `${long[0]}: more than ${long[2]} characters`;
  if (jsonBytes(body) > MAX_BODY_BYTES) return `body: more than ${MAX_BODY_BYTES} bytes`;
  return undefined;
}
