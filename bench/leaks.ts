// Leaks: 1,000 provider mount/unmount cycles in jsdom → timers still pending, window/document
// listeners still attached, BroadcastChannels still open, heap growth after GC.
import { resolve } from 'node:path';
import { installDom } from './lib/dom.js';
import {
  type LiveTimer,
  trackBroadcastChannels,
  trackListeners,
  trackTimers,
} from './lib/tracking.js';
import type { BenchRow } from './lib/types.js';

const CYCLES = 1_000;
const WARMUP = 50;
const HEAP_SANITY_MB = 20;
const BASE_URL = 'https://api.bench.invalid';
const ROOT = resolve(import.meta.dirname, '..');

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsigned JWT: the provider only reads its `sub` to scope the cache. */
const JWT = `${base64url({ alg: 'none' })}.${base64url({ sub: 'bench-leaks' })}.sig`;

const BODIES: Record<string, unknown> = {
  '/api/v1/bookings/config/': { cal_client_id: 'bench', cal_api_url: 'https://api.cal.com/v2' },
  '/api/v1/bookings/user/': { id: 1, email: 'bench@example.com', username: 'bench' },
  '/api/v1/bookings/token/refresh/': {
    access_token: 'cal_at_bench',
    expires_in: 3600,
    token_type: 'Bearer',
    refreshed: true,
    integration_status: 'existing',
    cal_client_id: 'bench',
  },
};

/** An in-memory API: answers on the next event-loop turn (no timer), honours abort. */
const fakeFetch: typeof fetch = (input, init) =>
  new Promise<Response>((resolve, reject) => {
    const signal = init?.signal;
    const onAbort = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    setImmediate(() => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return;
      const body = BODIES[new URL(String(input)).pathname];
      resolve(
        new Response(JSON.stringify(body ?? { detail: 'Not found.' }), {
          status: body ? 200 : 404,
          headers: { 'content-type': 'application/json' },
        }),
      );
    });
  });

/** Where a leaked timer came from: its first stack frame outside the bench and node internals. */
function origin(timer: LiveTimer): string {
  const frames = timer.stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !line.includes('/bench/') && !line.includes('node:'))
    .map((line) =>
      line
        .replace(/^at /, '')
        .replaceAll(`${ROOT}/`, '')
        .replace(/^.*\((.*)\)$/, '$1'),
    )
    // one frame per file, two files: enough to name the culprit
    .filter((frame, i, all) => i === 0 || frame.split(':')[0] !== all[i - 1]!.split(':')[0])
    .slice(0, 2);
  return `${timer.kind} ${timer.delay} ms at ${frames.join(' ← ') || '?'}`;
}

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 4; i++) gc?.();
  return process.memoryUsage().heapUsed;
}

export async function measure(): Promise<BenchRow[]> {
  const timers = trackTimers();
  const channels = trackBroadcastChannels();
  const win = installDom();
  const listeners = trackListeners({ window: win, document: win.document });
  const { Tracker, mount } = await import('./lib/consumers.js');
  const canGc = typeof (globalThis as { gc?: unknown }).gc === 'function';

  const cycle = async (i: number) => {
    const tracker = new Tracker();
    const view = mount({
      tracker,
      perHook: { config: 1, user: 1, token: 1 },
      provider: { baseUrl: BASE_URL, getAuthToken: () => JWT, fetch: fakeFetch },
    });
    // Every other cycle unmounts with the three requests still in flight.
    if (i % 2 === 0) await tracker.when(() => tracker.allReady(1), 5_000, `cycle ${i} ready`);
    else await nextTurn();
    view.unmount();
    for (let t = 0; t < 3; t++) await nextTurn(); // deferred disposal (microtask) and aborts
  };

  for (let i = 0; i < WARMUP; i++) await cycle(i);
  const timersBefore = timers.live();
  const listenersBefore = listeners.count();
  const channelsBefore = channels.open();
  const heapBefore = heapUsed();
  const started = performance.now();
  for (let i = 0; i < CYCLES; i++) await cycle(i);
  const elapsed = performance.now() - started;
  for (let t = 0; t < 10; t++) await nextTurn();
  const leakedTimers = timers.since(timersBefore);
  const leakedListeners = listeners.count() - listenersBefore;
  const leakedChannels = channels.open() - channelsBefore;
  const heapGrowthMb = (heapUsed() - heapBefore) / 1e6;

  const origins = new Map<string, number>();
  for (const timer of leakedTimers)
    origins.set(origin(timer), (origins.get(origin(timer)) ?? 0) + 1);
  const topOrigins = [...origins.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const how = `${CYCLES} cycles (half unmounted mid-request) after ${WARMUP} warm-up, StrictMode, 1 consumer per hook, in-memory fetch; ${(elapsed / 1000).toFixed(1)} s`;
  return [
    {
      id: 'leaks.timers',
      row: `Leaks: pending timers after ${CYCLES.toLocaleString('en')} mount/unmount`,
      figure: String(leakedTimers.length),
      value: leakedTimers.length,
      budget: '0',
      pass: leakedTimers.length === 0,
      method: `live setTimeout/setInterval (global wrapped) vs after warm-up; ${how}${topOrigins.length ? `; from ${topOrigins.map(([o, n]) => `${n}× ${o}`).join(', ')}` : ''}`,
      details: { leaked: leakedTimers.length, origins: Object.fromEntries(origins) },
    },
    {
      id: 'leaks.listeners',
      row: `Leaks: window/document listeners after ${CYCLES.toLocaleString('en')} cycles`,
      figure: `${leakedListeners} (+${leakedChannels} BroadcastChannels open)`,
      value: leakedListeners,
      budget: '0',
      pass: leakedListeners === 0 && leakedChannels === 0,
      method:
        'add/removeEventListener on window and document wrapped; open BroadcastChannels counted',
      details: { listeners: leakedListeners, channels: leakedChannels, live: listeners.live() },
    },
    {
      id: 'leaks.heap',
      row: `Leaks: heap growth after GC, ${CYCLES.toLocaleString('en')} cycles`,
      figure: canGc ? `${heapGrowthMb.toFixed(2)} MB` : 'n/a (no --expose-gc)',
      value: canGc ? heapGrowthMb : null,
      budget: `sanity < ${HEAP_SANITY_MB} MB`,
      pass: canGc ? heapGrowthMb < HEAP_SANITY_MB : false,
      method: 'process.memoryUsage().heapUsed after global.gc() ×4, vs after warm-up',
      details: { heapGrowthMb, gc: canGc },
    },
  ];
}
