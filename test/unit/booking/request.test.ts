import { describe, expect, it } from 'vitest';
import type { CalBookingFormValues } from '../../../src/booking/flowMachine.js';
import {
  occurrenceToReschedule,
  toCalCreateBookingInput,
  toCalRescheduleBookingInput,
} from '../../../src/booking/request.js';
import type { CalBooking } from '../../../src/calapi/types.js';

const values: CalBookingFormValues = {
  name: '  Bob  ',
  email: ' bob@example.com ',
  notes: '',
  guests: [],
  responses: {},
};
const slot = {
  eventType: { eventTypeId: 2 },
  start: '2030-01-07T09:00:00.000+01:00',
  timeZone: 'Europe/Paris',
};

describe('toCalCreateBookingInput', () => {
  it('the least a booking sends: the event type, the start in UTC and the trimmed attendee', () => {
    expect(toCalCreateBookingInput(values, slot)).toEqual({
      eventTypeId: 2,
      start: '2030-01-07T08:00:00.000Z',
      attendee: { name: 'Bob', email: 'bob@example.com', timeZone: 'Europe/Paris' },
    });
  });

  it('guests, answers, notes and language only when there are any, in Cal.com’s keys', () => {
    const input = toCalCreateBookingInput(
      {
        ...values,
        notes: '  Bring the slides ',
        guests: ['ann@example.com'],
        responses: { company: 'Acme', news: false },
      },
      { ...slot, eventType: { eventTypeSlug: 'intro', username: 'alice' }, language: 'fr' },
    );
    expect(input).toEqual({
      eventTypeSlug: 'intro',
      username: 'alice',
      start: '2030-01-07T08:00:00.000Z',
      attendee: {
        name: 'Bob',
        email: 'bob@example.com',
        timeZone: 'Europe/Paris',
        language: 'fr',
      },
      guests: ['ann@example.com'],
      bookingFieldsResponses: { company: 'Acme', news: false, notes: 'Bring the slides' },
    });
  });

  it('blank notes and an empty language send nothing; the values given are not changed', () => {
    const given = { ...values, notes: '   ', responses: { company: 'Acme' } };
    const input = toCalCreateBookingInput(given, { ...slot, language: '' });
    expect(input.bookingFieldsResponses).toEqual({ company: 'Acme' });
    expect(input.attendee).not.toHaveProperty('language');
    expect(given.responses).toEqual({ company: 'Acme' });
  });

  it('a start that is not a date throws a RangeError', () => {
    expect(() => toCalCreateBookingInput(values, { ...slot, start: 'soon' })).toThrow(RangeError);
  });
});

describe('toCalRescheduleBookingInput', () => {
  it('the new start in UTC, and the reason trimmed when there is one', () => {
    const start = '2030-01-08T10:30:00.000-05:00';
    expect(toCalRescheduleBookingInput({}, { start })).toEqual({
      start: '2030-01-08T15:30:00.000Z',
    });
    expect(toCalRescheduleBookingInput({ rescheduleReason: '   ' }, { start })).toEqual({
      start: '2030-01-08T15:30:00.000Z',
    });
    expect(toCalRescheduleBookingInput({ rescheduleReason: ' Ill ' }, { start })).toEqual({
      start: '2030-01-08T15:30:00.000Z',
      reschedulingReason: 'Ill',
    });
  });
});

describe('occurrenceToReschedule', () => {
  const at = (uid: string, end: number, status: CalBooking['status'] = 'accepted') =>
    ({ uid, status, end: new Date(Date.now() + end * 86_400_000).toISOString() }) as CalBooking;

  it('a booking is itself', () => {
    const booking = at('one', -3);
    expect(occurrenceToReschedule(booking)).toBe(booking);
  });

  it('a series: its next occurrence still on, else its last', () => {
    const series = [at('past', -7), at('cancelled', 7, 'cancelled'), at('rejected', 8, 'rejected')];
    expect(occurrenceToReschedule([...series, at('next', 14), at('later', 21)]).uid).toBe('next');
    expect(occurrenceToReschedule(series).uid).toBe('rejected');
  });
});

describe('toCalCreateBookingInput and a recurring event type', () => {
  const values = { name: 'Ada', email: 'ada@example.com', notes: '', guests: [], responses: {} };
  const options = { eventType: { eventTypeId: 7 }, start: '2030-01-07T10:00:00Z', timeZone: 'UTC' };

  it('sends recurrenceCount when one is chosen, and no key otherwise (Cal.com then books the type’s count)', () => {
    expect(toCalCreateBookingInput(values, { ...options, recurrenceCount: 3 })).toMatchObject({
      recurrenceCount: 3,
    });
    expect(toCalCreateBookingInput(values, options)).not.toHaveProperty('recurrenceCount');
  });
});
