// The sandbox on hostile input: the e-mail body that made the old pattern backtrack for seconds
// (over real HTTP on 127.0.0.1), and 10,000 spellings of one zone, each of which once cached a
// formatter (through the request function the sandbox runs).
import { handleCalRequest } from '../src/fake/handle.js';
import { startSandbox } from '../src/sandbox/index.js';
import type { BenchRow } from './lib/types.js';

const REDOS_BUDGET_MS = 50;
const HEAP_BUDGET_MB = 5;
const SPELLINGS = 10_000;

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** The `index`-th case spelling of a zone with 17 letters: 131,072 distinct spellings. */
function spelling(index: number): string {
  let bit = 0;
  return Array.from('america/los_angeles', (char) =>
    char >= 'a' && char <= 'z' && (index >> bit++) & 1 ? char.toUpperCase() : char,
  ).join('');
}

export async function measure(): Promise<BenchRow[]> {
  const sandbox = await startSandbox({ calRateLimit: 0 });
  try {
    const jwt = await sandbox.issueJwt('bench-hostile');
    const token = (await fetch(`${sandbox.url}/api/v1/bookings/token/refresh/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: '{}',
    }).then((response) => response.json())) as { access_token: string };
    const types = (await fetch(`${sandbox.url}/v2/event-types`, {
      headers: { authorization: `Bearer ${token.access_token}`, 'cal-api-version': '2024-06-14' },
    }).then((response) => response.json())) as { data: { id: number }[] };
    const eventTypeId = types.data[0]?.id ?? 0;

    // Unauthenticated, as an attacker sends it; the slowest of five.
    const body = JSON.stringify({
      eventTypeId,
      start: '2099-01-05T10:00:00Z',
      attendee: { name: 'x', email: `a@${'a.'.repeat(30_000)}@`, timeZone: 'UTC' },
    });
    const times: number[] = [];
    let status = 0;
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      const response = await fetch(`${sandbox.url}/v2/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cal-api-version': '2024-08-13' },
        body,
      });
      await response.arrayBuffer();
      times.push(performance.now() - started);
      status = response.status;
    }
    const slowest = Math.max(...times);

    // In process, through the request function the sandbox runs, so that the HTTP client and server
    // (whose buffers grow resident memory by ~50 MB over 10,000 requests whatever the zone) stay out.
    const query = (zone: string) =>
      new URLSearchParams({
        eventTypeId: String(eventTypeId),
        start: '2099-01-05',
        end: '2099-01-05',
        timeZone: zone,
      });
    const slots = (zone: string) =>
      handleCalRequest(sandbox.calModel, {
        method: 'GET',
        pathname: '/v2/slots',
        query: query(zone),
        headers: (name) => (name === 'cal-api-version' ? '2024-09-04' : undefined),
      });
    // The same number of requests with one spelling first: what the request path itself needs is
    // then resident already, and what follows is the spellings' share.
    for (let index = 0; index < SPELLINGS; index += 1) slots('America/Los_Angeles');
    gc();
    const before = process.memoryUsage();
    let answered = 0;
    for (let index = 0; index < SPELLINGS; index += 1) {
      if (slots(spelling(index)).status === 200) answered += 1;
    }
    gc();
    const after = process.memoryUsage();
    // Intl formatters live mostly outside the JS heap (ICU), so resident memory is what grows.
    const grownMb = (after.rss - before.rss) / 1_048_576;
    const heapMb = (after.heapUsed - before.heapUsed) / 1_048_576;

    return [
      {
        id: 'sandbox.redos',
        row: 'Sandbox: the old e-mail ReDoS body (unauthenticated POST /v2/bookings)',
        figure: `${slowest.toFixed(1)} ms (HTTP ${status})`,
        value: slowest,
        budget: `< ${REDOS_BUDGET_MS} ms`,
        pass: slowest < REDOS_BUDGET_MS && status === 400,
        method: `slowest of 5 requests over HTTP on 127.0.0.1, attendee e-mail "a@" + "a.".repeat(30000) + "@" (the old pattern took 2.4–4.5 s)`,
        details: { times },
      },
      {
        id: 'sandbox.zoneSpellings',
        row: `Sandbox: memory growth over ${SPELLINGS.toLocaleString('en')} zone spellings`,
        figure: `${grownMb.toFixed(2)} MB resident, ${heapMb.toFixed(2)} MB JS heap (${answered} answered)`,
        value: grownMb,
        budget: `< ${HEAP_BUDGET_MB} MB`,
        pass: grownMb < HEAP_BUDGET_MB && answered === SPELLINGS,
        method: `GET /v2/slots through the sandbox's request function with ${SPELLINGS.toLocaleString('en')} distinct timeZone spellings (case variants of America/Los_Angeles), after as many requests with one spelling; resident set size after gc() before and after, JS heap beside it (the old cache grew 280 MB)`,
      },
    ];
  } finally {
    await sandbox.close();
  }
}
