// Tabs: four token managers (one per simulated tab) share one BroadcastChannel; how many token
// requests do they make over 10 expiries? Virtual clock + fake client, real managers and channel.
import type { CalTokenRefreshResponse } from '../src/client/schemas.js';
import { createCalTokenManager } from '../src/token/createCalTokenManager.js';
import type {
  CalTokenChannel,
  CalTokenManager,
  CalTokenManagerOptions,
} from '../src/token/types.js';
import type { BenchRow } from './lib/types.js';
import { installVirtualClock, seededRandom } from './lib/virtualClock.js';

const TABS = 4;
const EXPIRIES = 10;
const RUNS = 10;
const TOKEN_TTL_SECONDS = 600;
const LATENCY_MS = 100;
const BUDGET_WITHOUT_LOCKS = 12;
const BUDGET_WITH_LOCKS = 10;

const realSetImmediate = globalThis.setImmediate;
const nextTurn = () => new Promise<void>((resolve) => realSetImmediate(resolve));

/** Counts messages posted and delivered, so the simulation can wait until every tab has heard. */
export function createChannelFactory() {
  const open = new Map<string, number>();
  let expected = 0;
  let delivered = 0;
  const create = (name: string): CalTokenChannel => {
    const channel = new BroadcastChannel(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    const wrapped = new Map<unknown, (event: MessageEvent) => void>();
    let closed = false;
    return {
      postMessage(message) {
        expected += (open.get(name) ?? 1) - 1;
        channel.postMessage(message);
      },
      addEventListener(_type, listener) {
        const wrapper = (event: MessageEvent) => {
          delivered += 1;
          listener(event);
        };
        wrapped.set(listener, wrapper);
        channel.addEventListener('message', wrapper as EventListener);
      },
      removeEventListener(_type, listener) {
        const wrapper = wrapped.get(listener);
        if (wrapper) channel.removeEventListener('message', wrapper as EventListener);
        wrapped.delete(listener);
      },
      close() {
        if (closed) return;
        closed = true;
        open.set(name, (open.get(name) ?? 1) - 1);
        channel.close();
      },
    };
  };
  /** Real event-loop turns until every posted message has reached every other open tab. */
  const settle = async () => {
    for (let turn = 0; turn < 10_000; turn++) {
      await nextTurn();
      if (delivered >= expected && turn >= 2) return;
    }
    throw new Error(`BroadcastChannel: ${expected - delivered} message(s) never delivered`);
  };
  return { create, settle };
}

interface RunResult {
  startup: number;
  refreshes: number;
  alwaysFresh: boolean;
}

async function simulate(seed: number): Promise<RunResult> {
  const channels = createChannelFactory();
  const clock = installVirtualClock(channels.settle, Date.UTC(2025, 0, 1));
  let requests = 0;
  const client: CalTokenManagerOptions['client'] = {
    baseUrl: 'https://aisquare.bench.invalid',
    refreshToken(_body, options) {
      requests += 1;
      const serial = requests;
      return new Promise<CalTokenRefreshResponse>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            resolve({
              access_token: `cal_at_${seed}_${serial}`,
              expires_in: TOKEN_TTL_SECONDS,
              token_type: 'Bearer',
              refreshed: serial > 1,
              integration_status: 'existing',
              cal_client_id: 'bench',
            }),
          LATENCY_MS,
        );
        options?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    },
  };
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
    const startup = requests;
    requests = 0;
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
    return { startup, refreshes: requests, alwaysFresh };
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
