/** Browsers and Node run a `setTimeout` longer than this at once (32-bit overflow). */
export { MAX_TIMER_DELAY_MS } from '../client/createBookingsClient.js';

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
  /** The configured leeway, in seconds (the default when not a finite number). */
  leewaySeconds: number | undefined;
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
  return refreshMoment(
    input.issuedAt,
    input.expiresAt,
    input.receivedAt,
    input.leewaySeconds,
    input.random,
  );
}

/** `computeRefreshAt` with positional arguments (what the manager calls). */
export function refreshMoment(
  issuedAt: number,
  expiresAt: number,
  receivedAt: number,
  leewaySeconds: number | undefined,
  random: number,
): number {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  // The default for anything that is not a finite number, never negative.
  const leeway = Number.isFinite(leewaySeconds)
    ? Math.max(0, leewaySeconds as number)
    : DEFAULT_REFRESH_LEEWAY_SECONDS;
  const spread = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0;
  return Math.max(
    expiresAt -
      Math.min(leeway * 1000, lifetime / 4) -
      spread * Math.min(lifetime / 10, MAX_JITTER_MS),
    issuedAt + lifetime / 2,
    receivedAt + Math.min(1_000, Math.max(500, lifetime / 2)),
  );
}
