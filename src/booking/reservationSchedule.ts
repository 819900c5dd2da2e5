/**
 * When to renew a slot reservation, as a pure function. Cal.com's own Booker reserves again every
 * `MINUTES_TO_BOOK * 60 * 1000 - 2000` ms, 2 s before the 5-minute hold lapses
 * (packages/platform/atoms/hooks/useSlots.ts @ 5b6d63e6300b8d930530b1b876d556a12fcfbd96); here the
 * renewal is timed from the `reservationUntil` Cal.com answered, and stops once the time has been held
 * for `maxHoldMs`, so a form left open in a forgotten tab holds the time at most that long plus one hold.
 */

/** How long before `reservationUntil` a hold is renewed (Cal.com's Booker: 2 s). */
export const RESERVATION_RENEW_EARLY_MS = 2_000;

/** The shortest wait between renewals, so a hold Cal.com gives for less than that cannot loop. */
const MIN_RENEW_DELAY_MS = 10_000;

/** How long one chosen time is held at most, renewals included. @default 30 minutes */
export const DEFAULT_RESERVATION_MAX_HOLD_MS = 30 * 60_000;

/**
 * Milliseconds from `now` until the hold ending at `reservationUntil` (ISO 8601) should be renewed,
 * or `undefined` when it should lapse instead: the renewal would come `maxHoldMs` or more after
 * `heldSince` (when the time was chosen), or `reservationUntil` is not a date.
 */
export function reservationRenewalDelay(
  reservationUntil: string,
  now: number,
  heldSince: number,
  maxHoldMs: number = DEFAULT_RESERVATION_MAX_HOLD_MS,
): number | undefined {
  const until = Date.parse(reservationUntil);
  if (Number.isNaN(until)) return undefined;
  const delay = Math.max(MIN_RENEW_DELAY_MS, until - RESERVATION_RENEW_EARLY_MS - now);
  return now + delay - heldSince < maxHoldMs ? delay : undefined;
}
