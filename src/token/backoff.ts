import type { BookingsErrorKind } from '../client/errors.js';

/** Tries per refresh cycle, the first one included. */
export const MAX_ATTEMPTS = 5;

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** Only failures that may go away by themselves are retried. */
export function isRetryableKind(kind: BookingsErrorKind): boolean {
  return kind === 'network' || kind === 'timeout' || kind === 'server';
}

/** The wait after the `attempt`-th failed try (1-based): 1 s, 2 s, 4 s, 8 s, ... capped at 30 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
}
