// Tabs: four token managers (one per simulated tab) share one BroadcastChannel; how many token
// requests do they make over 10 expiries? Virtual clock + fake client, real managers and channel.
import { createCalTokenManager } from '../src/token/createCalTokenManager.js';
import type { CalTokenManager } from '../src/token/types.js';
import { createChannelFactory, fakeClient } from './lib/tokenFakes.js';
import type { BenchRow } from './lib/types.js';
import { installVirtualClock, seededRandom } from './lib/virtualClock.js';

const TABS = 4;
const EXPIRIES = 10;
const RUNS = 10;
const TOKEN_TTL_SECONDS = 600;
const LATENCY_MS = 100;
const BUDGET_WITHOUT_LOCKS = 12;
const BUDGET_WITH_LOCKS = 10;

interface RunResult {
  startup: number;
  refreshes: number;
  alwaysFresh: boolean;
}

async function simulate(seed: number): Promise<RunResult> {
  const channels = createChannelFactory();
  const clock = installVirtualClock(channels.settle, Date.UTC(2025, 0, 1));
  const { client, starts } = fakeClient(
    (serial) => ({
      access_token: `cal_at_${seed}_${serial}`,
      expires_in: TOKEN_TTL_SECONDS,
      refreshed: serial > 1,
    }),
    LATENCY_MS,
    clock.now,
  );
  const managers: CalTokenManager[] = [];
  try {
    for (let tab = 0; tab < TABS; tab++) {
      managers.push(
        createCalTokenManager({
          client,
          identity: 'bench-user',
          now: clock.now,
          monotonicNow: clock.now,
          random: seededRandom(seed * 100 + tab),
          createChannel: channels.create,
          // locks: left to the default, navigator.locks, which Node 20 does not have
        }),
      );
    }
    for (const manager of managers) manager.start();
    await clock.advanceUntil(() => managers.every((m) => m.getState().status === 'ready'), 60_000);
    const startup = starts.length;
    const expiresAt = () => Math.max(...managers.map((m) => m.getState().token?.expiresAt ?? 0));
    let alwaysFresh = true;
    let expiry = expiresAt();
    for (let i = 0; i < EXPIRIES; i++) {
      await clock.advanceTo(expiry);
      const now = clock.now();
      if (!managers.every((m) => (m.getState().token?.expiresAt ?? 0) > now)) alwaysFresh = false;
      const next = expiresAt();
      if (next <= expiry) throw new Error('the token expired without a refresh');
      expiry = next;
    }
    return { startup, refreshes: starts.length - startup, alwaysFresh };
  } finally {
    for (const manager of managers) manager.dispose();
    clock.uninstall();
  }
}

export async function measure(): Promise<BenchRow[]> {
  const locks =
    typeof navigator !== 'undefined' &&
    typeof (navigator as { locks?: unknown }).locks === 'object';
  const budget = locks ? BUDGET_WITH_LOCKS : BUDGET_WITHOUT_LOCKS;
  const results: RunResult[] = [];
  for (let seed = 1; seed <= RUNS; seed++) results.push(await simulate(seed));
  const refreshes = results.map((r) => r.refreshes);
  const worst = Math.max(...refreshes);
  const alwaysFresh = results.every((r) => r.alwaysFresh);
  const startup = Math.max(...results.map((r) => r.startup));
  return [
    {
      id: 'tabs.requests',
      row: `Tabs: ${TABS} managers, ${EXPIRIES} expiries → token requests`,
      figure: `${worst} (${locks ? 'Web Locks' : 'no Web Locks, BroadcastChannel only'})`,
      value: worst,
      budget: `≤ ${budget}`,
      pass: worst <= budget && alwaysFresh,
      method: `worst of ${RUNS} seeded runs (${Math.min(...refreshes)}–${worst}); Node BroadcastChannel, virtual clock, fake client ${LATENCY_MS} ms, TTL ${TOKEN_TTL_SECONDS} s; startup (${startup}) not counted; every tab fresh at every expiry: ${alwaysFresh ? 'yes' : 'NO'}`,
      details: { runs: results, tabs: TABS, expiries: EXPIRIES, webLocks: locks },
    },
  ];
}
