import type { CalToken, CalTokenMessage } from './types.js';

/** The channel (and lock) name: one per API and signed-in identity. */
export function crossTabName(baseUrl: string, identity: string): string {
  return `aisquare-bookings:${baseUrl}:${identity}`;
}

/**
 * Reads a message from another tab: anything that is not a well-formed token message is `null`.
 * The token is the message's own structured clone, frozen; `issuedAt` is `undefined` when the
 * message has no usable one.
 */
export function parseTokenMessage(
  data: unknown,
): { token: CalToken; issuedAt: number | undefined } | null {
  const { type, token, issuedAt } = (data ?? {}) as Partial<Record<keyof CalTokenMessage, unknown>>;
  const t = (token ?? {}) as Record<keyof CalToken, unknown>;
  return type === 'token' &&
    typeof t.accessToken === 'string' &&
    t.accessToken !== '' &&
    Number.isFinite(t.expiresAt) &&
    typeof t.tokenType === 'string' &&
    typeof t.calClientId === 'string' &&
    (t.integrationStatus === 'created' || t.integrationStatus === 'existing') &&
    typeof t.refreshed === 'boolean'
    ? {
        token: Object.freeze(t as unknown as CalToken),
        issuedAt: Number.isFinite(issuedAt)
          ? Math.min(issuedAt as number, t.expiresAt as number)
          : undefined,
      }
    : null;
}
