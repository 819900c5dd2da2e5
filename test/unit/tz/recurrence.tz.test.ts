import { describe, expect, it } from 'vitest';
import { calOccurrenceStarts, calSeriesRecurrence } from '../../../src/booking/recurrence.js';
import { createCalFakeModel } from '../../../src/fake/model.js';

// Runs with the process in America/Los_Angeles and in Asia/Kolkata: the dates must follow the
// attendee's zone, never the process's.

const weekly = { frequency: 'weekly', interval: 1, occurrences: 4 } as const;

describe('calOccurrenceStarts', () => {
  it('keeps 09:00 on the wall clock across the US DST change (America/Los_Angeles)', () => {
    // 2027-03-14: Los Angeles moves from PST (UTC-8) to PDT (UTC-7).
    expect(
      calOccurrenceStarts('2027-03-08T09:00:00-08:00', weekly, 4, 'America/Los_Angeles'),
    ).toEqual([
      '2027-03-08T17:00:00.000Z',
      '2027-03-15T16:00:00.000Z',
      '2027-03-22T16:00:00.000Z',
      '2027-03-29T16:00:00.000Z',
    ]);
  });

  it('steps whole days in Asia/Kolkata, which has no DST, over the same weeks', () => {
    expect(calOccurrenceStarts('2027-03-08T09:00:00+05:30', weekly, 3, 'Asia/Kolkata')).toEqual([
      '2027-03-08T03:30:00.000Z',
      '2027-03-15T03:30:00.000Z',
      '2027-03-22T03:30:00.000Z',
    ]);
  });

  it('keeps the day of the month, or the last day of a shorter month (as Cal.com does)', () => {
    // Cal.com's own test of transformInputCreateRecurringBooking: 31 Jan, 28 Feb, 31 Mar, 30 Apr.
    const monthly = { frequency: 'monthly', interval: 1, occurrences: 12 };
    expect(calOccurrenceStarts('2027-01-31T18:00:00Z', monthly, 4, 'America/Sao_Paulo')).toEqual([
      '2027-01-31T18:00:00.000Z',
      '2027-02-28T18:00:00.000Z',
      '2027-03-31T18:00:00.000Z',
      '2027-04-30T18:00:00.000Z',
    ]);
    const yearly = { frequency: 'yearly', interval: 1, occurrences: 2 };
    expect(calOccurrenceStarts('2028-02-29T10:00:00Z', yearly, 2, 'UTC')).toEqual([
      '2028-02-29T10:00:00.000Z',
      '2029-02-28T10:00:00.000Z',
    ]);
  });

  it('steps by the interval, books at most the type’s count, and none for a bad start', () => {
    const fortnightly = { frequency: 'weekly', interval: 2, occurrences: 3 };
    expect(
      calOccurrenceStarts('2027-10-25T10:00:00+01:00', fortnightly, 9, 'Europe/London'),
    ).toEqual(['2027-10-25T09:00:00.000Z', '2027-11-08T10:00:00.000Z', '2027-11-22T10:00:00.000Z']);
    expect(calOccurrenceStarts('not a date', weekly, 4, 'UTC')).toEqual([]);
  });

  it.each(['America/Los_Angeles', 'Asia/Kolkata', 'Europe/Berlin'])(
    'gives the dates the fake Cal.com books for an attendee in %s',
    (zone) => {
      let now = Date.parse('2027-03-01T00:00:00Z');
      const model = createCalFakeModel({ now: () => now, recurringEventType: true });
      model.integrate({ sub: 'alice' }, { timeZone: 'America/Los_Angeles' });
      const type = model.eventTypes('alice').find((eventType) => eventType.recurrence !== null);
      if (!type?.recurrence) throw new Error('no recurring event type');
      const [slot] = model.slots(
        type.id,
        Date.parse('2027-03-08T00:00:00Z'),
        Date.parse('2027-03-13T00:00:00Z'),
      );
      if (!slot) throw new Error('no slot');
      const made = model.createRecurringBooking({
        eventTypeId: type.id,
        start: slot.start,
        attendee: { name: 'Bob', email: 'bob@example.com', timeZone: zone },
        recurrenceCount: 4,
      });
      if (!made.ok) throw new Error(made.failure.message);
      now += 1;
      expect(
        calOccurrenceStarts(new Date(slot.start).toISOString(), type.recurrence, 4, zone),
      ).toEqual(made.bookings.map((booking) => new Date(booking.start).toISOString()));
    },
  );
});

describe('calSeriesRecurrence', () => {
  const rhythm = (first: string, second?: string) =>
    calSeriesRecurrence(second ? [{ start: first }, { start: second }] : [{ start: first }]);

  it.each([
    // Across the US DST change: 7 days less an hour is still a week.
    ['2027-03-08T17:00:00Z', '2027-03-15T16:00:00Z', 'weekly', 1],
    // In either order (past bookings are listed newest first).
    ['2027-03-22T16:00:00Z', '2027-03-08T17:00:00Z', 'weekly', 2],
    // 28 days read as four weeks: a booking carries no rule, so February is ambiguous.
    ['2027-01-31T18:00:00Z', '2027-02-28T18:00:00Z', 'weekly', 4],
    ['2027-03-31T18:00:00Z', '2027-04-30T18:00:00Z', 'monthly', 1],
  ])('%s and %s: %s, every %i', (first, second, frequency, interval) => {
    expect(rhythm(first, second)).toEqual({ frequency, interval });
  });

  it('has none for a lone occurrence', () => {
    expect(rhythm('2027-03-31T18:00:00Z')).toBeUndefined();
  });
});
