import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import type { CalApiError } from '../../../src/calapi/errors.js';
import {
  CalBookingSchema,
  CalBookingsPageSchema,
  CalEventTypeSchema,
  CalMeSchema,
  CalSlotsSchema,
} from '../../../src/calapi/schemas.js';
import type { CalBooking, CalEventType, CalMe } from '../../../src/calapi/types.js';
import type { StandardSchemaV1 } from '../../../src/client/standardSchema.js';
import { BOOKING, EVENT_TYPE, ME, ok, PAGINATION, rejectionOf, setup } from './fakeCal.js';

describe('built-in schemas are lenient', () => {
  it('keep unknown keys and accept null or missing optional fields', () => {
    const me = { ...ME, locale: null, avatarUrl: null, organization: { id: 1 } };
    expect(z.parse(CalMeSchema, me)).toEqual(me);
    const eventType = {
      ...EVENT_TYPE,
      description: null,
      hidden: true,
      bookingFields: [
        { type: 'name', slug: 'name', isDefault: true, required: true },
        { type: 'select', slug: 'topic', label: 'Topic', options: ['a', 'b'] },
        { type: 'radio', name: 'size', options: [{ label: 'S', value: 's' }] },
      ],
      locations: [{ type: 'integration', integration: 'cal-video' }],
      seats: null,
    };
    expect(z.parse(CalEventTypeSchema, eventType)).toEqual(eventType);
  });

  it('a booking: any status string, a null eventTypeId, extra fields of seated or recurring bookings', () => {
    const booking = {
      ...BOOKING,
      status: 'awaiting_host',
      eventTypeId: null,
      eventType: null,
      hosts: [{ id: 1, name: 'Ada', email: 'ada@example.test', username: 'ada', timeZone: 'UTC' }],
      attendees: [{ ...BOOKING.attendees[0], absent: false, language: 'en', seatUid: 's-1' }],
      recurringBookingUid: 'r-1',
      absentHost: false,
      metadata: { source: 'web', attempt: 2 },
      bookingFieldsResponses: { notes: 'hi', guests: [] },
    };
    expect(z.parse(CalBookingSchema, booking)).toEqual(booking);
  });

  it('slots: dates to slots with an optional end and seat fields; {} parses', () => {
    const slots = {
      '2030-03-30': [{ start: '2030-03-30T09:00:00.000+00:00' }],
      '2030-03-31': [
        {
          start: '2030-03-31T09:00:00.000+01:00',
          end: '2030-03-31T09:30:00.000+01:00',
          seatsRemaining: 2,
        },
      ],
    };
    expect(z.parse(CalSlotsSchema, slots)).toEqual(slots);
    expect(z.parse(CalSlotsSchema, {})).toEqual({});
  });

  it('keeps and types seats, the confirmation policy and seated slots', () => {
    const seated = {
      ...EVENT_TYPE,
      seats: {
        disabled: false,
        seatsPerTimeSlot: 3,
        showAttendeeInfo: false,
        showAvailabilityCount: true,
      },
      confirmationPolicy: { type: 'always', blockUnconfirmedBookingsInBooker: false },
    };
    const parsed: CalEventType = z.parse(CalEventTypeSchema, seated);
    expect(parsed).toEqual(seated);
    expect(parsed.seats?.seatsPerTimeSlot).toBe(3);
    expect(parsed.confirmationPolicy?.type).toBe('always');
    const slot = {
      start: '2030-03-31T09:00:00.000Z',
      seatsBooked: 3,
      seatsRemaining: 0,
      seatsTotal: 3,
      bookingUid: 'b-1',
    };
    expect(z.parse(CalSlotsSchema, { '2030-03-31': [slot] })['2030-03-31']?.[0]).toEqual(slot);
    expect(z.safeParse(CalSlotsSchema, { '2030-03-31': [{ seatsTotal: 3 }] }).success).toBe(false);
  });

  it('still require what identifies a record', () => {
    expect(z.safeParse(CalMeSchema, { ...ME, id: undefined }).success).toBe(false);
    expect(z.safeParse(CalBookingSchema, { ...BOOKING, uid: 5 }).success).toBe(false);
    expect(z.safeParse(CalSlotsSchema, { '2030-01-01': [{}] }).success).toBe(false);
    expect(
      z.safeParse(CalBookingsPageSchema, { items: [], pagination: { totalItems: 0 } }).success,
    ).toBe(false);
  });
});

describe('host schemas', () => {
  it('a hand-written async Standard Schema replaces one method’s schema, on the unwrapped data', async () => {
    const seen: unknown[] = [];
    const me: StandardSchemaV1<unknown, CalMe> = {
      '~standard': {
        version: 1,
        vendor: 'host',
        validate: async (value) => {
          seen.push(value);
          return { value: { ...(value as CalMe), name: 'From the host schema' } };
        },
      },
    };
    const { api } = setup(() => ok({ ...ME, id: 'not-a-number' }), { schemas: { me } });
    await expect(api.me()).resolves.toMatchObject({ name: 'From the host schema' });
    expect(seen).toEqual([{ ...ME, id: 'not-a-number' }]);
  });

  it('the bookings schema receives the { items, pagination } page', async () => {
    const validate = vi.fn((value: unknown) => ({ value: value as never }));
    const { api } = setup(() => ok([BOOKING], { pagination: PAGINATION }), {
      schemas: { bookings: { '~standard': { version: 1, vendor: 'spy', validate } } },
    });
    await api.bookings();
    expect(validate).toHaveBeenCalledWith({ items: [BOOKING], pagination: PAGINATION });
  });

  it('a stricter zod schema rejects as invalid_response; the other methods keep the defaults', async () => {
    const strict = z.extend(CalBookingSchema, { meetingUrl: z.string() });
    const { api } = setup(() => ok(BOOKING), {
      schemas: { booking: strict as StandardSchemaV1<unknown, CalBooking> },
    });
    const error = (await rejectionOf(api.booking('bk-1'))) as CalApiError;
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect(error.issues?.[0]?.path).toBe('meetingUrl');
    await expect(api.cancelBooking('bk-1')).resolves.toEqual(BOOKING);
  });

  it('a schema that throws is invalid_response with the thrown value as cause', async () => {
    const thrown = new Error('schema bug');
    const { api } = setup(() => ok({}), {
      schemas: {
        slots: {
          '~standard': {
            version: 1,
            vendor: 'broken',
            validate: () => {
              throw thrown;
            },
          },
        },
      },
    });
    const error = (await rejectionOf(
      api.slots({ eventTypeId: 1, start: 'a', end: 'b' }),
    )) as CalApiError;
    expect(error).toMatchObject({ kind: 'invalid_response', cause: thrown });
  });
});
