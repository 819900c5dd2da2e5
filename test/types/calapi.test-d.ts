import { expectTypeOf } from 'vitest';
import * as z from 'zod/mini';
import {
  type BookingsErrorKind,
  type CalApi,
  CalApiError,
  type CalApiErrorKind,
  type CalApiOptions,
  type CalBooking,
  type CalBookingField,
  type CalBookingLocationInput,
  CalBookingSchema,
  type CalBookingSeries,
  type CalBookingStatus,
  type CalBookingsPage,
  type CalCreateBookingInput,
  type CalEventType,
  type CalFetchInit,
  type CalMe,
  type CalOtherBookingField,
  type CalPagination,
  type CalSlot,
  type CalSlots,
  type CalSlotsParams,
  type CalSplitNameBookingField,
  createCalApi,
  isCalApiError,
  type StandardSchemaV1,
} from '../../src/core.js';

// Type-level only: tsc checks this file, nothing here runs.
const getAccessToken = async (_options?: { forceRefresh?: boolean }) => 'token';
const api = createCalApi({ getAccessToken });
expectTypeOf(api).toEqualTypeOf<CalApi>();

// Options: baseUrl is a string or a (possibly async) function; without getAccessToken, a visitor's client.
createCalApi({ getAccessToken, baseUrl: 'https://api.cal.com/v2' });
createCalApi({ getAccessToken, baseUrl: () => 'https://api.cal.com' });
createCalApi({ getAccessToken, baseUrl: async () => 'https://api.cal.com' });
expectTypeOf(createCalApi({ baseUrl: 'https://api.cal.com' })).toEqualTypeOf<CalApi>();
// @ts-expect-error the getter resolves a string
createCalApi({ getAccessToken: async () => 42 });
expectTypeOf<CalApiOptions['fetch']>().toEqualTypeOf<typeof globalThis.fetch | undefined>();

// The typed methods resolve the unwrapped data.
expectTypeOf(api.me()).resolves.toEqualTypeOf<CalMe>();
expectTypeOf(api.eventTypes()).resolves.toEqualTypeOf<CalEventType[]>();
expectTypeOf(api.bookings()).resolves.toEqualTypeOf<CalBookingsPage>();
// A series' uid answers every occurrence.
expectTypeOf(api.booking('uid')).resolves.toEqualTypeOf<CalBooking | CalBookingSeries>();
expectTypeOf(api.cancelBooking('uid')).resolves.toEqualTypeOf<CalBooking | CalBookingSeries>();
expectTypeOf(api.createBooking).parameter(0).toHaveProperty('recurrenceCount');
expectTypeOf<CalBookingSeries>().toEqualTypeOf<CalBooking[]>();
// A deleted host's id is Cal.com's string 'unknown'.
expectTypeOf<NonNullable<CalBooking['hosts']>[number]['id']>().toEqualTypeOf<
  number | 'unknown' | null | undefined
>();
// Cal.com's /v2/me has no name before late 2025: optional.
expectTypeOf<CalMe['name']>().toEqualTypeOf<string | null | undefined>();
// The location of a new booking is one of Cal.com's objects (a string only for old clients).
expectTypeOf<CalCreateBookingInput['location']>().toEqualTypeOf<
  CalBookingLocationInput | string | undefined
>();
// @ts-expect-error an attendee's phone location needs the phone
const noPhone: CalBookingLocationInput = { type: 'attendeePhone' };
void noPhone;
// Booking fields narrow by type.
declare const field: CalBookingField;
if (field.type === 'splitName')
  expectTypeOf(field).toExtend<CalSplitNameBookingField | CalOtherBookingField>();

expectTypeOf<CalBookingsPage>().toEqualTypeOf<{ items: CalBooking[]; pagination: CalPagination }>();
expectTypeOf<CalSlots>().toEqualTypeOf<Record<string, CalSlot[]>>();
expectTypeOf<CalSlot['start']>().toEqualTypeOf<string>();
expectTypeOf<CalMe['id']>().toEqualTypeOf<number>();
expectTypeOf<CalBooking['uid']>().toEqualTypeOf<string>();
expectTypeOf<CalBooking['attendees'][number]['email']>().toEqualTypeOf<string>();
// Any status string is accepted, the known ones still autocomplete.
expectTypeOf<'accepted'>().toExtend<CalBooking['status']>();
expectTypeOf<'some_future_state'>().toExtend<CalBookingStatus>();
// Unknown keys are kept by the lenient schemas.
expectTypeOf<CalBooking>().toHaveProperty('anythingElse').toEqualTypeOf<unknown>();

// Slots: an event type by id, or by slug together with its owner's username.
const range = { start: '2030-01-01', end: '2030-01-07' };
expectTypeOf(api.slots({ eventTypeId: 1, ...range })).resolves.toEqualTypeOf<CalSlots>();
api.slots({ eventTypeSlug: 'thirty', username: 'ada', ...range, format: 'range' });
// @ts-expect-error a slug needs the username
api.slots({ eventTypeSlug: 'thirty', ...range });
// @ts-expect-error start and end are required
api.slots({ eventTypeId: 1 });
// @ts-expect-error format is 'time' or 'range'
api.slots({ eventTypeId: 1, ...range, format: 'slots' });
expectTypeOf<CalSlotsParams>().toHaveProperty('timeZone').toEqualTypeOf<string | undefined>();

// Bookings: one status or several.
api.bookings({ status: 'upcoming', take: 10, skip: 0 });
api.bookings({ status: ['past', 'cancelled'], sortStart: 'desc' });
// @ts-expect-error not a Cal.com status filter
api.bookings({ status: 'accepted' });

// Mutations.
const attendee = { name: 'Bob', email: 'bob@example.test', timeZone: 'UTC' };
api.createBooking({ start: '2030-01-01T09:00:00Z', eventTypeId: 1, attendee });
api.createBooking({ start: 'x', eventTypeSlug: 's', username: 'u', attendee, metadata: { n: 1 } });
// @ts-expect-error an event type is required
api.createBooking({ start: 'x', attendee });
// @ts-expect-error the attendee needs a time zone
api.createBooking({ start: 'x', eventTypeId: 1, attendee: { name: 'Bob', email: 'b@x.test' } });
// @ts-expect-error metadata values are strings, numbers or booleans
api.createBooking({ start: 'x', eventTypeId: 1, attendee, metadata: { nested: {} } });
api.cancelBooking('uid', { cancellationReason: 'ill' }, { signal: new AbortController().signal });
expectTypeOf(api.rescheduleBooking('uid', { start: 'x' })).resolves.toEqualTypeOf<CalBooking>();
// @ts-expect-error a reschedule needs the new start
api.rescheduleBooking('uid', {});

// fetch: any v2 endpoint, typed by the caller.
expectTypeOf(api.fetch('/v2/schedules')).resolves.toBeUnknown();
expectTypeOf(api.fetch<{ status: 'success' }>('/v2/me')).resolves.toEqualTypeOf<{
  status: 'success';
}>();
expectTypeOf<CalFetchInit['method']>().toEqualTypeOf<
  'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | undefined
>();
// @ts-expect-error query values are strings, numbers, booleans or lists of them
api.fetch('/v2/bookings', { query: { nested: { a: 1 } } });

// Schemas: any Standard Schema whose output fits the method's type.
createCalApi({
  getAccessToken,
  schemas: { booking: z.extend(CalBookingSchema, { meetingUrl: z.string() }) },
});
const hostMe: StandardSchemaV1<unknown, CalMe> = {
  '~standard': { version: 1, vendor: 'host', validate: (value) => ({ value: value as CalMe }) },
};
createCalApi({ getAccessToken, schemas: { me: hostMe } });
// @ts-expect-error the output must still be a booking
createCalApi({ getAccessToken, schemas: { booking: z.object({ id: z.string() }) } });

// Errors.
expectTypeOf<CalApiErrorKind>().toEqualTypeOf<
  BookingsErrorKind | 'token_expired' | 'rate_limited'
>();
const error: unknown = new Error('x');
if (isCalApiError(error)) {
  expectTypeOf(error).toEqualTypeOf<CalApiError>();
  expectTypeOf(error.kind).toEqualTypeOf<CalApiErrorKind>();
  expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
  expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
  expectTypeOf(error.code).toEqualTypeOf<string | undefined>();
  expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
  expectTypeOf(error.method).toEqualTypeOf<string>();
  expectTypeOf(error.path).toEqualTypeOf<string>();
}
expectTypeOf(
  new CalApiError({ kind: 'rate_limited', method: 'GET', path: '/v2/me' }),
).toExtend<Error>();
