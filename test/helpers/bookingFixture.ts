import type { CalBooking } from '../../src/calapi/types.js';

/**
 * A 30-minute booking on the Monday after the UK's clocks went forward (28 March 2027): 09:00 BST
 * for Alice the host, 13:30 IST for Bob, with a guest and a video link.
 */
export const MONDAY_MEETING: CalBooking = {
  id: 1,
  uid: 'abc123',
  title: '30 Minute Meeting between Alice and Bob',
  status: 'accepted',
  start: '2027-03-29T08:00:00.000Z',
  end: '2027-03-29T08:30:00.000Z',
  duration: 30,
  eventTypeId: 2,
  attendees: [{ name: 'Bob', email: 'bob@example.com', timeZone: 'Asia/Kolkata' }],
  hosts: [{ name: 'Alice', email: 'alice@example.com', timeZone: 'Europe/London' }],
  guests: ['carol@example.com'],
  location: 'https://app.cal.com/video/abc123',
  createdAt: '2027-03-01T00:00:00.000Z',
};
