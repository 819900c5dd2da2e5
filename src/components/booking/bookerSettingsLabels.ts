import type { BookingsLabels } from '../labels.js';

/**
 * The English labels of the booking-page settings in `CalBooker` (issue 20): sign-in required, the
 * e-mail code step, a locked time zone. Not in `defaultBookingsLabels`, so that a page with account
 * components only does not carry them; override them like any other label (they are optional keys of
 * `BookingsLabels`).
 */
export const defaultBookerSettingsLabels = {
  /** Heading when the meeting type takes signed-in people only (`bookingRequiresAuthentication`). */
  bookerSignInTitle: 'Sign in to book',
  /** Under that heading. */
  bookerSignInRequired: 'Only signed-in people can book this meeting.',
  /** The button calling `onSignInRequired`. */
  bookerSignIn: 'Sign in',
  /** Heading of the e-mail code step. */
  bookerEmailCodeTitle: 'Verify your e-mail',
  /** The step's explanation; `email` is the address the code went to. */
  bookerEmailCodeSent: (email: string) => `We e-mailed a code to ${email}.`,
  /** Label of the code input. */
  bookerEmailCode: 'Code',
  /** The button that checks the code, then books. */
  bookerEmailCodeVerify: 'Verify and book',
  /** The button asking for another code. */
  bookerEmailCodeResend: 'Send a new code',
  /** After a wrong or expired code. */
  bookerEmailCodeInvalid: 'Wrong or expired code.',
  /** After too many codes were asked for (Cal.com allows 3 a minute). */
  bookerEmailCodeThrottled: 'Too many codes: wait a minute.',
  /** When Cal.com did not send the code, or the request failed. */
  bookerEmailCodeFailed: 'That did not work. Try again.',
  /** Under a locked time zone selector (`lockTimeZoneToggleOnBookingPage`). */
  slotPickerTimeZoneLocked: 'Times are shown in this zone only.',
};

export type BookerSettingsLabels = typeof defaultBookerSettingsLabels;

/** `labels` with these defaults under it (a host's overrides of them are in `labels`). */
export function withBookerSettingsLabels(
  labels: BookingsLabels,
): BookingsLabels & BookerSettingsLabels {
  return { ...defaultBookerSettingsLabels, ...labels } as BookingsLabels & BookerSettingsLabels;
}
