/**
 * What the booker does with an event type's booking-page settings (Cal.com's 2024-06-14 event-type
 * output): pure rules, so `useCalBookingFlow`, a host's own flow or a server apply the same ones.
 */
import type { CalApiError } from '../calapi/errors.js';
import type { CalEventType } from '../calapi/types.js';
import type { BookingsApiError } from '../client/errors.js';

/**
 * `successRedirectUrl` when it is an absolute `http:` or `https:` URL (as parsed, so `javascript:`,
 * `data:` or a relative path never pass), else `undefined`. The booker never follows it: it hands it to
 * the host, which decides.
 */
export function safeSuccessRedirectUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the person must sign in before booking `eventType`: it has `bookingRequiresAuthentication`
 * and they have no Cal.com session (Cal.com answers a booking without credentials with 401).
 */
export function calSignInRequired(
  eventType: Pick<CalEventType, 'bookingRequiresAuthentication'> | undefined,
  signedIn: boolean,
): boolean {
  return eventType?.bookingRequiresAuthentication === true && !signedIn;
}

/** Why Cal.com refused a booking of an event type that wants the booker's e-mail verified. */
export type CalEmailVerificationProblem = 'required' | 'invalid';

/**
 * Whether `error` is Cal.com's refusal of a booking for its e-mail code: `'required'` (no code was
 * sent, `email_verification_required`) or `'invalid'` (a wrong or lapsed one,
 * `invalid_verification_code`); `undefined` for any other error.
 */
export function calEmailVerificationProblem(
  error: CalApiError | BookingsApiError | undefined,
): CalEmailVerificationProblem | undefined {
  if (error?.name !== 'CalApiError' || error.status !== 400) return undefined;
  const text = error.detail ?? '';
  return text.includes('email_verification_required')
    ? 'required'
    : text.includes('invalid_verification_code')
      ? 'invalid'
      : undefined;
}

/** Cal.com's send-code throttle: 3 requests a minute, then blocked for a minute. */
export const CAL_EMAIL_CODE_SENDS_PER_MINUTE = 3;

/**
 * When another code may be asked for, given when the earlier ones were (epoch ms): `now` while fewer
 * than 3 went out in the last minute, else a minute after the oldest of those 3.
 */
export function nextCalEmailCodeAt(sentAt: readonly number[], now: number): number {
  const recent = sentAt.filter((at) => at > now - 60_000).sort((a, b) => a - b);
  return recent.length < CAL_EMAIL_CODE_SENDS_PER_MINUTE
    ? now
    : (recent[recent.length - CAL_EMAIL_CODE_SENDS_PER_MINUTE] as number) + 60_000;
}
