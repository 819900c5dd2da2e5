import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { withSandbox } from '../helpers/withSandbox.js';

const CONFIG = '/api/v1/bookings/config/';
const SECRET = 'sandbox-auth-test-secret';

const fixture = withSandbox();

/** Signs with the sandbox's secret, so only the claims decide whether the JWT is accepted. */
function sign(claims: { sub?: string; exp?: number }): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt();
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

async function detailOf(base: string, jwt: string): Promise<{ status: number; detail: unknown }> {
  const response = await fetch(`${base}${CONFIG}`, { headers: { Authorization: `Bearer ${jwt}` } });
  const body = (await response.json()) as { detail?: unknown };
  return { status: response.status, detail: body.detail };
}

describe('JWT claims the sandbox requires', () => {
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  it('accepts a JWT with sub and exp (control)', async () => {
    const sandbox = await fixture.startExtra({ jwtSecret: SECRET });
    const answer = await detailOf(sandbox.url, await sign({ sub: 'alice', exp: inAnHour() }));
    expect(answer.status).toBe(200);
  });

  it('answers 401 to a JWT without exp, saying exp is missing', async () => {
    const sandbox = await fixture.startExtra({ jwtSecret: SECRET });
    const answer = await detailOf(sandbox.url, await sign({ sub: 'alice' }));
    expect(answer.status).toBe(401);
    expect(answer.detail).toMatch(/\bexp\b/);
  });

  it('answers 401 to a JWT without sub, saying sub is missing', async () => {
    const sandbox = await fixture.startExtra({ jwtSecret: SECRET });
    const answer = await detailOf(sandbox.url, await sign({ exp: inAnHour() }));
    expect(answer.status).toBe(401);
    expect(answer.detail).toMatch(/\bsub\b/);
  });

  it('issueJwt sets both sub and exp', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice', { expiresInSeconds: 120 });
    const claims = decodeJwt(jwt);
    expect(claims.sub).toBe('alice');
    expect(typeof claims.exp).toBe('number');
    expect((await detailOf(fixture.sandbox.url, jwt)).status).toBe(200);
  });
});
