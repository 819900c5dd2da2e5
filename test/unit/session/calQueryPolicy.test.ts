import { describe, expect, it } from 'vitest';
import { CalApiError, type CalApiErrorKind } from '../../../src/calapi/errors.js';
import { BookingsApiError } from '../../../src/client/errors.js';
import { calRetryDelay, retryCalQuery } from '../../../src/session/calApiQueryOptions.js';

const calError = (kind: CalApiErrorKind, status?: number, retryAfterMs?: number) =>
  new CalApiError({ kind, status, retryAfterMs, method: 'GET', path: '/v2/slots' });

describe('Cal.com query retry policy', () => {
  it('retries what waiting can cure, three times at most', () => {
    for (const error of [
      calError('network'),
      calError('timeout'),
      calError('server', 503),
      calError('rate_limited', 429, 1_000),
    ]) {
      expect([0, 1, 2].map((count) => retryCalQuery(count, error))).toEqual([true, true, true]);
      expect(retryCalQuery(3, error)).toBe(false);
    }
  });

  it('never retries what waiting cannot cure', () => {
    for (const error of [
      calError('unauthorized', 401),
      calError('token_expired', 498),
      calError('invalid_request', 400),
      calError('not_found', 404),
      calError('server', 409),
      calError('invalid_response', 200),
      calError('aborted'),
    ]) {
      expect(retryCalQuery(0, error)).toBe(false);
    }
  });

  it('follows the AISquare policy for the token request behind a Cal.com call', () => {
    const unauthorized = new BookingsApiError({
      kind: 'unauthorized',
      endpoint: 'token',
      status: 401,
    });
    const down = new BookingsApiError({ kind: 'server', endpoint: 'token', status: 503 });
    expect(retryCalQuery(0, unauthorized)).toBe(false);
    expect(retryCalQuery(0, down)).toBe(true);
  });

  it('waits out a 429 for as long as Cal.com says (at most a minute) plus a little jitter; otherwise backs off', () => {
    for (let run = 0; run < 50; run += 1) {
      const delay = calRetryDelay(0, calError('rate_limited', 429, 1_500));
      expect(delay).toBeGreaterThanOrEqual(1_500);
      expect(delay).toBeLessThanOrEqual(1_650);
      const long = calRetryDelay(0, calError('rate_limited', 429, 3_600_000));
      expect(long).toBeGreaterThanOrEqual(60_000);
      expect(long).toBeLessThanOrEqual(61_000);
    }
    expect(calRetryDelay(0, calError('rate_limited', 429, -5))).toBe(0);
    expect(calRetryDelay(0, calError('server', 503))).toBe(1_000);
    expect(calRetryDelay(2, calError('network'))).toBe(4_000);
  });
});
