import { nonEmpty } from './validate.js';

/** The identity of a client, a cache scope or a session when nobody is known to be signed in. */
export const ANONYMOUS_IDENTITY = 'anonymous';

/**
 * Reads a JWT's `sub` claim without verifying the signature: only to tell users apart (cache scopes,
 * the cross-tab channel), never to trust them. A number `sub` becomes its string; an empty `sub` or
 * any malformed token gives `undefined`.
 */
export function readJwtSubject(jwt: string): string | undefined {
  try {
    // base64url → base64; `atob` accepts the missing padding (forgiving-base64).
    const binary = atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const sub: unknown = JSON.parse(json)?.sub;
    return nonEmpty(typeof sub === 'number' && Number.isFinite(sub) ? String(sub) : sub);
  } catch {
    return undefined;
  }
}
