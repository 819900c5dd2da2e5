import { isBookingsApiError } from '../client/errors.js';

const MAX_QUERY_RETRIES = 3;

/** Retries only what can get better by waiting (network, time-out, 5xx), and only a few times. */
export function retryBookingsQuery(failureCount: number, error: unknown): boolean {
  if (!isBookingsApiError(error)) return false;
  const transient = error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server';
  return transient && failureCount < MAX_QUERY_RETRIES;
}

/** Capped exponential backoff: 1 s, 2 s, 4 s, at most 30 s. */
export function retryDelay(failureCount: number): number {
  return Math.min(1000 * 2 ** failureCount, 30_000);
}
