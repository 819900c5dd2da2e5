// Time to ready: mount → config, user and token all ready, against the sandbox with 100 ms latency,
// as a ratio to one request; beside a sequential baseline measured in the same run.
import { installDom } from './lib/dom.js';
import type { BenchRow } from './lib/types.js';

const LATENCY_MS = 100;
const RUNS = 5;
const BUDGET_RATIO = 1.5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function measure(): Promise<BenchRow[]> {
  installDom();
  const { Tracker, mount } = await import('./lib/consumers.js');
  const { createBookingsClient } = await import('../src/index.js');
  const { startSandbox } = await import('../src/sandbox/index.js');
  const sandbox = await startSandbox({ latencyMs: LATENCY_MS });
  const single: number[] = [];
  const sequential: number[] = [];
  const parallel: number[] = [];
  try {
    // One warm-up round (JIT, sockets), then RUNS measured rounds, each with a fresh identity that
    // already has a Cal.com user (as on every visit but the first).
    for (let run = 0; run <= RUNS; run++) {
      const jwt = await sandbox.issueJwt(`bench-ready-${run}`);
      const client = createBookingsClient({ baseUrl: sandbox.url, getAuthToken: () => jwt });
      await client.refreshToken({});

      let started = performance.now();
      await client.getConfig();
      const one = performance.now() - started;

      started = performance.now();
      await client.getConfig();
      await client.refreshToken({});
      await client.getUser();
      const seq = performance.now() - started;

      const tracker = new Tracker();
      started = performance.now();
      const view = mount({
        tracker,
        perHook: { config: 1, user: 1, token: 1 },
        provider: { baseUrl: sandbox.url, getAuthToken: () => jwt },
      });
      const readyAt = await tracker.when(() => tracker.allReady(1), 10_000, 'all three ready');
      view.unmount();
      if (run === 0) continue;
      single.push(one);
      sequential.push(seq);
      parallel.push(readyAt - started);
    }
  } finally {
    await sandbox.close();
  }
  const one = median(single);
  const par = median(parallel);
  const seq = median(sequential);
  const ratio = par / one;
  const seqRatio = seq / one;
  return [
    {
      id: 'ready.ratio',
      row: `Time to ready (${LATENCY_MS} ms latency): provider, ratio to 1 request`,
      figure: `${ratio.toFixed(2)}× (sequential baseline ${seqRatio.toFixed(2)}×)`,
      value: ratio,
      budget: `≤ ${BUDGET_RATIO}×`,
      pass: ratio <= BUDGET_RATIO,
      method: `mount → config+user+token ready, median of ${RUNS} (${par.toFixed(0)} ms); 1 request ${one.toFixed(0)} ms; 3 awaited client calls ${seq.toFixed(0)} ms`,
      details: {
        singleMs: single,
        parallelMs: parallel,
        sequentialMs: sequential,
        ratio,
        sequentialRatio: seqRatio,
      },
    },
  ];
}
