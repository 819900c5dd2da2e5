import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createBookingsSession } from '../../src/session/createBookingsSession.js';
import { getCalApi } from '../../src/session/getCalApi.js';
import { withSandbox } from '../helpers/withSandbox.js';

const fixture = withSandbox();
const unmounts: (() => void)[] = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

describe('a Cal.com token revoked while the session holds it as fresh', () => {
  it('costs one forced refresh for every caller and one retry each, against the sandbox over real HTTP', async () => {
    const { sandbox } = fixture;
    const session = createBookingsSession({
      baseUrl: sandbox.url,
      jwt: await sandbox.issueJwt('revoked'),
      queryClient: new QueryClient(),
      crossTab: false,
    });
    unmounts.push(session.mount());
    const first = await session.getAccessToken();
    const calApi = getCalApi(session);
    await calApi.me();
    // Cal.com's force refresh for another device deletes every token of the user.
    expect(sandbox.revokeCalTokens('revoked')).toBe(1);
    const raw = await fetch(`${sandbox.url}/v2/me`, {
      headers: { authorization: `Bearer ${first}` },
    });
    expect(raw.status).toBe(401);

    // Ten calls meet the 401 together: one token request for all, each retried once.
    const before = sandbox.counts();
    const results = await Promise.all(Array.from({ length: 10 }, () => calApi.me()));
    const after = sandbox.counts();
    expect(results.every((me) => me.username.startsWith('revoked-'))).toBe(true);
    expect(await session.getAccessToken()).not.toBe(first);
    expect(after.token - before.token).toBe(1);
    expect(after['cal.me'] - before['cal.me']).toBe(20);
  }, 20_000);
});
