import type { CalToken, CalTokenChannel, CalTokenMessage } from './types.js';

/** The channel (and lock) name: one per API and signed-in identity. */
export function crossTabName(baseUrl: string, identity: string): string {
  return `aisquare-bookings:${baseUrl}:${identity}`;
}

/** `new BroadcastChannel(name)` where it exists, else `null`. */
export function openBroadcastChannel(name: string): CalTokenChannel | null {
  if (typeof BroadcastChannel !== 'function') return null;
  try {
    return new BroadcastChannel(name);
  } catch {
    return null;
  }
}

export function createTokenMessage(token: CalToken, issuedAt: number): CalTokenMessage {
  return { type: 'token', token, issuedAt };
}

/** Reads a message from another tab; anything that is not a well-formed token message is `null`. */
export function parseTokenMessage(data: unknown): { token: CalToken; issuedAt: number } | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Partial<Record<keyof CalTokenMessage, unknown>>;
  if (message.type !== 'token') return null;
  const token = message.token as Partial<Record<keyof CalToken, unknown>> | null | undefined;
  if (typeof token !== 'object' || token === null) return null;
  if (typeof token.accessToken !== 'string' || token.accessToken.length === 0) return null;
  if (typeof token.expiresAt !== 'number' || !Number.isFinite(token.expiresAt)) return null;
  if (typeof token.tokenType !== 'string' || typeof token.calClientId !== 'string') return null;
  if (token.integrationStatus !== 'created' && token.integrationStatus !== 'existing') return null;
  if (typeof token.refreshed !== 'boolean') return null;
  const issuedAt =
    typeof message.issuedAt === 'number' && Number.isFinite(message.issuedAt)
      ? Math.min(message.issuedAt, token.expiresAt)
      : Number.NaN;
  return {
    token: Object.freeze({
      accessToken: token.accessToken,
      tokenType: token.tokenType,
      expiresAt: token.expiresAt,
      calClientId: token.calClientId,
      integrationStatus: token.integrationStatus,
      refreshed: token.refreshed,
    }),
    issuedAt,
  };
}
