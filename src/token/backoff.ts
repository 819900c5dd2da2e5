export { isRetryableKind } from '../client/errors.js';

/** Tries per refresh cycle, the first one included. */
export const MAX_ATTEMPTS = 5;

/** The wait after the `attempt`-th failed try (1-based): 1 s, 2 s, 4 s, 8 s, ... capped at 30 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, attempt - 1), 30_000);
}
