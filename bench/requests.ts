// Requests: 1, 10 and 100 consumers of each hook under one provider (StrictMode) against the real
// sandbox over HTTP → requests per endpoint.
import type { SandboxCounts } from '../src/sandbox/index.js';
import { installDom, sleep } from './lib/dom.js';
import type { BenchRow } from './lib/types.js';

const SIZES = [1, 10, 100];
const QUIET_MS = 300;
const BUDGET = 1;

export async function measure(): Promise<BenchRow[]> {
  installDom();
  const { Tracker, mount } = await import('./lib/consumers.js');
  const { createBookingsClient } = await import('../src/index.js');
  const { startSandbox } = await import('../src/sandbox/index.js');
  const sandbox = await startSandbox();
  const rows: BenchRow[] = [];
  try {
    for (const n of SIZES) {
      const jwt = await sandbox.issueJwt(`bench-requests-${n}`);
      // An existing Cal.com user: a first-time user's user query is refetched once after the
      // integration by design (404, then the user).
      await createBookingsClient({ baseUrl: sandbox.url, getAuthToken: () => jwt }).refreshToken(
        {},
      );
      const before = sandbox.counts();
      const tracker = new Tracker();
      const view = mount({
        tracker,
        perHook: { config: n, user: n, token: n },
        provider: { baseUrl: sandbox.url, getAuthToken: () => jwt },
      });
      await tracker.when(() => tracker.allReady(n), 15_000, `${n} consumers per hook to be ready`);
      await sleep(QUIET_MS); // late duplicates (refetch on mount, StrictMode remount) would land here
      const after = sandbox.counts();
      view.unmount();
      const used: Pick<SandboxCounts, 'config' | 'user' | 'token'> = {
        config: after.config - before.config,
        user: after.user - before.user,
        token: after.token - before.token,
      };
      const worst = Math.max(used.config, used.user, used.token);
      rows.push({
        id: `requests.${n}`,
        row: `Requests: ${n} consumer${n === 1 ? '' : 's'} per hook`,
        figure: `config ${used.config}, user ${used.user}, token ${used.token}`,
        value: worst,
        budget: `${BUDGET} per endpoint`,
        pass: used.config === BUDGET && used.user === BUDGET && used.token === BUDGET,
        method: `${3 * n} components, one provider, StrictMode, jsdom; sandbox.counts() after all ready + ${QUIET_MS} ms`,
        details: { ...used },
      });
    }
  } finally {
    await sandbox.close();
  }
  return rows;
}
