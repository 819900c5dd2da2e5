import type { BookingsErrorKind } from '../client/errors.js';
import { DEFAULT_LOCALE } from '../time/locale.js';

/**
 * The English labels every component uses: the locale, and those of `BookingsErrorMessage`, which
 * they all show; their type is this object's.
 */
export const defaultCommonLabels = {
  /** BCP 47 locale for `Intl` formatting (dates, times, lengths, the time until the next refresh). */
  locale: DEFAULT_LOCALE,
  /** Retry button of `BookingsErrorMessage` and `CalTokenStatus`. */
  retry: 'Try again',
  /** What went wrong, per error kind, in plain words. */
  errorMessage: {
    unauthorized: 'Your session has expired or you are signed out.',
    invalid_request: 'The booking service could not accept this request.',
    not_found: 'There is no Cal.com account for you yet.',
    server: 'The booking service is having trouble right now.',
    network: 'We could not reach the booking service.',
    timeout: 'The booking service took too long to answer.',
    invalid_response: 'The booking service sent an answer we could not read.',
    aborted: 'The request was cancelled before it finished.',
  } satisfies Record<BookingsErrorKind, string>,
  /** What the person can do next, per error kind. */
  errorNextStep: {
    unauthorized: 'Sign in again, then try once more.',
    invalid_request: 'Reload the page and try again. If it keeps happening, contact support.',
    not_found: 'Connect your Cal.com account to continue.',
    server: 'Wait a moment, then try again.',
    network: 'Check your internet connection, then try again.',
    timeout: 'Try again in a moment.',
    invalid_response: 'Try again later. If it keeps happening, contact support.',
    aborted: 'Try again.',
  } satisfies Record<BookingsErrorKind, string>,
  /** The server's own detail, shown only with `showDetail`. */
  errorDetail: (detail: string) => `Details: ${detail}`,
};

export type CommonLabels = typeof defaultCommonLabels;
