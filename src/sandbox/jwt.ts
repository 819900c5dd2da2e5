import { errors, jwtVerify, SignJWT } from 'jose';
import type { IssueJwtOptions } from './types.js';

/** The claims the sandbox reads from an AISquare JWT. */
export interface SandboxIdentity {
  sub: string;
  email: string | undefined;
  name: string | undefined;
}

type VerifyResult = { ok: true; identity: SandboxIdentity } | { ok: false; detail: string };

export interface JwtAuthority {
  issue(userId: string, options?: IssueJwtOptions): Promise<string>;
  verify(token: string): Promise<VerifyResult>;
}

const ALG = 'HS256';
const NO_SUB = 'Token contained no recognizable user identification: the sub claim is required.';

/**
 * Signs and verifies AISquare-style JWTs (HS256, `sub` = user id) with one shared secret. Verification
 * requires both `sub` and `exp`, and every JWT `issue` signs carries both.
 */
export function createJwtAuthority(secret: Uint8Array): JwtAuthority {
  return {
    async issue(userId, options = {}) {
      if (typeof userId !== 'string' || userId === '') {
        throw new TypeError('issueJwt needs a non-empty user id');
      }
      const expiresIn = options.expiresInSeconds ?? 3600;
      if (!Number.isFinite(expiresIn)) throw new RangeError('expiresInSeconds must be finite');
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, string> = {};
      if (options.email !== undefined) claims.email = options.email;
      if (options.name !== undefined) claims.name = options.name;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: ALG, typ: 'JWT' })
        .setSubject(userId)
        .setIssuedAt(Math.min(now, now + Math.floor(expiresIn) - 1))
        .setExpirationTime(now + Math.floor(expiresIn))
        .sign(secret);
    },

    async verify(token) {
      try {
        // jose checks `exp` only when present; a JWT without one would be valid forever.
        const { payload } = await jwtVerify(token, secret, {
          algorithms: [ALG],
          requiredClaims: ['exp', 'sub'],
        });
        if (typeof payload.sub !== 'string' || payload.sub === '') {
          return { ok: false, detail: NO_SUB };
        }
        return {
          ok: true,
          identity: {
            sub: payload.sub,
            email: typeof payload.email === 'string' ? payload.email : undefined,
            name: typeof payload.name === 'string' ? payload.name : undefined,
          },
        };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, detail: 'Token is expired.' };
        if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'missing') {
          if (error.claim === 'sub') return { ok: false, detail: NO_SUB };
          if (error.claim === 'exp') {
            return { ok: false, detail: 'Token has no expiry: the exp claim is required.' };
          }
        }
        return { ok: false, detail: 'Given token not valid for any token type.' };
      }
    },
  };
}
