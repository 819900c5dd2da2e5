import { describe, expect, it } from 'vitest';
import {
  calBookingInputProblem,
  MAX_BODY_BYTES,
  MAX_EMAIL,
  MAX_GUESTS,
  MAX_NAME,
  MAX_TEXT,
} from '../../../src/booking/caps.js';

const attendee = { name: 'Bob', email: 'bob@example.com' };

describe('calBookingInputProblem', () => {
  it('a request within every cap has none', () => {
    expect(
      calBookingInputProblem({
        attendee: { name: 'x'.repeat(MAX_NAME), email: `${'a'.repeat(MAX_EMAIL - 6)}@x.io` },
        guests: Array.from({ length: MAX_GUESTS }, (_, i) => `g${i}@x.io`),
        bookingFieldsResponses: { notes: 'x'.repeat(MAX_TEXT), topics: ['A', 'B'] },
        reschedulingReason: 'x'.repeat(MAX_TEXT),
      }),
    ).toBeUndefined();
    expect(calBookingInputProblem({})).toBeUndefined();
  });

  it('names the first cap broken, without any of the values', () => {
    const long = 'x'.repeat(MAX_TEXT + 1);
    expect(calBookingInputProblem({ attendee, guests: Array(MAX_GUESTS + 1).fill('g@x.io') })).toBe(
      `guests: more than ${MAX_GUESTS}`,
    );
    expect(
      calBookingInputProblem({ attendee: { ...attendee, name: 'x'.repeat(MAX_NAME + 1) } }),
    ).toBe(`attendee.name: more than ${MAX_NAME} characters`);
    expect(calBookingInputProblem({ attendee, guests: [`${'a'.repeat(MAX_EMAIL)}@x.io`] })).toBe(
      `guests: more than ${MAX_EMAIL} characters`,
    );
    expect(calBookingInputProblem({ attendee, reschedulingReason: long })).toBe(
      `reschedulingReason: more than ${MAX_TEXT} characters`,
    );
    // An answer, or one item of a list of them.
    expect(
      calBookingInputProblem({ attendee, bookingFieldsResponses: { topics: ['A', long] } }),
    ).toBe(`bookingFieldsResponses: more than ${MAX_TEXT} characters`);
    const answers = Object.fromEntries(
      Array.from({ length: 70 }, (_, i) => [`q${i}`, long.slice(1)]),
    );
    expect(calBookingInputProblem({ attendee, bookingFieldsResponses: answers })).toBe(
      `body: more than ${MAX_BODY_BYTES} bytes`,
    );
  });
});
