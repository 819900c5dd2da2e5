import { BookingsApiError } from '../client/errors.js';
import { ANONYMOUS_IDENTITY, readJwtSubject } from '../client/jwtSubject.js';
import { noop } from '../client/noop.js';
import { nonEmpty } from '../client/validate.js';
import type { BookingsSessionOptions } from './types.js';

/** Who is signed in, as far as can be told without calling anything asynchronous. */
export interface Credential {
  identity: string;
  /** The identity came from the host (`identity`, a JWT's `sub`, or a `sub` learned from a request). */
  known: boolean;
  signedIn: boolean;
  /** The JWT, when it is known synchronously: a new one may cure an `unauthorized`. */
  jwt: string | undefined;
}

/** What one session learns about its host's credential across reads. */
export interface CredentialMemory {
  /** A getter found to return a Promise is not called outside a request again. */
  asyncGetter?: boolean;
  /** The `sub` of the last credential an async getter produced (when no `identity` was given). */
  learned?: string;
  /** The missing-credential warning was given (once per session). */
  warned?: boolean;
}

/** The credential the options give now: the JWT, a synchronous getter's answer, or a cookie session. */
export function readCredential(
  { jwt, getAuthToken, identity }: BookingsSessionOptions,
  memory: CredentialMemory,
): Credential {
  let value: unknown = true; // no JWT at all: a cookie session, signed in as far as we know
  if (jwt !== undefined) value = jwt;
  else if (getAuthToken && identity === undefined && !memory.asyncGetter) {
    // A synchronous getter is read here so that the previous user's data never renders after a switch.
    try {
      value = getAuthToken();
    } catch {
      value = null;
    }
    if (typeof (value as Promise<unknown> | null)?.then === 'function') {
      memory.asyncGetter = true;
      (value as Promise<unknown>).catch(noop);
      value = true;
      warnAsyncGetter();
    }
  }
  const token = nonEmpty(value);
  const sub = identity ?? (token && readJwtSubject(token)) ?? memory.learned;
  return {
    identity: sub ?? ANONYMOUS_IDENTITY,
    known: sub !== undefined,
    signedIn: !!value,
    jwt: token,
  };
}

/**
 * The client's JWT getter: the latest option, read per request. Without an `identity` option, a
 * credential whose `sub` is not the client's identity is remembered, `onSwitch` switches the session,
 * and the request fails, so that no response is ever stored under the previous scope.
 */
export function authGetterFor(
  getOptions: () => BookingsSessionOptions,
  identity: string,
  memory: CredentialMemory,
  onSwitch: () => void,
) {
  return async (): Promise<string | null | undefined> => {
    const current = getOptions();
    const jwt = current.jwt !== undefined ? current.jwt : await current.getAuthToken?.();
    if (current.identity === undefined && current.jwt === undefined && jwt) {
      const sub = readJwtSubject(jwt);
      if (sub !== undefined && sub !== identity) {
        memory.learned = sub;
        onSwitch();
        throw new BookingsApiError({
          kind: 'aborted',
          endpoint: 'token',
          message: 'AISquare bookings request aborted: another user signed in',
        });
      }
    }
    return jwt;
  };
}

export function warnNoCredential(memory: CredentialMemory): void {
  // A forgotten `jwt` prop reads as a cookie session; every request then fails as signed out.
  // Bundlers replace process.env.NODE_ENV (production drops the block); without one, `process` may
  // not exist, which the catch absorbs. A `typeof process` test would hide it in every browser.
  try {
    if (process.env.NODE_ENV !== 'production' && !memory.warned) {
      memory.warned = true;
      console.warn(
        '@aisquare/bookings-react: no `jwt`, `getAuthToken` or `credentials` was given, so requests ' +
          "carry only the browser's same-origin cookies. Pass `jwt` (null when signed out), or " +
          '`credentials` for a cookie session.',
      );
    }
  } catch {}
}

function warnAsyncGetter(): void {
  try {
    if (process.env.NODE_ENV !== 'production') {
      console.warn(
        '@aisquare/bookings-react: getAuthToken returned a Promise and no `identity` was given. ' +
          'Pass `identity` (e.g. user.sub) so the cache is scoped before the first request.',
      );
    }
  } catch {}
}
