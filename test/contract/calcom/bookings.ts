/**
 * The bookings endpoints (`cal-api-version: 2024-08-13`) as Cal.com answers them, written from
 * - apps/api/v2/src/ee/bookings/2024-08-13/services/output.service.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96
 *   (`getOutputBooking`, `getOutputRecurringBooking`, `getOutputSeatedBooking`,
 *   `getOutputRecurringSeatedBooking`, `getHost`: a deleted host is `{ id: 'unknown', … }` without
 *   `timeZone`; `cancellationReason`/`cancelledByEmail` are `''` when there is none)
 * - packages/platform/types/bookings/2024-08-13/outputs/booking.output.ts @ 1adf94bde079e5e2efc21b8557470da4eed026f9
 * - apps/api/v2/src/ee/bookings/2024-08-13/services/bookings.service.ts @ cd764fd827c001adedda807a326af9ca0f924beb
 *   (`data` is an array for a recurring event type's create, and for `GET /{uid}` and cancel when
 *   `uid` is a series' `recurringBookingUid`; list items mix the four outputs)
 * - apps/api/v2/src/ee/bookings/2024-08-13/controllers/e2e/reschedule-bookings.e2e-spec.ts
 *   @ a054f955b33e605f522e42ea3d481de5a33eb300 (the old booking of a reschedule: `cancelled`, with
 *   `rescheduledToUid`)
 * - apps/api/v2/src/lib/pagination/pagination.ts @ dfe3f44d27e79ab388e143ffcc13ccefcd1913bf
 */
import { arrayOf, literal, obj, oneOf, record, type Shape, type Spec } from '../shape.js';

const host = oneOf([
  obj({
    id: 'number',
    name: 'string|null',
    email: 'string',
    displayEmail: 'string',
    username: 'string',
    timeZone: 'string',
  }),
  obj({
    id: literal(['unknown']),
    name: literal(['unknown']),
    email: literal(['unknown']),
    displayEmail: literal(['unknown']),
    username: literal(['unknown']),
  }),
]);

const attendee: Shape = {
  name: 'string',
  email: 'string',
  displayEmail: 'string',
  timeZone: 'string',
  language: 'string|null',
  absent: 'boolean',
};

const base: Shape = {
  id: 'number',
  uid: 'string',
  title: 'string',
  description: 'string|null',
  hosts: arrayOf(host),
  status: literal(['accepted', 'cancelled', 'rejected', 'pending']),
  cancellationReason: 'string',
  rescheduledFromUid: '?string',
  start: 'string',
  end: 'string',
  duration: 'number',
  eventTypeId: 'number|null',
  eventType: obj({ id: 'number', slug: 'string' }, { nullable: true }),
  meetingUrl: '?string|null',
  location: 'string|null',
  absentHost: 'boolean',
  createdAt: 'string',
  updatedAt: 'string|null',
  metadata: record('string'),
  rating: 'number|null',
  icsUid: 'string|null',
};

/** What only a booking that is not seated has. */
const unseated: Shape = {
  cancelledByEmail: 'string',
  reschedulingReason: '?string',
  guests: arrayOf('string', { optional: true }),
  bookingFieldsResponses: record('unknown'),
};

/** What a booking that is not part of a series has. */
const single: Shape = { rescheduledToUid: '?string', rescheduledByEmail: '?string|null' };

const seatedAttendee = obj({
  ...attendee,
  seatUid: 'string',
  bookingFieldsResponses: record('unknown'),
  metadata: record('string'),
});

/** `BookingOutput_2024_08_13`. */
export const bookingShape: Shape = {
  ...base,
  ...unseated,
  ...single,
  attendees: arrayOf(obj({ ...attendee, phoneNumber: '?string' })),
};

/** `RecurringBookingOutput_2024_08_13`: one occurrence of a series. */
export const recurringBookingShape: Shape = {
  ...base,
  ...unseated,
  recurringBookingUid: 'string',
  attendees: arrayOf(obj(attendee)),
};

/** `GetSeatedBookingOutput_2024_08_13`; `seatUid` too when it answers a create. */
export const seatedBookingShape: Shape = {
  ...base,
  ...single,
  attendees: arrayOf(seatedAttendee),
  seatUid: '?string',
};

/** `GetRecurringSeatedBookingOutput_2024_08_13`; `seatUid` too when it answers a create. */
export const recurringSeatedBookingShape: Shape = {
  ...base,
  recurringBookingUid: 'string',
  attendees: arrayOf(seatedAttendee),
  seatUid: '?string',
};

/** Any one booking, as `GET /v2/bookings` mixes them. */
export const anyBookingShape: Spec = oneOf([
  obj(bookingShape),
  obj(recurringBookingShape),
  obj(seatedBookingShape),
  obj(recurringSeatedBookingShape),
]);

/** `data` of `GET /v2/bookings/{uid}` and of the cancel: one booking, or a whole series. */
export const bookingOrSeriesShape: Spec = oneOf([
  anyBookingShape,
  arrayOf(oneOf([obj(recurringBookingShape), obj(recurringSeatedBookingShape)])),
]);

export const paginationShape: Shape = {
  returnedItems: 'number',
  totalItems: 'number',
  itemsPerPage: 'number',
  remainingItems: 'number',
  currentPage: 'number',
  totalPages: 'number',
  hasNextPage: 'boolean',
  hasPreviousPage: 'boolean',
};

const hostSample = {
  id: 7,
  name: 'Jane Doe',
  email: 'jane@example.com',
  displayEmail: 'jane@example.com',
  username: 'jane',
  timeZone: 'Europe/Rome',
};
const attendeeSample = {
  name: 'John',
  email: 'john@example.com',
  displayEmail: 'john@example.com',
  timeZone: 'Europe/Rome',
  language: 'en',
  absent: false,
};

/** Exactly what Cal.com always sends for a booking. */
const minimal = {
  id: 101,
  uid: 'bk_1',
  title: '30 min between Jane and John',
  description: null,
  hosts: [hostSample],
  status: 'accepted',
  cancellationReason: '',
  cancelledByEmail: '',
  start: '2040-02-09T10:00:00.000Z',
  end: '2040-02-09T10:30:00.000Z',
  duration: 30,
  eventTypeId: 55,
  eventType: { id: 55, slug: '30min' },
  location: null,
  absentHost: false,
  createdAt: '2040-01-01T09:00:00.000Z',
  updatedAt: null,
  rating: null,
  icsUid: 'bk_1@Cal.com',
  attendees: [attendeeSample],
  bookingFieldsResponses: {
    name: 'John',
    email: 'john@example.com',
    displayEmail: 'john@example.com',
  },
  metadata: {},
};

const full = {
  ...minimal,
  id: 102,
  uid: 'bk_2',
  title: 'Consultation',
  description: 'Notes',
  reschedulingReason: 'Flying to venus that day',
  rescheduledByEmail: 'rescheduler@example.com',
  rescheduledFromUid: 'bk_old',
  start: '2040-02-09T12:00:00.000Z',
  end: '2040-02-09T13:00:00.000Z',
  duration: 60,
  meetingUrl: 'https://meet.google.com/abc',
  location: 'https://meet.google.com/abc',
  updatedAt: '2040-01-02T09:00:00.000Z',
  rating: 4,
  icsUid: 'ics_uid_123',
  attendees: [{ ...attendeeSample, language: 'it', phoneNumber: '+393331234567' }],
  guests: ['guest1@example.com'],
  bookingFieldsResponses: {
    name: 'John',
    email: 'john@example.com',
    guests: ['guest1@example.com'],
    location: { value: 'link', optionValue: 'https://meet.google.com/abc' },
    customField: 'x',
    rescheduledReason: 'Flying to venus that day',
    displayEmail: 'john@example.com',
    displayGuests: ['guest1@example.com'],
  },
  metadata: { key: 'value' },
};

const occurrence = (index: number) => ({
  ...minimal,
  id: 201 + index,
  uid: `rb_${index + 1}`,
  title: 'Weekly',
  start: `2040-02-${String(9 + 7 * index).padStart(2, '0')}T10:00:00.000Z`,
  end: `2040-02-${String(9 + 7 * index).padStart(2, '0')}T10:30:00.000Z`,
  eventTypeId: 60,
  eventType: { id: 60, slug: 'weekly' },
  meetingUrl: `https://app.cal.com/video/rb_${index + 1}`,
  location: `https://app.cal.com/video/rb_${index + 1}`,
  recurringBookingUid: '6f1c8d0e-series-uuid',
});

const seated = {
  ...minimal,
  id: 301,
  uid: 'sb_1',
  title: 'Workshop',
  cancelledByEmail: undefined,
  bookingFieldsResponses: undefined,
  duration: 60,
  end: '2040-02-09T11:00:00.000Z',
  eventTypeId: 70,
  eventType: { id: 70, slug: 'workshop' },
  rescheduledByEmail: null,
  attendees: [
    {
      ...attendeeSample,
      seatUid: '3be561a9-31f1-4b8e-aefc-9d9a085f0dd1',
      bookingFieldsResponses: { name: 'John', customField: 'x' },
      metadata: {},
    },
  ],
};

/** JSON drops `undefined`, as Cal.com's answer does. */
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

export const bookingSamples = {
  minimal,
  full,
  pending: { ...minimal, uid: 'bk_p', status: 'pending' },
  rejected: { ...minimal, uid: 'bk_r', status: 'rejected' },
  cancelled: {
    ...minimal,
    uid: 'bk_3',
    status: 'cancelled',
    cancellationReason: 'Will travel',
    cancelledByEmail: 'john@example.com',
    rescheduledByEmail: null,
    updatedAt: '2040-01-03T09:00:00.000Z',
  },
  /** The old booking after a reschedule. */
  rescheduled: {
    ...minimal,
    uid: 'bk_old',
    status: 'cancelled',
    rescheduledToUid: 'bk_2',
    rescheduledByEmail: 'rescheduler@example.com',
  },
  /** A deleted host. */
  unknownHost: {
    ...minimal,
    uid: 'bk_u',
    hosts: [
      {
        id: 'unknown',
        name: 'unknown',
        email: 'unknown',
        displayEmail: 'unknown',
        username: 'unknown',
      },
    ],
  },
  /** A booking whose event type was deleted. */
  noEventType: { ...minimal, uid: 'bk_n', eventTypeId: null, eventType: null },
  occurrence: occurrence(0),
  seated: json(seated),
  /** `POST /v2/bookings` of a seat: the seat just booked at the top level. */
  seatedCreated: json({ ...seated, seatUid: '3be561a9-31f1-4b8e-aefc-9d9a085f0dd1' }),
  /** Attendees hidden from who is not the owner. */
  seatedHidden: json({ ...seated, attendees: [] }),
  recurringSeated: json({
    ...seated,
    rescheduledByEmail: undefined,
    recurringBookingUid: 'series-2',
  }),
} as const;

/** A recurring series: the create of a recurring event type, or a series' uid read or cancelled. */
export const seriesSample = [occurrence(0), occurrence(1), occurrence(2)];

/** The same series after `POST /v2/bookings/{series uid}/cancel`. */
export const cancelledSeriesSample = seriesSample.map((item) => ({
  ...item,
  status: 'cancelled',
  cancellationReason: 'No longer needed',
  cancelledByEmail: 'john@example.com',
}));

export const paginationSample = {
  returnedItems: 2,
  totalItems: 12,
  itemsPerPage: 2,
  remainingItems: 8,
  currentPage: 2,
  totalPages: 6,
  hasNextPage: true,
  hasPreviousPage: true,
};

/** Cal.com's pagination of a list that fits on its first page: `count` items of `itemsPerPage`. */
export function onePagePagination(count: number, itemsPerPage: number) {
  return {
    returnedItems: count,
    totalItems: count,
    itemsPerPage,
    remainingItems: 0,
    currentPage: 1,
    totalPages: 1,
    hasNextPage: false,
    hasPreviousPage: false,
  };
}
