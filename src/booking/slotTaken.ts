import { isCalApiError } from '../calapi/errors.js';

/** Cal.com's 400 answers that mean "this time is no longer bookable" rather than a bad request. */
const SLOT_GONE =
  /already has booking|not available|can't be booked at the "start" time|in the past/i;

/**
 * Whether Cal.com refused a booking because its slot was taken (or became too soon) meanwhile: a 400
 * `invalid_request` `CalApiError` with one of Cal.com's "no longer bookable" messages. Show the slots
 * again rather than an error.
 */
export function isCalSlotTakenError(error: unknown): boolean {
  return (
    isCalApiError(error) &&
    error.kind === 'invalid_request' &&
    error.status === 400 &&
    SLOT_GONE.test(error.detail ?? '')
  );
}
