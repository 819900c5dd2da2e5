import { describe, expect, it } from 'vitest';
import { groupCalBookingSeries } from '../../../src/booking/recurrence.js';
import type { CalBooking } from '../../../src/calapi/types.js';

const booking = (uid: string, recurringBookingUid?: string) =>
  ({ uid, ...(recurringBookingUid ? { recurringBookingUid } : {}) }) as CalBooking;

describe('groupCalBookingSeries', () => {
  it('makes each series one entry, in page order, the first occurrence first; other bookings alone', () => {
    const page = [
      booking('a1', 'A'),
      booking('one'),
      booking('b1', 'B'),
      booking('a2', 'A'),
      booking('b2', 'B'),
      booking('a3', 'A'),
    ];
    expect(groupCalBookingSeries(page).map((group) => group.map((item) => item.uid))).toEqual([
      ['a1', 'a2', 'a3'],
      ['one'],
      ['b1', 'b2'],
    ]);
  });

  it('never groups bookings that share a uid but no series (a seated booking, once per seat)', () => {
    expect(groupCalBookingSeries([booking('seat'), booking('seat')])).toHaveLength(2);
    expect(groupCalBookingSeries([])).toEqual([]);
  });
});
