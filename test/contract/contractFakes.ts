// The two fakes the contract tests run against alike: the sandbox over real HTTP on 127.0.0.1, and the
// MSW handlers over their own model; and how a test gets a Cal.com token from either.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createCalFakeModel } from '../../src/fake/model.js';
import { startSandbox } from '../../src/sandbox/index.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { createBookingsHandlers } from '../../src/testing/createBookingsHandlers.js';
import { createCalApiHandlers } from '../../src/testing/createCalApiHandlers.js';

/** Starts both fakes for the file (in `beforeAll`) and stops them after it. */
export function withContractFakes(origins: { aisquare: string; cal: string }) {
  let sandbox: Sandbox | undefined;
  const mswModel = createCalFakeModel();
  const msw = setupServer(
    ...createBookingsHandlers({ baseUrl: origins.aisquare, model: mswModel }),
    ...createCalApiHandlers({ baseUrl: origins.cal, model: mswModel }),
  );
  beforeAll(async () => {
    sandbox = await startSandbox();
    msw.listen({ onUnhandledRequest: 'bypass' });
  });
  afterAll(async () => {
    msw.close();
    await sandbox?.close();
  });
  return {
    mswModel,
    get sandbox(): Sandbox {
      if (!sandbox) throw new Error('the sandbox starts in beforeAll');
      return sandbox;
    },
  };
}

/** A Cal.com access token from a fake's AISquare token endpoint. */
export async function tokenFrom(base: string, jwt: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/bookings/token/refresh/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

/** An unsigned JWT for `userId`: the MSW handlers' AISquare side reads it without checking a signature. */
export function unsignedJwt(userId: string): string {
  const payload = btoa(JSON.stringify({ sub: userId, exp: 4_102_444_800 }))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
  return `eyJhbGciOiJIUzI1NiJ9.${payload}.c2ln`;
}
