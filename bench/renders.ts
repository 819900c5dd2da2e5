// Renders: do config-only and user-only consumers re-render while the token refreshes? Ten real
// scheduled refreshes against the sandbox with a 1-second token lifetime.
import type { CalToken } from '../src/token/types.js';
import { installDom } from './lib/dom.js';
import type { BenchRow } from './lib/types.js';

const REFRESHES = 3;
const CONSUMERS = 10;
// Longer than the 5 s the token manager keeps between token requests, so each refresh lands before expiry.
const TOKEN_TTL_SECONDS = 6;
const BUDGET = 0;

export async function measure(): Promise<BenchRow[]> {
  installDom();
  const { Tracker, mount } = await import('./lib/consumers.js');
  const { createBookingsClient } = await import('../src/index.js');
  const { startSandbox } = await import('../src/sandbox/index.js');
  const sandbox = await startSandbox({ tokenTtlSeconds: TOKEN_TTL_SECONDS });
  try {
    const jwt = await sandbox.issueJwt('bench-renders');
    await createBookingsClient({ baseUrl: sandbox.url, getAuthToken: () => jwt }).refreshToken({});
    const tracker = new Tracker();
    const tokens: CalToken[] = [];
    const view = mount({
      tracker,
      perHook: { config: CONSUMERS, user: CONSUMERS, token: CONSUMERS },
      provider: {
        baseUrl: sandbox.url,
        getAuthToken: () => jwt,
        onTokenRefreshed: (token) => tokens.push(token),
      },
    });
    await tracker.when(() => tracker.allReady(CONSUMERS), 10_000, 'all consumers ready');
    const start = { ...tracker.commits };
    const first = tokens.length;
    await tracker.when(
      () => tokens.length - first >= REFRESHES && tracker.allReady(CONSUMERS, ['token']),
      (REFRESHES + 2) * TOKEN_TTL_SECONDS * 1000,
      `${REFRESHES} token refreshes`,
    );
    const config = tracker.commits.config - start.config;
    const user = tracker.commits.user - start.user;
    const token = tracker.commits.token - start.token;
    view.unmount();
    return [
      {
        id: 'renders.refresh',
        row: `Renders: config-only + user-only consumers during ${REFRESHES} refreshes`,
        figure: `config ${config}, user ${user}`,
        value: config + user,
        budget: `${BUDGET}`,
        pass: config === BUDGET && user === BUDGET && token > 0,
        method: `${CONSUMERS} consumers per hook, commits counted by useEffect; token consumers committed ${token}× (${(token / CONSUMERS).toFixed(0)} each); sandbox TTL ${TOKEN_TTL_SECONDS} s, scheduled refreshes`,
        details: { config, user, token, refreshes: tokens.length - first },
      },
    ];
  } finally {
    await sandbox.close();
  }
}
