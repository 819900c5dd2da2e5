// Refresh storm: 10,000 clients whose tokens expire at the same instant. When do they refresh?
import { computeRefreshAt } from '../src/token/schedule.js';
import type { BenchRow } from './lib/types.js';

const CLIENTS = 10_000;
const TOKEN_TTL_SECONDS = 3_600;
const LEEWAY_SECONDS = 60;
const WINDOW_MS = 1_000;
const BUDGET_RATIO = 10;

/** The most refreshes that fall in any 1-second window (sliding, not aligned to whole seconds). */
function peakPerSecond(moments: number[]): number {
  const sorted = [...moments].sort((a, b) => a - b);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= WINDOW_MS) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

function refreshMoments(random: () => number): number[] {
  const issuedAt = Date.UTC(2025, 0, 1);
  const expiresAt = issuedAt + TOKEN_TTL_SECONDS * 1000;
  return Array.from({ length: CLIENTS }, () =>
    computeRefreshAt({
      issuedAt,
      expiresAt,
      receivedAt: issuedAt + 50,
      leewaySeconds: LEEWAY_SECONDS,
      random: random(),
    }),
  );
}

export async function measure(): Promise<BenchRow[]> {
  const withJitter = refreshMoments(Math.random);
  const withoutJitter = refreshMoments(() => 0);
  const peakJitter = peakPerSecond(withJitter);
  const peakNoJitter = peakPerSecond(withoutJitter);
  const ratio = peakNoJitter / peakJitter;
  const spreadS = (Math.max(...withJitter) - Math.min(...withJitter)) / 1000;
  return [
    {
      id: 'storm.peak',
      row: `Refresh storm: ${CLIENTS.toLocaleString('en')} clients, same expiry → peak req/s`,
      figure: `${peakJitter}/s vs ${peakNoJitter}/s without jitter (${ratio.toFixed(1)}× lower)`,
      value: ratio,
      budget: `≥ ${BUDGET_RATIO}× lower`,
      pass: ratio >= BUDGET_RATIO,
      method: `src/token computeRefreshAt, Math.random vs () => 0; TTL ${TOKEN_TTL_SECONDS} s, leeway ${LEEWAY_SECONDS} s; sliding 1 s window; spread ${spreadS.toFixed(1)} s`,
      details: { peakJitter, peakNoJitter, ratio, spreadSeconds: spreadS },
    },
  ];
}
