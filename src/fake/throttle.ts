/**
 * Cal.com's throttler as the model keeps it: requests per minute per tracker (an access token, or
 * the anonymous client), a 60 s window, and over the limit a 60 s block.
 *
 * @module
 */
import type { CalFakeRateLimitState } from './modelTypes.js';
import type { CalFakeWorld } from './world.js';

const RATE_WINDOW_MS = 60_000;
const RATE_BLOCK_MS = 60_000;

/**
 * A rate limit as the model keeps it: `undefined` for none (`undefined` or `0`), else requests per
 * minute. Anything else throws a `RangeError` naming the caller's option: `rateLimit` here,
 * `calRateLimit` in the sandbox.
 */
export function checkRateLimit(
  limit: number | undefined,
  option = 'rateLimit',
): number | undefined {
  if (limit === undefined || limit === 0) return undefined;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(
      `${option} must be a positive integer (requests per minute), or 0 for none`,
    );
  }
  return limit;
}

/**
 * Counts one request against `tracker`: `undefined` when rate limiting is off, else the state the
 * rate-limit headers show.
 */
export function hitRateLimit(
  world: CalFakeWorld,
  tracker: string,
): CalFakeRateLimitState | undefined {
  const limit = world.rateLimit;
  if (limit === undefined) return undefined;
  const at = world.now();
  let record = world.rate.get(tracker);
  if (record !== undefined && record.blockedUntil !== 0 && record.blockedUntil <= at)
    record = undefined;
  if (record === undefined || (record.blockedUntil === 0 && record.resetAt <= at)) {
    record = { hits: 0, resetAt: at + RATE_WINDOW_MS, blockedUntil: 0 };
    world.rate.set(tracker, record);
  }
  if (record.blockedUntil === 0) {
    record.hits += 1;
    if (record.hits > limit) record.blockedUntil = at + RATE_BLOCK_MS;
  }
  const blocked = record.blockedUntil > at;
  const seconds = (until: number) => Math.max(0, Math.ceil((until - at) / 1000));
  return {
    limit,
    remaining: blocked ? 0 : Math.max(0, limit - record.hits),
    resetSeconds: blocked ? seconds(record.blockedUntil) : seconds(record.resetAt),
    blocked,
  };
}
