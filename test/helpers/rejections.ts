import { expect } from 'vitest';
import { type BookingsApiError, isBookingsApiError } from '../../src/client/errors.js';

/** The `BookingsApiError` a promise rejects with (fails the test if it resolves or throws anything else). */
export async function bookingsRejection(promise: Promise<unknown>): Promise<BookingsApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(isBookingsApiError(error)).toBe(true);
  return error as BookingsApiError;
}
