import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();

/**
 * A raw request with `path` sent verbatim as the request target: fetch would normalize `//host/...`
 * and absolute-form targets before they reach the server.
 */
function rawGet(path: string, jwt: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: fixture.sandbox.port,
        path,
        headers: { Authorization: `Bearer ${jwt}` },
        agent: false,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('routing takes origin-form request targets only', () => {
  it('serves the origin-form target (control)', async () => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    expect(await rawGet('/api/v1/bookings/config/', jwt)).toBe(200);
    expect(await rawGet('/api/v1/bookings/config/?x=1', jwt)).toBe(200);
  });

  it.each([
    ['a scheme-relative target', '//evil/api/v1/bookings/config/'],
    ['an absolute-form target', 'http://evil/api/v1/bookings/config/'],
    ['an absolute-form target naming the sandbox', 'http://127.0.0.1/api/v1/bookings/config/'],
    ['a target with a backslash', '/api\\v1/bookings/config/'],
    ['a target with dot segments', '/api/v1/bookings/user/../config/'],
  ])('answers 404 to %s', async (_name, path) => {
    const jwt = await fixture.sandbox.issueJwt('alice');
    expect(await rawGet(path, jwt)).toBe(404);
    expect(Object.values(fixture.sandbox.counts()).every((count) => count === 0)).toBe(true);
  });
});
