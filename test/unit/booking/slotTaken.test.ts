import { describe, expect, it } from 'vitest';
import { isCalSlotTakenError } from '../../../src/booking/slotTaken.js';
import { CalApiError } from '../../../src/calapi/errors.js';
import { BookingsApiError } from '../../../src/client/errors.js';

const refusal = (
  detail: string | undefined,
  status = 400,
  kind: 'invalid_request' | 'server' = 'invalid_request',
) => new CalApiError({ kind, method: 'POST', path: '/v2/bookings', status, detail });

describe('isCalSlotTakenError', () => {
  it.each([
    'User either already has booking at this time or is not available',
    'Attempting to book a meeting in the past.',
    'Booking can\'t be booked at the "start" time',
    'This time slot is NOT AVAILABLE',
  ])('a 400 saying %j: the slot is gone', (detail) => {
    expect(isCalSlotTakenError(refusal(detail))).toBe(true);
  });

  it('another 400, or the same words with another status or kind, is a plain refusal', () => {
    expect(isCalSlotTakenError(refusal('attendee.email must be an email'))).toBe(false);
    expect(isCalSlotTakenError(refusal(undefined))).toBe(false);
    expect(isCalSlotTakenError(refusal('not available', 409))).toBe(false);
    expect(isCalSlotTakenError(refusal('not available', 500, 'server'))).toBe(false);
  });

  it('anything but a CalApiError is not', () => {
    const aisquare = new BookingsApiError({
      kind: 'invalid_request',
      endpoint: 'config',
      status: 400,
      detail: 'not available',
    });
    expect(isCalSlotTakenError(aisquare)).toBe(false);
    expect(isCalSlotTakenError(new Error('not available'))).toBe(false);
    expect(
      isCalSlotTakenError({ kind: 'invalid_request', status: 400, detail: 'in the past' }),
    ).toBe(false);
    expect(isCalSlotTakenError(undefined)).toBe(false);
  });
});
