import { isBookingsApiError, isRetryableKind } from '../client/errors.js';
import { backoffDelay } from '../token/backoff.js';

const MAX_QUERY_RETRIES = 3;

/** Retries only what can get better by waiting (network, time-out, 5xx), and only a few times. */
export function retryBookingsQuery(failureCount: number, error: unknown): boolean {
  return (
    isBookingsApiError(error) && isRetryableKind(error.kind) && failureCount < MAX_QUERY_RETRIES
  );
}

/** Capped exponential backoff: 1 s, 2 s, 4 s, at most 30 s (TanStack counts failures from 0). */
export function retryDelay(failureCount: number): number {
  return backoffDelay(failureCount + 1);
}
