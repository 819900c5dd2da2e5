import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESERVATION_MAX_HOLD_MS,
  RESERVATION_RENEW_EARLY_MS,
  reservationRenewalDelay,
} from '../../../src/booking/reservationSchedule.js';

const MINUTE = 60_000;
const t0 = Date.UTC(2030, 0, 7, 9);
const until = (ms: number) => new Date(ms).toISOString();

describe('reservationRenewalDelay', () => {
  it("renews 2 s before Cal.com's 5-minute hold lapses, as Cal.com's Booker does (4 min 58 s)", () => {
    expect(reservationRenewalDelay(until(t0 + 5 * MINUTE), t0, t0)).toBe(5 * MINUTE - 2_000);
    expect(RESERVATION_RENEW_EARLY_MS).toBe(2_000);
  });

  it('lets the hold lapse once a renewal would come 30 minutes (or maxHoldMs) after the choice', () => {
    expect(DEFAULT_RESERVATION_MAX_HOLD_MS).toBe(30 * MINUTE);
    const now = t0 + 26 * MINUTE;
    expect(reservationRenewalDelay(until(now + 5 * MINUTE), now, t0)).toBeUndefined();
    expect(reservationRenewalDelay(until(now + 5 * MINUTE), now, t0, 40 * MINUTE)).toBe(
      5 * MINUTE - 2_000,
    );
  });

  it('an unreadable or past reservationUntil: no renewal, or one after 10 s at the soonest', () => {
    expect(reservationRenewalDelay('unknown-reserved-until', t0, t0)).toBeUndefined();
    expect(reservationRenewalDelay(until(t0 - MINUTE), t0, t0)).toBe(10_000);
  });

  it('model: renewing each hold as told never renews forever nor sooner than 10 s', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -MINUTE, max: 60 * MINUTE }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 0, max: 2 * 60 * MINUTE }),
        (holds, maxHoldMs) => {
          // Each step: Cal.com gives a hold of some length; the timer fires when the function says.
          let now = t0;
          let renewals = 0;
          for (const hold of holds) {
            const delay = reservationRenewalDelay(until(now + hold), now, t0, maxHoldMs);
            if (delay === undefined) break;
            expect(delay).toBeGreaterThanOrEqual(10_000);
            now += delay;
            renewals++;
            expect(now - t0).toBeLessThan(maxHoldMs);
          }
          expect(renewals).toBeLessThanOrEqual(Math.ceil(maxHoldMs / 10_000));
        },
      ),
    );
  });
});
