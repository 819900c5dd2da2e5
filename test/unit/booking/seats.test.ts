import { describe, expect, it } from 'vitest';
import { calOwnSeat, calSlotSeats } from '../../../src/booking/seats.js';
import type { CalBooking } from '../../../src/calapi/types.js';

const slot = (booked: number, total: number) => ({
  start: '2030-01-07T09:00:00.000Z',
  seatsBooked: booked,
  seatsRemaining: total - booked,
  seatsTotal: total,
});

describe('calSlotSeats', () => {
  it("words fullness by Cal.com's thresholds: 50 % half full, 83 % nearly full, all taken full", () => {
    expect(calSlotSeats(slot(0, 6))).toEqual({
      booked: 0,
      remaining: 6,
      total: 6,
      fullness: 'available',
    });
    expect(calSlotSeats(slot(2, 6))?.fullness).toBe('available');
    expect(calSlotSeats(slot(3, 6))?.fullness).toBe('halfFull');
    expect(calSlotSeats(slot(4, 6))?.fullness).toBe('halfFull');
    expect(calSlotSeats(slot(5, 6))?.fullness).toBe('nearlyFull');
    expect(calSlotSeats(slot(6, 6))).toEqual({
      booked: 6,
      remaining: 0,
      total: 6,
      fullness: 'full',
    });
  });

  it('is undefined for a slot that is not seated, or whose counts are not numbers', () => {
    expect(calSlotSeats({ start: '2030-01-07T09:00:00.000Z' })).toBeUndefined();
    expect(calSlotSeats({ start: 'x', seatsTotal: 0 })).toBeUndefined();
    expect(calSlotSeats({ start: 'x', seatsTotal: 3, seatsRemaining: 1 })).toBeUndefined();
    // The schema types the counts without checking them: a string total is no seated slot.
    expect(calSlotSeats({ start: 'x', seatsTotal: '3' } as never)).toBeUndefined();
  });
});

describe('calOwnSeat', () => {
  const booking = {
    attendees: [
      { name: 'Ann', email: 'ann@example.com', timeZone: 'UTC', seatUid: 's-1' },
      { name: 'Ben', email: 'Ben@Example.com', timeZone: 'UTC', seatUid: 's-2' },
    ],
  } as unknown as CalBooking;

  it("finds the viewer's seat by e-mail, case-insensitively", () => {
    expect(calOwnSeat(booking, 'ben@example.com')?.seatUid).toBe('s-2');
    expect(calOwnSeat(booking, 'cy@example.com')).toBeUndefined();
    expect(calOwnSeat(booking, undefined)).toBeUndefined();
  });

  it('finds none on a booking that is not seated', () => {
    const plain = {
      attendees: [{ name: 'Ann', email: 'ann@example.com', timeZone: 'UTC' }],
    } as unknown as CalBooking;
    expect(calOwnSeat(plain, 'ann@example.com')).toBeUndefined();
  });
});
