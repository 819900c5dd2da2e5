/**
 * `GET /v2/slots` (`cal-api-version: 2024-09-04`) as Cal.com answers it, written from
 * - packages/platform/types/slots/slots-2024-09-04/outputs/slots.output.ts @ 6a132bc5238ea489b7e9579b2dce334097a93ac9
 * - apps/api/v2/src/modules/slots/slots-2024-09-04/services/slots-output.service.ts @ 03670679c00d600615e8df2bc64545bd51c61646
 * - apps/api/v2/src/modules/slots/slots-2024-09-04/controllers/e2e/user-event-type-slots.controller.e2e-spec.ts
 *   @ 30f11f51f04983191e1299b9001063944e5f8ecd (the seated and range samples' shapes)
 *
 * `data` maps each local date that has a slot to its slots (`{}` when none). A slot is `{ start }`, or
 * `{ start, end }` with `format=range`; a seated event type adds `seatsBooked`, `seatsRemaining` and
 * `seatsTotal` to every slot and `bookingUid` where a booking already sits. Times are luxon's `toISO()`
 * in the requested zone (`…000+02:00`), UTC (`…000Z`) without one.
 */
import { arrayOf, obj, oneOf, record, type Shape } from '../shape.js';

const timeSlot: Shape = { start: 'string' };
const rangeSlot: Shape = { start: 'string', end: 'string' };
const seats: Shape = {
  seatsBooked: 'number',
  seatsRemaining: 'number',
  seatsTotal: 'number',
  bookingUid: '?string',
};

/** One slot, in any of Cal.com's four variants. */
export const slotShape = oneOf([
  obj(timeSlot),
  obj(rangeSlot),
  obj({ ...timeSlot, ...seats }),
  obj({ ...rangeSlot, ...seats }),
]);

/** `data` of `GET /v2/slots`. */
export const slotsDataShape = record(arrayOf(slotShape));

export const slotsSamples = {
  /** Nothing free: Cal.com leaves out every day without a slot. */
  empty: {},
  /** `format=time` (the default) in Europe/Rome. */
  time: {
    '2050-09-05': [
      { start: '2050-09-05T09:00:00.000+02:00' },
      { start: '2050-09-05T10:00:00.000+02:00' },
    ],
    '2050-09-06': [{ start: '2050-09-06T09:00:00.000+02:00' }],
  },
  /** `format=range` in Europe/Rome. */
  range: {
    '2050-09-05': [
      { start: '2050-09-05T09:00:00.000+02:00', end: '2050-09-05T10:00:00.000+02:00' },
      { start: '2050-09-05T10:00:00.000+02:00', end: '2050-09-05T11:00:00.000+02:00' },
    ],
  },
  /** No `timeZone`: UTC with `Z`. */
  utc: { '2050-09-05': [{ start: '2050-09-05T07:00:00.000Z' }] },
  /** A seated event type, nothing booked yet. */
  seated: {
    '2050-09-05': [
      { start: '2050-09-05T07:00:00.000Z', seatsBooked: 0, seatsRemaining: 5, seatsTotal: 5 },
    ],
  },
  /** A seated event type in range format, one slot partly booked. */
  seatedRange: {
    '2050-09-05': [
      {
        start: '2050-09-05T10:00:00.000Z',
        end: '2050-09-05T11:00:00.000Z',
        seatsBooked: 0,
        seatsRemaining: 5,
        seatsTotal: 5,
      },
      {
        start: '2050-09-05T11:00:00.000Z',
        end: '2050-09-05T12:00:00.000Z',
        seatsBooked: 1,
        seatsRemaining: 4,
        seatsTotal: 5,
        bookingUid: 'booking-uid-123',
      },
    ],
  },
} as const;
