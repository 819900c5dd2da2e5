import type { AuthTokenGetter } from '../client/types.js';
import { nonEmpty } from '../client/validate.js';
import { ANONYMOUS_IDENTITY } from './bookingsKeys.js';

/** Reads a JWT's `sub` without verifying it: only to notice that another user signed in. */
export function readJwtSubject(jwt: string): string | undefined {
  try {
    // base64url → base64; `atob` accepts the missing padding (forgiving-base64).
    const binary = atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const sub: unknown = JSON.parse(json)?.sub;
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
  credential?: string | undefined;
}

/**
 * Works out, during render, who is signed in: the `identity` prop wins; else a JWT returned
 * synchronously is decoded; an async getter cannot be read during render, so it counts as signed in
 * under the `identity` prop or 'anonymous'. Without a getter (cookie sessions) the user counts as
 * signed in; a getter that throws or returns `null`/`undefined`/`''` means signed out.
 */
export function resolveSession(
  getAuthToken: AuthTokenGetter | undefined,
  identity: string | undefined,
): ResolvedSession {
  let value: ReturnType<AuthTokenGetter> | true = true;
  try {
    if (getAuthToken) value = getAuthToken();
  } catch {
    value = null;
  }
  // A promise: swallow its rejection here, the client reports it when it really asks.
  if (typeof value === 'object') value?.catch(() => {});
  const credential = nonEmpty(value);
  return {
    identity: identity ?? (credential && readJwtSubject(credential)) ?? ANONYMOUS_IDENTITY,
    signedIn: !!value,
    credential,
  };
}
