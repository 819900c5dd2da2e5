/** Browsers and Node run a `setTimeout` longer than this at once (32-bit overflow). */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** How often the clock is re-checked while the page is visible (catches sleep and wake). */
export const TICK_INTERVAL_MS = 5_000;

/** The leeway used when the host gives none. */
export const DEFAULT_REFRESH_LEEWAY_SECONDS = 60;

/** The jitter never exceeds this, however long the token lives. */
export const MAX_JITTER_MS = 30_000;

export interface RefreshMomentInput {
  /** Epoch ms when the request that produced the token started. */
  issuedAt: number;
  /** Epoch ms when the token expires. */
  expiresAt: number;
  /** Epoch ms when the token arrived here. */
  receivedAt: number;
  /** The configured leeway, in seconds. */
  leewaySeconds: number;
  /** A number in [0, 1). */
  random: number;
}

/**
 * When to refresh a token (epoch ms):
 *
 * ```
 * lifetime  = expiresAt - issuedAt
 * leeway    = min(leewaySeconds * 1000, lifetime / 4)
 * jitter    = random * min(lifetime / 10, 30 s)
 * minDelay  = min(1 s, max(0.5 s, lifetime / 2))
 * refreshAt = max(expiresAt - leeway - jitter, issuedAt + lifetime / 2, receivedAt + minDelay)
 * ```
 *
 * The leeway shrinks for short tokens, so the refresh never comes before half the lifetime, and never
 * sooner than half a second after the token arrived: even a 1-second token or a slow server cannot
 * make the manager loop.
 */
export function computeRefreshAt(input: RefreshMomentInput): number {
  const lifetime = Math.max(0, input.expiresAt - input.issuedAt);
  const leewayMs = Math.min(sanitizeLeewaySeconds(input.leewaySeconds) * 1000, lifetime / 4);
  const random = Number.isFinite(input.random) ? Math.min(Math.max(input.random, 0), 1) : 0;
  const jitterMs = random * Math.min(lifetime / 10, MAX_JITTER_MS);
  const minDelayMs = Math.min(1_000, Math.max(500, lifetime / 2));
  return Math.max(
    input.expiresAt - leewayMs - jitterMs,
    input.issuedAt + lifetime / 2,
    input.receivedAt + minDelayMs,
  );
}

/** A usable leeway in seconds: the default for anything that is not a finite number, never negative. */
export function sanitizeLeewaySeconds(value: number | undefined): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_REFRESH_LEEWAY_SECONDS;
  return Math.max(0, value);
}

/** A `setTimeout` delay that reaches `at` without overflowing; the caller re-checks when it fires. */
export function timerDelay(at: number, now: number): number {
  return Math.min(Math.max(at - now, 0), MAX_TIMER_DELAY_MS);
}
