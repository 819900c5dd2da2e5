import type { AuthTokenGetter } from '../client/types.js';
import { ANONYMOUS_IDENTITY } from './bookingsKeys.js';

/** Reads a JWT's `sub` without verifying it: only to notice that another user signed in. */
export function readJwtSubject(jwt: string): string | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof claims !== 'object' || claims === null) return undefined;
    const sub = (claims as { sub?: unknown }).sub;
    return typeof sub === 'string' || typeof sub === 'number' ? String(sub) : undefined;
  } catch {
    return undefined;
  }
}

export interface ResolvedSession {
  /** Who is signed in, for cache scoping. */
  identity: string;
  /** False when `getAuthToken` says, synchronously, that nobody is signed in. */
  signedIn: boolean;
  /** The JWT when `getAuthToken` returned one synchronously: a new one may cure an `unauthorized`. */
  credential?: string;
}

/**
 * Works out, during render, who is signed in: the `identity` prop wins; else a JWT returned
 * synchronously is decoded; an async getter cannot be read during render, so it counts as signed in
 * under the `identity` prop or 'anonymous'.
 */
export function resolveSession(
  getAuthToken: AuthTokenGetter | undefined,
  identity: string | undefined,
): ResolvedSession {
  if (!getAuthToken) return { identity: identity ?? ANONYMOUS_IDENTITY, signedIn: true };
  let value: ReturnType<AuthTokenGetter>;
  try {
    value = getAuthToken();
  } catch {
    return { identity: identity ?? ANONYMOUS_IDENTITY, signedIn: false };
  }
  if (value === null || value === undefined || value === '') {
    return { identity: identity ?? ANONYMOUS_IDENTITY, signedIn: false };
  }
  if (typeof value === 'string') {
    return {
      identity: identity ?? readJwtSubject(value) ?? ANONYMOUS_IDENTITY,
      signedIn: true,
      credential: value,
    };
  }
  // A promise: swallow its rejection here, the client reports it when it really asks.
  value.catch(() => {});
  return { identity: identity ?? ANONYMOUS_IDENTITY, signedIn: true };
}
