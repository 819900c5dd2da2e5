/**
 * The failures the model answers, with Cal.com's statuses, codes and messages.
 *
 * @module
 */
import type { CalFakeFailure } from './modelTypes.js';

/** Cal.com's messages for the booking errors the fake reproduces (ErrorsBookingsService_2024_08_13). */
export const CAL_MESSAGES = {
  unavailable: 'User either already has booking at this time or is not available',
  past: 'Attempting to book a meeting in the past.',
  outOfBounds:
    'The event type can\'t be booked at the "start" time provided. This could be because it\'s too soon (violating the minimum booking notice) or too far in the future (outside the event\'s scheduling window). Try fetching available slots first using the GET /v2/slots endpoint and then make a booking with "start" time equal to one of the available slots: https://cal.com/docs/api-reference/v2/slots',
  alreadyCancelled: 'This booking has already been cancelled.',
} as const;

export const badRequest = (message: string): CalFakeFailure => ({
  status: 400,
  code: 'BadRequestException',
  message,
});
export const notFound = (message: string): CalFakeFailure => ({
  status: 404,
  code: 'NotFoundException',
  message,
});

/** Cal.com's 404 for a booking uid it does not know. */
export const bookingNotFound = (uid: string): CalFakeFailure =>
  notFound(`Booking with uid=${uid} was not found in the database`);
