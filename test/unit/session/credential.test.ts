import { describe, expect, it, vi } from 'vitest';
import { type CredentialMemory, readCredential } from '../../../src/session/credential.js';
import type { BookingsSessionOptions } from '../../../src/session/types.js';

/** A JWT whose payload is `{ sub }` (not signed: only its payload is read). */
const jwtFor = (sub: string) => `x.${btoa(JSON.stringify({ sub })).replace(/=+$/, '')}.y`;

const read = (options: Partial<BookingsSessionOptions>, memory: CredentialMemory = {}) =>
  readCredential(options as BookingsSessionOptions, memory);

describe('readCredential', () => {
  it('takes the identity from the JWT when none is given', () => {
    const jwt = jwtFor('user-1');
    expect(read({ jwt })).toEqual({ identity: 'user-1', known: true, signedIn: true, jwt });
  });

  it('reads a null JWT as signed out, and no JWT at all as a cookie session', () => {
    expect(read({ jwt: null })).toMatchObject({ known: false, signedIn: false, jwt: undefined });
    expect(read({})).toMatchObject({ known: false, signedIn: true, jwt: undefined });
  });

  it('calls a synchronous getter, and a getter that throws means signed out', () => {
    expect(read({ getAuthToken: () => jwtFor('user-2') })).toMatchObject({ identity: 'user-2' });
    expect(
      read({
        getAuthToken: () => {
          throw new Error('no session');
        },
      }),
    ).toMatchObject({ signedIn: false });
  });

  it('stops calling a getter that returned a Promise, and uses the identity it learned', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const memory: CredentialMemory = {};
    const getAuthToken = vi.fn(async () => jwtFor('user-3'));
    expect(read({ getAuthToken }, memory)).toMatchObject({ known: false, signedIn: true });
    expect(memory.asyncGetter).toBe(true);
    memory.learned = 'user-3';
    expect(read({ getAuthToken }, memory)).toMatchObject({ identity: 'user-3', known: true });
    expect(getAuthToken).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });

  it('prefers the identity option over the JWT', () => {
    expect(read({ jwt: jwtFor('user-4'), identity: 'host-id' })).toMatchObject({
      identity: 'host-id',
      known: true,
    });
  });
});
